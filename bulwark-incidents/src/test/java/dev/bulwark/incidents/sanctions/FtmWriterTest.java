package dev.bulwark.incidents.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Samples;
import dev.bulwark.incidents.attribution.Attribution;
import dev.bulwark.incidents.attribution.AttributionStix;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixVersions;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FtmWriterTest {

  @Test
  void aProposalListsTheVesselAndTheAttributedCompanyWithProposedSanctionsValidAgainstFtm() {
    StixObject incident =
        IncidentStix.firstVersion(Samples.of(Samples.everyKind().get(0)), Samples.T0);
    String company = "identity--7e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    StixObject owner =
        StixVersions.stamped(
            StixBuilder.of("identity", company)
                .put("name", "Shadow Fleet Shipping Ltd")
                .put("identity_class", "organization")
                .json(),
            "2025-01-01T00:00:00.000Z",
            "2025-01-01T00:00:00.000Z");
    StixObject rel =
        AttributionStix.relationship(
            new Attribution(
                incident.id(),
                company,
                60,
                "estimative-language:likelihood-probability=\"likely\"",
                "B",
                "2",
                "state-shaped",
                "FIN",
                "",
                List.of(),
                Optional.empty()),
            Samples.T0);
    List<String> lines =
        FtmWriter.proposal(
            List.of(incident, owner, rel),
            "Council of the European Union",
            "EU hybrid threats regime",
            "Damage to Estlink 2",
            LocalDate.parse("2025-03-01"));
    JsonMapper m = JsonMapper.builder().build();
    List<JsonNode> entities = lines.stream().map(m::readTree).toList();
    assertThat(entities)
        .extracting(e -> e.path("schema").asString())
        .containsExactly("Vessel", "Company", "Sanction", "Sanction");
    JsonNode vessel = entities.get(0);
    assertThat(vessel.path("properties").path("imoNumber").get(0).asString())
        .isEqualTo("IMO9329760");
    assertThat(vessel.path("properties").path("mmsi").get(0).asString()).isEqualTo("518998000");
    JsonNode sanction = entities.get(2);
    assertThat(sanction.path("properties").path("status").get(0).asString()).isEqualTo("proposed");
    assertThat(sanction.path("properties").path("listingDate").get(0).asString())
        .isEqualTo("2025-03-01");
    Set<String> ids = new HashSet<>();
    entities.forEach(e -> ids.add(e.path("id").asString()));
    entities.forEach(e -> assertThat(FtmSchema.check(e, ids)).isEmpty());
  }

  @Test
  void theSchemaCheckNamesWhatIsWrong() {
    JsonNode bad =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"id\":\"x\",\"schema\":\"Sanction\",\"properties\":{\"listingDate\":[\"1 March\"],\"colour\":[\"red\"],\"entity\":[\"nowhere\"]}}");
    assertThat(FtmSchema.check(bad, Set.of("x")))
        .extracting(p -> p.path())
        .containsExactlyInAnyOrder(
            "/properties/listingDate", "/properties/colour", "/properties/entity");
    assertThat(FtmSchema.schemata()).contains("Person", "Company", "Vessel", "Sanction");
  }
}
