package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Evidence;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.node.exchange.CollectionInfo;
import dev.bulwark.node.exchange.ObjectQuery;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.ReadFilter;
import dev.bulwark.node.exchange.StoredObject;
import dev.bulwark.node.storage.TestDatabases;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger over a real (embedded) object store: what it publishes, how it versions, what survives. */
class IncidentLedgerTest {
  static final InfrastructureLayer LAYER = GeoJsonInfrastructure.baltic().layer();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TRACK = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
      + "[[26.40000,59.80000],[26.30000,59.82000]]},\"properties\":{\"mmsi\":518000001,\"times\":[1,2],\"sog_kn\":[6.2,6.1]}}";

  /** A reader the test lets see everything the ledger holds (the node's own objects). */
  static final Predicate<StoredObject> ANYONE = o -> true;

  ObjectStore store;
  AtomicLong now = new AtomicLong(Instant.parse("2026-11-28T10:00:00Z").toEpochMilli());

  @BeforeEach
  void store() throws Exception {
    store = new ObjectStore(TestDatabases.freshH2(), Clock.systemUTC());
    store.ensureCollection(new CollectionInfo("maritime-alerts", "Maritime alerts", "", Set.of()));
  }

  IncidentLedger ledger() {
    MaritimeProperties p = new MaritimeProperties(null, null, null, null, null, "amber", "FIN,SWE", null);
    IncidentLedger l = new IncidentLedger(store, "maritime-alerts", "EST",
        NodeMarkings.of(p, MaritimeExtension.id("identity", "node|EST")), LAYER, now::get);
    l.start();
    return l;
  }

  static Alert drag(int revision, Severity severity, String end) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("mean_sog_kn", "6.2");
    params.put("threshold_kn", "9.0");
    return new Alert("anchor-drag-518000001-Estlink_2-1764324000", AlertKind.ANCHOR_DRAG, 518000001, "EAGLE",
        List.of(), Optional.of("Estlink 2"), Optional.of("Estlink 2"), Instant.parse("2026-11-28T09:00:00Z"),
        Instant.parse(end), Instant.parse("2026-11-28T09:10:00Z"), severity, 0.8,
        "anchor dragged across Estlink 2", new Evidence(TRACK, params), revision);
  }

  List<StoredObject> all() {
    return store.page(ObjectQuery.all("maritime-alerts", 10_000), ReadFilter.SYSTEM).items();
  }

  Map<String, Long> typeCounts() {
    return all().stream().collect(Collectors.groupingBy(StoredObject::type, Collectors.counting()));
  }

  @Test
  void publishesAnIncidentWithVesselAssetLocationSightingAndEvidenceThatAllValidate() throws Exception {
    IncidentLedger ledger = ledger();
    ledger.publish(drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z"));

    assertThat(typeCounts()).containsEntry("incident", 1L).containsEntry("identity", 2L)
        .containsEntry("infrastructure", 1L).containsEntry("location", 1L).containsEntry("sighting", 1L)
        .containsEntry("note", 1L).containsEntry("extension-definition", 1L).containsEntry("marking-definition", 1L);
    StixCodec codec = new StixCodec();
    StixValidator validator = new StixValidator();
    for (StoredObject o : all()) {
      var result = validator.validate(codec.parseObject(o.json()));
      assertThat(result.errors()).as(o.json()).isEmpty();
    }
    StoredObject incident = all().stream().filter(o -> o.type().equals("incident")).findFirst().orElseThrow();
    assertThat(incident.markingRefs()).contains(Tlp.AMBER.markingDefinitionId()).hasSize(2);
    JsonNode ext = JSON.readTree(incident.json()).path("extensions").path(MaritimeExtension.ID);
    assertThat(ext.path("kind").asString()).isEqualTo("anchor-drag");
    assertThat(ext.path("status").asString()).isEqualTo("open");
    assertThat(ext.path("asset_name").asString()).isEqualTo("Estlink 2");
    assertThat(ext.path("latitude").asDouble()).isEqualTo(59.82);
    assertThat(ext.path("evidence_ref").asString()).startsWith("note--");
    StoredObject evidence = store.versions("maritime-alerts", ext.path("evidence_ref").asString(), ReadFilter.SYSTEM).get(0);
    assertThat(JSON.readTree(evidence.json()).path("content").asString()).contains("\"LineString\"");
  }

  @Test
  void aDevelopingAlertGetsNewVersionsOfTheSameObjectsAndAnUnchangedOneNone() {
    IncidentLedger ledger = ledger();
    ledger.publish(drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z"));
    int before = all().size();
    ledger.publish(drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z"));
    assertThat(all()).hasSize(before);

    now.addAndGet(60_000);
    ledger.publish(drag(1, Severity.HIGH, "2026-11-28T09:30:00Z"));
    List<StoredObject> incidents = all().stream().filter(o -> o.type().equals("incident")).toList();
    assertThat(incidents).hasSize(2);
    assertThat(incidents.get(0).objectId()).isEqualTo(incidents.get(1).objectId());
    assertThat(incidents.get(1).versionMicros()).isGreaterThan(incidents.get(0).versionMicros());
    assertThat(typeCounts()).containsEntry("identity", 2L).containsEntry("infrastructure", 1L)
        .containsEntry("sighting", 2L);
  }

  @Test
  void workflowActionsAreNewVersionsAndSurviveARestartAndLaterEngineUpdates() {
    IncidentLedger ledger = ledger();
    Alert a = drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z");
    ledger.publish(a);
    now.addAndGet(1000);
    ledger.acknowledge(a.id(), "officer", ANYONE).orElseThrow();
    now.addAndGet(1000);
    ledger.annotate(a.id(), "officer", "Coast guard informed.", ANYONE).orElseThrow();
    assertThat(all().stream().filter(o -> o.type().equals("incident"))).hasSize(3);
    assertThat(ledger.acknowledge("no-such-alert", "officer", ANYONE)).isEmpty();

    IncidentLedger restarted = ledger();
    JsonNode detail = restarted.detail(a.id(), ANYONE).orElseThrow();
    assertThat(detail.path("status").asString()).isEqualTo("acknowledged");
    assertThat(detail.path("acknowledged_by").asString()).isEqualTo("officer");
    assertThat(detail.path("notes").path(0).path("content").asString()).isEqualTo("Coast guard informed.");
    assertThat(detail.path("track").path("geometry").path("type").asString()).isEqualTo("LineString");

    now.addAndGet(1000);
    restarted.publish(drag(1, Severity.HIGH, "2026-11-28T09:40:00Z"));
    now.addAndGet(1000);
    restarted.close(a.id(), "officer", Disposition.TRUE_THREAT, ANYONE).orElseThrow();
    JsonNode closed = ledger().detail(a.id(), ANYONE).orElseThrow();
    assertThat(closed.path("status").asString()).isEqualTo("closed");
    assertThat(closed.path("disposition").asString()).isEqualTo("true-threat");
    assertThat(closed.path("severity").asString()).isEqualTo("high");
    assertThat(closed.path("acknowledged_by").asString()).isEqualTo("officer");
  }
}
