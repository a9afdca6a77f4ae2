package dev.bulwark.incidents.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignSuggesterTest {

  static Incident cable(String name, String day, double lat, double lon, String imo) {
    return Incident.reported(
        name,
        "",
        new ActDetails.UnderseaSabotage("cable", name, Optional.empty(), Optional.empty()),
        Instant.parse(day + "T12:00:00Z"),
        Optional.of(new GeoPoint(lat, lon)),
        new Entities(
            imo == null ? List.of() : List.of(imo), List.of(), List.of(), List.of(), List.of()),
        List.of(),
        "a",
        Instant.parse(day + "T13:00:00Z"),
        "analyst");
  }

  @Test
  void linksTheSameVesselsActsAndSaysWhy() {
    Incident a = cable("Balticconnector", "2023-10-08", 59.9, 24.5, "9867839");
    Incident b = cable("EE-FI telecom", "2023-10-08", 59.8, 24.4, "9867839");
    Incident c = cable("EE-SE telecom", "2023-10-09", 58.9, 21.6, "9867839");
    Incident far = cable("Unrelated", "2021-02-01", 54.5, 12.0, null);
    List<Suggestion> s = new CampaignSuggester().suggest(List.of(a, b, c, far));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).incidents()).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(s.get(0).reasons()).contains("same IMO 9867839", "same kind sabotage-undersea");
    assertThat(s.get(0).score()).isBetween(0.5, 1.0);
    assertThat(s.get(0).id())
        .isEqualTo(new CampaignSuggester().suggest(List.of(far, c, b, a)).get(0).id());
  }

  @Test
  void aLargeRegisterGivesBoundedGroupsOfVisibleIncidentsOnly() {
    List<Incident> register = SyntheticRegister.incidents(20_000, 5);
    List<Incident> visible = register.subList(0, 15_000);
    List<Suggestion> s = new CampaignSuggester().suggest(visible);
    assertThat(s).isNotEmpty();
    assertThat(s)
        .allMatch(
            x -> x.incidents().size() >= 2 && x.incidents().size() <= CampaignSuggester.MAX_GROUP);
    Set<String> hidden = new HashSet<>();
    register.subList(15_000, 20_000).forEach(i -> hidden.add(i.id()));
    assertThat(s).allMatch(x -> x.incidents().stream().noneMatch(hidden::contains));
  }

  @Test
  void anAcceptedSuggestionIsAValidCampaignWithRelationships() {
    Incident a = cable("one", "2023-10-08", 59.9, 24.5, "9867839");
    Incident b = cable("two", "2023-10-09", 59.8, 24.4, "9867839");
    List<StixObject> objects =
        CampaignStix.accepted(
            "Anchor dragging Oct 2023",
            "same IMO",
            List.of(a, b),
            List.of(Tlp.AMBER.markingDefinitionId()),
            null,
            Instant.parse("2023-11-01T00:00:00Z"));
    assertThat(objects)
        .extracting(StixObject::type)
        .containsExactly("campaign", "relationship", "relationship");
    StixValidator v = new StixValidator();
    assertThat(objects).allMatch(o -> v.validate(o).valid());
    assertThat(objects.get(1).string("relationship_type")).contains("associated-with");
    assertThat(objects.get(0).string("first_seen")).contains("2023-10-08T12:00:00.000Z");
  }
}
