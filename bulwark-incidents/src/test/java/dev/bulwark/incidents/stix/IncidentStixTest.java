package dev.bulwark.incidents.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.Samples;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class IncidentStixTest {

  private final StixValidator validator = new StixValidator();

  @Test
  void everyKindRoundTripsThroughStixAndIsValidStix() throws Exception {
    for (ActDetails d : Samples.everyKind()) {
      Incident i = Samples.of(d);
      StixObject o = IncidentStix.firstVersion(i, Samples.T0.plusSeconds(60));
      assertThat(validator.validate(o).errors()).as(d.kind().slug()).isEmpty();
      StixObject reread = new StixCodec().parseObject(o.toJson());
      assertThat(IncidentStix.fromStix(reread)).as(d.kind().slug()).isEqualTo(i);
      ObjectNode core =
          (ObjectNode) o.json().path("extensions").path(BulwarkExtensions.INCIDENT_CORE);
      assertThat(core.path("determination").asString()).isEqualTo("suspected");
      assertThat(core.path("investigation_status").asString()).isEqualTo("new");
      assertThat(core.path("incident_types").get(0).asString()).isEqualTo(d.kind().slug());
    }
  }

  @Test
  void aLifecycleStepIsANewVersionKeepingIdCreatedAndWhatItDoesNotOwn() {
    Incident i = Samples.of(Samples.everyKind().get(0));
    ObjectNode first = IncidentStix.firstVersion(i, Samples.T0).json();
    first
        .withObjectProperty("extensions")
        .withObjectProperty(BulwarkExtensions.INCIDENT_CORE)
        .putArray("tasks")
        .addObject()
        .put("task_ref", "task--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb4");
    StixObject v1 = StixObject.of(first);
    Instant later = Samples.T0.plusSeconds(3600);
    StixObject v2 = IncidentVersions.transition(v1, Status.ASSESSED, "lead@FIN", later);
    assertThat(v2.id()).isEqualTo(v1.id());
    assertThat(v2.created()).isEqualTo(v1.created());
    assertThat(v2.modified().orElseThrow()).isGreaterThan(v1.modified().orElseThrow());
    assertThat(v2.objectMarkingRefs()).isEqualTo(v1.objectMarkingRefs());
    Incident moved = IncidentStix.fromStix(v2);
    assertThat(moved.status()).isEqualTo(Status.ASSESSED);
    assertThat(moved.history()).hasSize(2);
    assertThat(moved.history().get(1).by()).isEqualTo("lead@FIN");
    ObjectNode core =
        (ObjectNode) v2.json().path("extensions").path(BulwarkExtensions.INCIDENT_CORE);
    assertThat(core.path("investigation_status").asString()).isEqualTo("open");
    assertThat(core.path("tasks").get(0).path("task_ref").asString()).startsWith("task--");
  }

  @Test
  void aResponseIsListedInTheNextVersionOnce() {
    StixObject v1 = IncidentStix.firstVersion(Samples.of(Samples.everyKind().get(3)), Samples.T0);
    String task = "task--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb4";
    StixObject v2 = IncidentVersions.withTask(v1, task, Samples.T0.plusSeconds(60));
    assertThat(v2.modified().orElseThrow()).isGreaterThan(v1.modified().orElseThrow());
    assertThat(
            v2.json()
                .path("extensions")
                .path(BulwarkExtensions.INCIDENT_CORE)
                .path("tasks")
                .toString())
        .contains(task);
    assertThat(IncidentVersions.withTask(v2, task, Samples.T0.plusSeconds(120))).isSameAs(v2);
    assertThat(validator.validate(v2).errors()).isEmpty();
    assertThat(IncidentStix.fromStix(v2)).isEqualTo(IncidentStix.fromStix(v1));
  }

  @Test
  void aForbiddenStepIsRefused() {
    StixObject v1 = IncidentStix.firstVersion(Samples.of(Samples.everyKind().get(1)), Samples.T0);
    assertThatThrownBy(() -> IncidentVersions.transition(v1, Status.RESPONDED, "x", Samples.T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot move from reported to responded");
  }

  @Test
  void everyProblemIsNamedByItsPath() throws Exception {
    ObjectNode o =
        IncidentStix.firstVersion(Samples.of(Samples.everyKind().get(0)), Samples.T0).json();
    ObjectNode ext =
        o.withObjectProperty("extensions").withObjectProperty(BulwarkExtensions.INCIDENT);
    ext.withObjectProperty("kind_fields").put("asset_type", "bridge").remove("asset_name");
    ext.put("first_seen", "yesterday");
    ext.withObjectProperty("location").put("latitude", 91);
    assertThatThrownBy(() -> IncidentStix.fromStix(StixObject.of(o)))
        .isInstanceOfSatisfying(
            IncidentException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        p -> p.path().replace("/extensions/" + BulwarkExtensions.INCIDENT, ""))
                    .contains(
                        "/kind_fields/asset_type",
                        "/kind_fields/asset_name",
                        "/first_seen",
                        "/location/latitude"));
  }

  @Test
  void theExtensionDefinitionsAreValidStix() {
    for (StixObject d : BulwarkExtensions.definitions()) {
      assertThat(validator.validate(d).errors()).as(d.id()).isEmpty();
    }
    assertThat(BulwarkExtensions.incidentSchema())
        .contains(BulwarkExtensions.INCIDENT.substring(22));
  }
}
