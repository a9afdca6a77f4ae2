package dev.bulwark.node.maritime.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Evidence;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.maritime.MaritimeAlertAccessTest;
import dev.bulwark.node.maritime.MaritimeProperties;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TestDatabases;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger over a real (embedded) object store: what it publishes, how it versions, what
 * survives.
 */
public class IncidentLedgerTest {
  static final InfrastructureLayer LAYER = GeoJsonInfrastructure.baltic().layer();
  static final JsonMapper JSON = JsonMapper.builder().build();
  public static final String TRACK =
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
          + "[[26.40000,59.80000],[26.30000,59.82000]]},\"properties\":{\"mmsi\":518000001,\"times\":[1,2],\"sog_kn\":[6.2,6.1]}}";

  /** A reader the test lets see everything the ledger holds (the node's own objects). */
  static final Predicate<StoredObject> ANYONE = o -> true;

  ObjectStore store;
  AtomicLong now = new AtomicLong(Instant.parse("2026-11-28T10:00:00Z").toEpochMilli());

  // closed after each test: a pool left open until the JVM exits re-created its H2 folder after
  // TempDirs had deleted it (a folder left in /tmp, seen in a CI run)
  private HikariDataSource database;

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void store() throws Exception {
    database = TestDatabases.freshH2();
    store = new ObjectStore(database, Clock.systemUTC());
    store.ensureCollection(new CollectionInfo("maritime-alerts", "Maritime alerts", "", Set.of()));
  }

  IncidentLedger ledger() {
    return ledger("amber", "FIN,SWE");
  }

  IncidentLedger ledger(String tlp, String releasableTo) {
    MaritimeProperties p =
        new MaritimeProperties(null, null, null, null, null, tlp, releasableTo, null);
    IncidentLedger l =
        new IncidentLedger(
            store,
            "maritime-alerts",
            "EST",
            NodeMarkings.of(
                p.markingRefList(),
                p.tlp(),
                p.releasableToList(),
                MaritimeExtension.id("identity", "node|EST")),
            LAYER,
            now::get);
    l.start();
    return l;
  }

  static Alert drag(int revision, Severity severity, String end) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("mean_sog_kn", "6.2");
    params.put("threshold_kn", "9.0");
    return new Alert(
        "anchor-drag-518000001-Estlink_2-1764324000",
        AlertKind.ANCHOR_DRAG,
        518000001,
        "EAGLE",
        List.of(),
        Optional.of("Estlink 2"),
        Optional.of("Estlink 2"),
        Instant.parse("2026-11-28T09:00:00Z"),
        Instant.parse(end),
        Instant.parse("2026-11-28T09:10:00Z"),
        severity,
        0.8,
        "anchor dragged across Estlink 2",
        new Evidence(TRACK, params),
        revision);
  }

  List<StoredObject> all() {
    return store.page(ObjectQuery.all("maritime-alerts", 10_000), ReadFilter.SYSTEM).items();
  }

  Map<String, Long> typeCounts() {
    return all().stream().collect(Collectors.groupingBy(StoredObject::type, Collectors.counting()));
  }

  @Test
  void publishesAnIncidentWithVesselAssetLocationSightingAndEvidenceThatAllValidate()
      throws Exception {
    IncidentLedger ledger = ledger();
    ledger.publish(drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z"));

    assertThat(typeCounts())
        .containsEntry("incident", 1L)
        .containsEntry("identity", 2L)
        .containsEntry("infrastructure", 1L)
        .containsEntry("location", 1L)
        .containsEntry("sighting", 1L)
        .containsEntry("note", 1L)
        .containsEntry("extension-definition", 1L)
        .containsEntry("marking-definition", 1L);
    StixCodec codec = new StixCodec();
    StixValidator validator = new StixValidator();
    for (StoredObject o : all()) {
      var result = validator.validate(codec.parseObject(o.json()));
      assertThat(result.errors()).as(o.json()).isEmpty();
    }
    StoredObject incident =
        all().stream().filter(o -> o.type().equals("incident")).findFirst().orElseThrow();
    assertThat(incident.markingRefs()).contains(Tlp.AMBER.markingDefinitionId()).hasSize(2);
    JsonNode ext = JSON.readTree(incident.json()).path("extensions").path(MaritimeExtension.ID);
    assertThat(ext.path("kind").asString()).isEqualTo("anchor-drag");
    assertThat(ext.path("status").asString()).isEqualTo("open");
    assertThat(ext.path("asset_name").asString()).isEqualTo("Estlink 2");
    assertThat(ext.path("latitude").asDouble()).isEqualTo(59.82);
    assertThat(ext.path("evidence_ref").asString()).startsWith("note--");
    StoredObject evidence =
        store
            .versions("maritime-alerts", ext.path("evidence_ref").asString(), ReadFilter.SYSTEM)
            .get(0);
    assertThat(JSON.readTree(evidence.json()).path("content").asString())
        .contains("\"LineString\"");
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
    assertThat(typeCounts())
        .containsEntry("identity", 2L)
        .containsEntry("infrastructure", 1L)
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
    assertThat(detail.path("notes").path(0).path("content").asString())
        .isEqualTo("Coast guard informed.");
    assertThat(detail.path("track").path("geometry").path("type").asString())
        .isEqualTo("LineString");

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

  @Test
  void finding1_aRestartedLedgerAdoptsOnlyTheAlertsTheNodeWroteItself() {
    IncidentLedger ledger = ledger();
    Alert own = drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z");
    ledger.publish(own);
    String incident = ledger.incidentOf(own.id(), ANYONE).orElseThrow();
    // shaped like the node's alerts, one even claiming the node's identity, written by others
    store.add(
        "maritime-alerts",
        NewObject.from(
            MaritimeAlertAccessTest.injected(
                "incident--6b0f3d0e-1c55-4f59-9d0a-3e1f1f7c0a11",
                "fin",
                "FIN only",
                "identity--4b1a3c5d-6e7f-4a8b-9c0d-1e2f3a4b5c66",
                Tlp.AMBER_STRICT)),
        new Provenance("FIN", "fin-analyst"));
    store.add(
        "maritime-alerts",
        NewObject.from(
            MaritimeAlertAccessTest.injected(
                "incident--0e4d7c7b-2f3a-4b8e-8d2c-5a9f4b6e7d22",
                "est",
                "EST red",
                ledger.nodeIdentity(),
                Tlp.RED)),
        new Provenance("EST", "est-analyst"));
    // a foreign nation's node using the same actor name is not this node either
    store.add(
        "maritime-alerts",
        NewObject.from(
            MaritimeAlertAccessTest.injected(
                "incident--5c3b2a19-8d7e-4f6a-9b5c-4d3e2f1a0b55",
                "lva",
                "LVA",
                ledger.nodeIdentity(),
                Tlp.GREEN)),
        new Provenance("LVA", IncidentLedger.ACTOR));

    IncidentLedger restarted = ledger();
    assertThat(restarted.list(ANYONE))
        .extracting(n -> n.path("id").asString())
        .containsExactly(own.id());
    for (String injected : List.of("fin", "est", "lva")) {
      assertThat(restarted.detail(injected, ANYONE)).isEmpty();
      assertThat(restarted.acknowledge(injected, "officer", ANYONE)).isEmpty();
    }
    assertThat(restarted.incidentOf(own.id(), ANYONE)).contains(incident);
  }

  @Test
  void finding1_anAlertIsShownOnlyToReadersItsIncidentsHeaderAdmits() {
    IncidentLedger ledger = ledger();
    Alert a = drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z");
    ledger.publish(a);
    Predicate<StoredObject> nobody = o -> false;
    assertThat(ledger.list(nobody)).isEmpty();
    assertThat(ledger.detail(a.id(), nobody)).isEmpty();
    assertThat(ledger.acknowledge(a.id(), "officer", nobody)).isEmpty();
    assertThat(all().stream().filter(o -> o.type().equals("incident"))).hasSize(1);
    StoredObject header = ledger.incidentHeader(a.id()).orElseThrow();
    assertThat(header.originNation()).isEqualTo("EST");
    assertThat(header.markingRefs()).contains(Tlp.AMBER.markingDefinitionId());
  }

  @Test
  void finding2_newVersionsNeverWidenWhenTheNodesMarkingsWereWidened() {
    IncidentLedger strict = ledger("amber+strict", "");
    Alert a = drag(0, Severity.MEDIUM, "2026-11-28T09:20:00Z");
    strict.publish(a);
    now.addAndGet(1000);

    IncidentLedger wide = ledger("amber", "NATO");
    wide.acknowledge(a.id(), "officer", ANYONE).orElseThrow();
    wide.annotate(a.id(), "officer", "FIN asked for it", ANYONE).orElseThrow();
    now.addAndGet(1000);
    wide.publish(drag(1, Severity.HIGH, "2026-11-28T09:40:00Z"));
    String incident = wide.incidentOf(a.id(), ANYONE).orElseThrow();
    for (StoredObject o : all()) {
      boolean aboutTheAlert =
          o.objectId().equals(incident)
              || o.type().equals("note")
              || o.type().equals("location")
              || o.type().equals("sighting");
      if (aboutTheAlert) {
        assertThat(o.markingRefs())
            .as(o.objectId() + "@" + o.version())
            .containsExactly(Tlp.AMBER_STRICT.markingDefinitionId());
        assertThat(o.originNation()).isEqualTo("EST");
      }
    }
    assertThat(wide.detail(a.id(), ANYONE).orElseThrow().path("marking_refs").path(0).asString())
        .isEqualTo(Tlp.AMBER_STRICT.markingDefinitionId());

    // narrowing is a new version like any other
    now.addAndGet(1000);
    IncidentLedger red = ledger("red", "");
    red.acknowledge(a.id(), "officer", ANYONE).orElseThrow();
    assertThat(red.incidentHeader(a.id()).orElseThrow().markingRefs())
        .containsExactly(Tlp.RED.markingDefinitionId());
  }
}
