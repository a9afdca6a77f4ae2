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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
  void theSameStateAttributedByTwoNationsIsOnePublicBodyNotACompany() {
    List<StixObject> evidence = new ArrayList<>();
    String[][] byNation = {
      {"EST", "identity--11111111-17d4-4cbf-938f-98ee46b3cd3f", "Russian Federation"},
      {"FIN", "identity--22222222-17d4-4cbf-938f-98ee46b3cd3f", "Russian  federation"}
    };
    List<String> incidents = new ArrayList<>();
    for (int i = 0; i < byNation.length; i++) {
      StixObject incident =
          IncidentStix.firstVersion(Samples.of(Samples.everyKind().get(i)), Samples.T0);
      incidents.add(incident.id());
      ObjectNode content =
          StixBuilder.of("identity", byNation[i][1])
              .put("name", byNation[i][2])
              .put("identity_class", "organization")
              .json();
      content.putArray("sectors").add("government-national");
      StixObject state =
          StixVersions.stamped(content, "2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z");
      evidence.add(incident);
      evidence.add(state);
      evidence.add(attribution(incident.id(), byNation[i][1], byNation[i][0]));
    }
    JsonMapper m = JsonMapper.builder().build();
    List<JsonNode> entities =
        FtmWriter.proposal(
                evidence,
                "EU",
                "EU hybrid threats regime",
                "Hybrid acts",
                LocalDate.parse("2025-03-01"))
            .stream()
            .map(m::readTree)
            .toList();
    List<JsonNode> states =
        entities.stream().filter(e -> e.path("schema").asString().equals("PublicBody")).toList();
    assertThat(entities).noneMatch(e -> e.path("schema").asString().equals("Company"));
    assertThat(states).hasSize(1);
    JsonNode state = states.get(0);
    assertThat(state.path("id").asString()).isEqualTo("bulwark-public-body-russian-federation");
    assertThat(state.path("properties").path("name").get(0).asString())
        .isEqualTo("Russian Federation");
    assertThat(state.path("properties").path("notes").toString())
        .contains(byNation[0][1])
        .contains(byNation[1][1]);
    List<JsonNode> sanctions =
        entities.stream()
            .filter(
                e ->
                    e.path("properties")
                        .path("entity")
                        .path(0)
                        .asString()
                        .equals(state.path("id").asString()))
            .toList();
    assertThat(sanctions).hasSize(1);
    assertThat(sanctions.get(0).path("properties").path("summary").toString())
        .contains(incidents.get(0))
        .contains(incidents.get(1));
    Set<String> ids = new HashSet<>();
    entities.forEach(e -> ids.add(e.path("id").asString()));
    entities.forEach(e -> assertThat(FtmSchema.check(e, ids)).isEmpty());
  }

  private static StixObject attribution(String incident, String target, String nation) {
    return AttributionStix.relationship(
        new Attribution(
            incident,
            target,
            80,
            "estimative-language:likelihood-probability=\"likely\"",
            "B",
            "2",
            "state-coordinated",
            nation,
            "",
            List.of(),
            Optional.empty()),
        Samples.T0);
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
    assertThat(FtmSchema.schemata())
        .contains("Person", "Company", "PublicBody", "Vessel", "Sanction");
  }
}
