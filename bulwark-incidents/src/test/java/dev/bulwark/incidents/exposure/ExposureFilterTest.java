package dev.bulwark.incidents.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.Samples;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixVersions;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** CLEAR and AMBER material posted together: nothing of the AMBER reaches the public page. */
class ExposureFilterTest {

  static final String CLEAR = Tlp.CLEAR.markingDefinitionId();
  static final String AMBER = Tlp.AMBER.markingDefinitionId();
  static final String TS = "2025-01-01T00:00:00.000Z";
  static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");

  static StixObject stamp(StixBuilder b) {
    return StixVersions.stamped(b.json(), TS, TS);
  }

  @Test
  void noAmberTextIdOrCountReachesThePublicPage() {
    Incident amberIncident =
        Samples.of(Samples.everyKind().get(1))
            .with(
                List.of(),
                Optional.empty(),
                Samples.of(Samples.everyKind().get(1)).determination());
    StixObject b =
        IncidentStix.firstVersion(
            new Incident(
                amberIncident.id(),
                "AMBER-NAME rail attack",
                "AMBER-TEXT",
                amberIncident.details(),
                amberIncident.status(),
                amberIncident.determination(),
                amberIncident.firstSeen(),
                amberIncident.location(),
                amberIncident.entities(),
                amberIncident.history(),
                List.of(),
                List.of(AMBER),
                amberIncident.createdBy(),
                "analyst"),
            NOW);
    String amberTask = "task--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb4";
    Incident clear = Samples.of(Samples.everyKind().get(0));
    clear =
        new Incident(
            clear.id(),
            "Estlink 2 severed",
            "SECRET-DESC of the damage",
            clear.details(),
            clear.status(),
            clear.determination(),
            clear.firstSeen(),
            clear.location(),
            clear.entities(),
            clear.history(),
            List.of(b.id()),
            List.of(CLEAR),
            clear.createdBy(),
            "analyst");
    ObjectNode a = IncidentStix.firstVersion(clear, NOW).json();
    a.withObjectProperty("extensions")
        .withObjectProperty(BulwarkExtensions.INCIDENT_CORE)
        .putArray("tasks")
        .addObject()
        .put("task_ref", amberTask);
    a.putArray("granular_markings")
        .addObject()
        .put("marking_ref", AMBER)
        .putArray("selectors")
        .add("description");
    StixObject incidentA = StixObject.of(a);

    String actor = "threat-actor--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    StixObject threatActor =
        stamp(
            StixBuilder.of("threat-actor", actor)
                .put("name", "AMBER-ACTOR")
                .markings(List.of(AMBER)));
    StixObject clearRelToAmber =
        stamp(
            StixBuilder.of("relationship", "relationship--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("relationship_type", "attributed-to")
                .put("source_ref", incidentA.id())
                .put("target_ref", actor)
                .markings(List.of(CLEAR)));
    StixObject amberRel =
        stamp(
            StixBuilder.of("relationship", "relationship--2e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("relationship_type", "related-to")
                .put("source_ref", incidentA.id())
                .put("target_ref", b.id())
                .markings(List.of(AMBER)));
    String campaign = "campaign--3e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    StixObject camp =
        stamp(
            StixBuilder.of("campaign", campaign)
                .put("name", "Cable campaign")
                .markings(List.of(CLEAR)));
    StixObject campToA =
        stamp(
            StixBuilder.of("relationship", "relationship--4e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("relationship_type", "associated-with")
                .put("source_ref", campaign)
                .put("target_ref", incidentA.id())
                .markings(List.of(CLEAR)));
    StixObject campToB =
        stamp(
            StixBuilder.of("relationship", "relationship--5e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("relationship_type", "associated-with")
                .put("source_ref", campaign)
                .put("target_ref", b.id())
                .markings(List.of(CLEAR)));
    StixObject unmarked =
        stamp(
            StixBuilder.of("note", "note--6e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("content", "UNMARKED-NOTE")
                .strings("object_refs", List.of(incidentA.id())));

    List<StixObject> all =
        List.of(
            incidentA, b, threatActor, clearRelToAmber, amberRel, camp, campToA, campToB, unmarked);
    Exposure e = ExposureFilter.publicView(all, o -> false);
    assertThat(e.published())
        .extracting(StixObject::id)
        .containsExactlyInAnyOrder(incidentA.id(), campaign, campToA.id());

    StixObject report = ExposureHtml.report("Exposure: cable campaign", e, NOW);
    List<String> published = new ArrayList<>();
    published.add(report.toJson());
    e.published().forEach(o -> published.add(o.toJson()));
    for (String text : published) {
      assertThat(text)
          .doesNotContain(
              b.id(),
              actor,
              amberRel.id(),
              clearRelToAmber.id(),
              campToB.id(),
              amberTask,
              unmarked.id())
          .doesNotContain(
              "AMBER-NAME", "AMBER-TEXT", "AMBER-ACTOR", "SECRET-DESC", "UNMARKED-NOTE");
    }
    assertThat(report.toJson()).doesNotContainIgnoringCase("withheld");
    assertThat(new StixValidator().validate(report).errors()).isEmpty();
    e.published()
        .forEach(o -> assertThat(new StixValidator().validate(o).errors()).as(o.id()).isEmpty());
    assertThat(e.withheld())
        .extracting(Withheld::objectRef)
        .contains(b.id(), actor, incidentA.id());
  }

  @Test
  void aNationListedObjectIsNeverPublic() {
    StixObject camp =
        stamp(
            StixBuilder.of("campaign", "campaign--3e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("name", "x")
                .markings(List.of(CLEAR)));
    assertThat(ExposureFilter.publicView(List.of(camp), o -> true).published()).isEmpty();
  }

  @Test
  void textIsEscaped() {
    ObjectNode view = JsonMapper.builder().build().createObjectNode();
    view.put("name", "<script>x</script>").put("description", "a & b");
    view.putObject("kind_fields").put("asset_name", "\"quoted\"");
    view.putArray("attributions").addObject().put("attributed_to_name", "<b>actor</b>");
    view.putArray("responses").addObject().put("option", "<i>option</i>");
    ArrayNode incidents = JsonMapper.builder().build().createArrayNode().add(view);
    String html = ExposureHtml.page("<t>", "<s>", "2025-01-01T00:00:00.000Z", incidents);
    assertThat(html)
        .doesNotContain("<script>", "<b>", "<i>", "<t>", "<s>")
        .contains("&lt;script&gt;", "a &amp; b", "&quot;quoted&quot;", "&lt;b&gt;actor");
  }
}
