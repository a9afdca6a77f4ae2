package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Evidence;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.maritime.alerts.IncidentLedger;
import dev.bulwark.node.maritime.alerts.IncidentLedgerTest;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The maritime API's leaks of issue 14, as attacks on a real node (EST) that is restarted over the
 * same store. First it publishes alert "strict" as TLP:AMBER+STRICT; an older node let contributors
 * write into {@code maritime-alerts}, so a FIN contributor's TLP:AMBER+STRICT incident and an EST
 * contributor's TLP:RED one (claiming the node's identity as author), and an EST admin's TLP:GREEN
 * one are put straight into the store beside it. Then the node restarts configured TLP:AMBER
 * releasable to NATO and publishes alert "nato". Readers of USA, DEU, EST and UKR, a FIN peer, both
 * contributors and an admin then look through every door: REST (what the console shows),
 * server-sent events, TAXII, the workflow, the status and the metrics.
 */
public class MaritimeAlertAccessTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TAXII = "application/taxii+json;version=2.1";
  static final String ALERTS = "/bulwark/collections/maritime-alerts/objects/";
  static final String FIN_INCIDENT = "incident--6b0f3d0e-1c55-4f59-9d0a-3e1f1f7c0a11";
  static final String EST_INCIDENT = "incident--0e4d7c7b-2f3a-4b8e-8d2c-5a9f4b6e7d22";
  static final String GREEN_INCIDENT = "incident--5c3b2a19-8d7e-4f6a-9b5c-4d3e2f1a0b55";
  static final String FIN_ALERT = "fin-injected-alert";
  static final String EST_ALERT = "est-injected-alert";
  static final String GREEN_ALERT = "admin-injected-alert";
  static final String FIN_TEXT = "FIN-only: frigate HAMINA shadowing the cable layer";
  static final String EST_TEXT = "EST red: source inside the crew";

  static Path home;
  static ConfigurableApplicationContext node;
  static String base;
  static final Map<String, String> tokens = new LinkedHashMap<>();
  static String strict;
  static String nato;

  @BeforeAll
  static void start() throws Exception {
    home = Files.createTempDirectory("bulwark-maritime-access-");
    node = start("amber+strict", "");
    strict = publish("strict", "2026-11-28T09:00:00Z");
    String nodeIdentity = node.getBean(IncidentLedger.class).nodeIdentity();
    ObjectStore store = node.getBean(ObjectStore.class);
    // what an older node let contributors post into the alerts collection (now refused over TAXII)
    store.add(
        "maritime-alerts",
        NewObject.from(
            injected(
                FIN_INCIDENT,
                FIN_ALERT,
                FIN_TEXT,
                "identity--4b1a3c5d-6e7f-4a8b-9c0d-1e2f3a4b5c66",
                Tlp.AMBER_STRICT)),
        new Provenance("FIN", "fin-analyst"));
    // the EST contributor even claims the node's identity as author
    store.add(
        "maritime-alerts",
        NewObject.from(injected(EST_INCIDENT, EST_ALERT, EST_TEXT, nodeIdentity, Tlp.RED)),
        new Provenance("EST", "est-analyst"));
    // and an EST admin (who may author as any identity) a TLP:GREEN one: adopted, everyone would
    // see it
    store.add(
        "maritime-alerts",
        NewObject.from(injected(GREEN_INCIDENT, GREEN_ALERT, "hoax", nodeIdentity, Tlp.GREEN)),
        new Provenance("EST", "est-admin"));
    node.close();

    node = start("amber", "NATO");
    nato = publish("nato", "2026-11-28T10:00:00Z");
    // as the support feature makes it when it publishes its first report
    node.getBean(ObjectStore.class)
        .ensureCollection(new CollectionInfo("support-reports", "Published reports", "", Set.of()));
    PrincipalStore principals = node.getBean(PrincipalStore.class);
    add(principals, "usa-reader", "USA", Role.READER);
    add(principals, "deu-reader", "DEU", Role.READER);
    add(principals, "est-reader", "EST", Role.READER);
    add(principals, "ukr-reader", "UKR", Role.READER);
    add(principals, "fin-node", "FIN", Role.PEER);
    add(principals, "fin-analyst", "FIN", Role.CONTRIBUTOR);
    add(principals, "est-analyst", "EST", Role.CONTRIBUTOR);
    add(principals, "deu-analyst", "DEU", Role.CONTRIBUTOR);
    add(principals, "est-admin", "EST", Role.ADMIN);
  }

  static ConfigurableApplicationContext start(String tlp, String releasableTo) {
    ConfigurableApplicationContext c =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.security.pbkdf2-iterations=1000",
            "--bulwark.nation=EST",
            "--bulwark.maritime.tlp=" + tlp,
            "--bulwark.maritime.releasable-to=" + releasableTo);
    base = "http://localhost:" + c.getEnvironment().getProperty("local.server.port");
    return c;
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
    FileSystemUtils.deleteRecursively(home);
  }

  static void add(PrincipalStore principals, String name, String nation, Role role) {
    tokens.put(
        name,
        principals
            .add(name, nation, EnumSet.of(role), Optional.empty(), 0L, Optional.empty())
            .token());
  }

  /** Publishes an alert as the node's watch does; returns its id. */
  static String publish(String name, String raised) {
    Instant at = Instant.parse(raised);
    Alert a =
        new Alert(
            "loitering-" + name,
            AlertKind.LOITERING,
            518000001,
            name.toUpperCase(),
            List.of(),
            Optional.of("Estlink 2"),
            Optional.of("Estlink 2"),
            at.minusSeconds(1200),
            at.minusSeconds(60),
            at,
            Severity.HIGH,
            0.8,
            "stopped over Estlink 2 (" + name + ")",
            new Evidence(IncidentLedgerTest.TRACK, Map.of("minutes", "20")),
            0);
    node.getBean(IncidentLedger.class).publish(a);
    return a.id();
  }

  /** An incident shaped exactly like the node's alerts, as a contributor could have posted it. */
  public static StixObject injected(
      String id, String alertId, String text, String author, Tlp tlp) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "incident");
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created", "2026-11-28T11:00:00.000Z");
    o.put("modified", "2026-11-28T11:00:00.000Z");
    o.put("created_by_ref", author);
    o.put("name", "loitering: " + text);
    o.put("description", text);
    o.putArray("object_marking_refs").add(tlp.markingDefinitionId());
    ObjectNode ext = o.putObject("extensions").putObject(MaritimeExtension.ID);
    ext.put("extension_type", "property-extension");
    ext.put("subject", "alert");
    ext.put("alert_id", alertId);
    ext.put("status", "open");
    ext.put("kind", "loitering");
    ext.put("severity", "high");
    ext.put("summary", text);
    ext.put("raised", "2026-11-28T11:00:00.000Z");
    return StixObject.of(o);
  }

  static NodeHttp as(String principal) {
    return new NodeHttp(base, principal, tokens.get(principal), home);
  }

  static List<String> alertIds(String principal) {
    List<String> ids = new ArrayList<>();
    as(principal)
        .getJson("/api/maritime/alerts")
        .values()
        .forEach(a -> ids.add(a.path("id").asString()));
    return ids;
  }

  static List<StoredObject> versionsOf(String incident) {
    return node.getBean(ObjectStore.class).versions("maritime-alerts", incident, ReadFilter.SYSTEM);
  }

  static String incidentOf(String alertId) {
    return as("est-admin")
        .getJson("/api/maritime/alerts/" + alertId)
        .path("incident_id")
        .asString();
  }

  @Test
  void finding1_incidentsOtherPrincipalsWroteIntoTheAlertsCollectionAreNoAlertsAfterARestart() {
    for (String who :
        List.of(
            "usa-reader",
            "deu-reader",
            "est-reader",
            "ukr-reader",
            "fin-node",
            "fin-analyst",
            "est-analyst",
            "est-admin")) {
      NodeHttp api = as(who);
      List<String> listed = alertIds(who);
      assertThat(listed).as(who).doesNotContain(FIN_ALERT, EST_ALERT, GREEN_ALERT);
      for (String injected : List.of(FIN_ALERT, EST_ALERT, GREEN_ALERT)) {
        HttpResponse<String> one = api.get("/api/maritime/alerts/" + injected);
        assertThat(one.statusCode()).as(who + " reads " + injected).isEqualTo(404);
        assertThat(one.body()).doesNotContain(FIN_TEXT).doesNotContain(EST_TEXT);
      }
      assertThat(api.get("/api/maritime/alerts").body())
          .doesNotContain(FIN_TEXT)
          .doesNotContain(EST_TEXT);
    }
    // the node's own alerts are there, for the readers their own markings allow
    assertThat(alertIds("est-reader")).contains(strict, nato);
  }

  @Test
  void finding1_eachAlertIsShownOnlyToReadersItsOwnMarkingsAllow() {
    // "strict" was published TLP:AMBER+STRICT, "nato" TLP:AMBER releasable to NATO: the node's
    // configuration today (AMBER + NATO) decides neither
    assertThat(alertIds("est-reader")).contains(strict, nato);
    assertThat(alertIds("deu-reader")).contains(nato).doesNotContain(strict);
    assertThat(alertIds("usa-reader")).contains(nato).doesNotContain(strict);
    assertThat(alertIds("fin-node")).contains(nato).doesNotContain(strict);
    assertThat(alertIds("ukr-reader")).isEmpty();
    assertThat(as("deu-reader").get("/api/maritime/alerts/" + strict).statusCode()).isEqualTo(404);
    assertThat(as("ukr-reader").get("/api/maritime/alerts/" + nato).statusCode()).isEqualTo(404);
    JsonNode shown = as("deu-reader").getJson("/api/maritime/alerts/" + nato);
    assertThat(shown.path("marking_refs").values().stream().map(JsonNode::asString))
        .contains(Tlp.AMBER.markingDefinitionId());
    assertThat(
            as("est-reader")
                .getJson("/api/maritime/alerts/" + strict)
                .path("marking_refs")
                .values()
                .stream()
                .map(JsonNode::asString))
        .containsExactly(Tlp.AMBER_STRICT.markingDefinitionId());
    // what the REST API shows is what TAXII releases
    assertThat(taxiiIncidents("deu-reader"))
        .contains(incidentOf(nato))
        .doesNotContain(incidentOf(strict));
  }

  @Test
  void exportsOfTheAlertListCarryOnlyAlertsTheReaderMayRead() {
    // the attacker: an ally's reader exporting the list hopes for what the list does not show
    String deuCsv = as("deu-reader").get("/api/maritime/alerts/export.csv").body();
    assertThat(deuCsv).startsWith("id,status,severity,kind").contains(nato).doesNotContain(strict);
    assertThat(deuCsv.lines().findFirst().orElseThrow()).endsWith(",summary,evidence_text");
    String deuGeo = as("deu-reader").get("/api/maritime/alerts/export.geojson").body();
    assertThat(deuGeo).contains("FeatureCollection").contains(nato).doesNotContain(strict);
    assertThat(as("est-reader").get("/api/maritime/alerts/export.csv").body())
        .contains(strict, nato);
    // a reader of nothing gets the header and nothing else: no count, no id
    String ukr = as("ukr-reader").get("/api/maritime/alerts/export.csv").body();
    assertThat(ukr.lines()).hasSize(1);
    assertThat(as("ukr-reader").get("/api/maritime/alerts/export.geojson").body())
        .contains("\"features\":[]");
    // filters narrow, never widen
    assertThat(as("deu-reader").get("/api/maritime/alerts/export.csv?severity=high").body())
        .doesNotContain(strict);
    assertThat(as("deu-reader").get("/api/maritime/alerts/export.pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void finding1_serverSentEventsCarryOnlyAlertsTheReaderMayRead() throws Exception {
    try (Stream deu = new Stream("deu-reader");
        Stream est = new Stream("est-reader");
        Stream ukr = new Stream("ukr-reader")) {
      NodeHttp admin = as("est-admin");
      assertThat(
              admin
                  .post(
                      "/api/maritime/alerts/" + strict + "/notes",
                      "{\"text\":\"sse check strict\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              admin
                  .post("/api/maritime/alerts/" + nato + "/notes", "{\"text\":\"sse check nato\"}")
                  .statusCode())
          .isEqualTo(200);
      await(
          () -> est.alertIds().containsAll(List.of(strict, nato)) && deu.alertIds().contains(nato),
          "the events");
      Thread.sleep(500); // anything else queued would have arrived with them
      assertThat(deu.alertIds()).doesNotContain(strict);
      assertThat(ukr.alertIds()).isEmpty();
      assertThat(deu.text() + ukr.text()).doesNotContain("stopped over Estlink 2 (strict)");
      assertThat(deu.text() + est.text() + ukr.text())
          .doesNotContain(FIN_TEXT)
          .doesNotContain(EST_TEXT)
          .doesNotContain(FIN_ALERT)
          .doesNotContain(EST_ALERT)
          .doesNotContain(GREEN_ALERT);
    }
  }

  @Test
  void finding2_acknowledgingAnAlertKeepsItsMarkingsAndItsOrigin() {
    String incident = incidentOf(strict);
    assertThat(
            as("est-analyst")
                .post("/api/maritime/alerts/" + strict + "/acknowledge", "{}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            as("est-analyst")
                .post("/api/maritime/alerts/" + strict + "/notes", "{\"text\":\"laundering?\"}")
                .statusCode())
        .isEqualTo(200);
    StoredObject latest =
        versionsOf(incident).stream()
            .max(Comparator.comparingLong(StoredObject::versionMicros))
            .orElseThrow();
    assertThat(
            JSON.readTree(latest.json())
                .path("extensions")
                .path(MaritimeExtension.ID)
                .path("acknowledged_by")
                .asString())
        .isEqualTo("est-analyst");
    // the node now proposes TLP:AMBER + releasable to NATO; the acknowledged version stays
    // AMBER+STRICT
    assertThat(latest.markingRefs()).containsExactly(Tlp.AMBER_STRICT.markingDefinitionId());
    assertThat(latest.originNation()).isEqualTo("EST");
    assertThat(taxiiIncidents("deu-reader")).doesNotContain(incident);
    assertThat(taxiiNotes("deu-reader")).noneMatch(n -> n.contains("laundering?"));
    assertThat(alertIds("deu-reader")).doesNotContain(strict);
  }

  @Test
  void finding2_anInjectedAlertCannotBeAcknowledgedSoNoWiderVersionOfItIsWritten() {
    for (String who : List.of("est-analyst", "fin-analyst", "est-admin")) {
      assertThat(
              as(who).post("/api/maritime/alerts/" + FIN_ALERT + "/acknowledge", "{}").statusCode())
          .isEqualTo(404);
      assertThat(
              as(who)
                  .post(
                      "/api/maritime/alerts/" + EST_ALERT + "/close",
                      "{\"disposition\":\"benign\"}")
                  .statusCode())
          .isEqualTo(404);
    }
    assertThat(versionsOf(FIN_INCIDENT)).hasSize(1).allMatch(o -> o.originNation().equals("FIN"));
    assertThat(versionsOf(EST_INCIDENT)).hasSize(1);
    assertThat(
            as("est-analyst")
                .post("/api/maritime/alerts/" + GREEN_ALERT + "/acknowledge", "{}")
                .statusCode())
        .isEqualTo(404);
    assertThat(versionsOf(GREEN_INCIDENT)).hasSize(1);
    assertThat(taxiiIncidents("usa-reader")).doesNotContain(FIN_INCIDENT, EST_INCIDENT);
    assertThat(taxiiIncidents("deu-reader")).doesNotContain(FIN_INCIDENT, EST_INCIDENT);
  }

  @Test
  void finding2_anAllyWhoMayReadAnAlertMayNotAddVersionsOfIt() {
    String incident = incidentOf(nato);
    int before = versionsOf(incident).size();
    NodeHttp deu = as("deu-analyst");
    assertThat(deu.get("/api/maritime/alerts/" + nato).statusCode()).isEqualTo(200);
    HttpResponse<String> ack = deu.post("/api/maritime/alerts/" + nato + "/acknowledge", "{}");
    assertThat(ack.statusCode()).isEqualTo(403);
    assertThat(ack.body()).contains("node's nation");
    assertThat(
            deu.post("/api/maritime/alerts/" + nato + "/notes", "{\"text\":\"from DEU\"}")
                .statusCode())
        .isEqualTo(403);
    // one it may not read is missing, as for anyone
    assertThat(deu.post("/api/maritime/alerts/" + strict + "/acknowledge", "{}").statusCode())
        .isEqualTo(404);
    assertThat(versionsOf(incident)).hasSize(before);
  }

  @Test
  void nodeOwned_contributorsAndAdminsMayNotWriteIntoTheNodesCollectionsButPeersMay() {
    String envelope =
        "{\"objects\":["
            + injected(
                    "incident--9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c33",
                    "fresh",
                    "posted now",
                    "identity--4b1a3c5d-6e7f-4a8b-9c0d-1e2f3a4b5c66",
                    Tlp.AMBER_STRICT)
                .json()
            + "]}";
    for (String who : List.of("fin-analyst", "est-analyst", "est-admin")) {
      HttpResponse<String> r = taxii(who, "POST", ALERTS, envelope);
      assertThat(r.statusCode()).as(who).isEqualTo(403);
      assertThat(r.body()).contains("owned by the node");
      assertThat(
              taxii(who, "POST", "/bulwark/collections/support-reports/objects/", envelope)
                  .statusCode())
          .as(who)
          .isEqualTo(403);
    }
    for (String who : List.of("fin-analyst", "est-analyst", "est-admin", "fin-node")) {
      JsonNode collections =
          JSON.readTree(taxii(who, "GET", "/bulwark/collections/", null).body())
              .path("collections");
      for (JsonNode c : collections) {
        if (Set.of("maritime-alerts", "support-reports").contains(c.path("alias").asString())) {
          assertThat(c.path("can_write").asBoolean())
              .as(who + " writes " + c.path("alias").asString())
              .isEqualTo(who.equals("fin-node"));
        }
      }
    }
    String fromFinland =
        "{\"objects\":["
            + injected(
                    "incident--1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a44",
                    "relayed",
                    "relayed by FIN",
                    "identity--4b1a3c5d-6e7f-4a8b-9c0d-1e2f3a4b5c66",
                    Tlp.GREEN)
                .json()
            + "]}";
    assertThat(taxii("fin-node", "POST", ALERTS, fromFinland).statusCode()).isEqualTo(202);
    // an admin may clean the collection out; a contributor may not
    String relayed = ALERTS + "incident--1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a44/";
    assertThat(taxii("est-analyst", "DELETE", relayed, "").statusCode()).isEqualTo(403);
    assertThat(taxii("est-admin", "DELETE", relayed, "").statusCode()).isEqualTo(200);
    assertThat(versionsOf("incident--1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a44")).isEmpty();
  }

  @Test
  void finding5_statusAndMetricsAreForAdminsOnly() {
    for (String who :
        List.of("est-reader", "usa-reader", "ukr-reader", "fin-node", "est-analyst")) {
      for (String path :
          List.of(
              "/api/maritime/status",
              "/actuator/prometheus",
              "/actuator/metrics",
              "/actuator/metrics/jvm.memory.used")) {
        HttpResponse<String> r = as(who).get(path);
        assertThat(r.statusCode()).as(who + " " + path).isEqualTo(403);
        assertThat(r.body()).doesNotContain("bulwark_maritime").doesNotContain("alerts_raised");
      }
    }
    NodeHttp admin = as("est-admin");
    assertThat(admin.get("/api/maritime/status").statusCode()).isEqualTo(200);
    assertThat(admin.get("/actuator/prometheus").body())
        .contains("bulwark_maritime_queue_dropped_total");
    assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
    HttpResponse<String> health =
        send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  // ---- helpers ----

  static List<String> taxiiIncidents(String principal) {
    return taxiiObjects(principal, "incident").stream().map(StixObject::id).toList();
  }

  static List<String> taxiiNotes(String principal) {
    return taxiiObjects(principal, "note").stream().map(o -> o.json().toString()).toList();
  }

  static List<StixObject> taxiiObjects(String principal, String type) {
    TaxiiClient client =
        TaxiiClient.builder()
            .basic(principal, tokens.get(principal))
            .timeout(Duration.ofSeconds(30))
            .build();
    List<StixObject> out = new ArrayList<>();
    client.forEachObject(
        URI.create(base + "/bulwark/"),
        "maritime-alerts",
        TaxiiQuery.all().withTypes(List.of(type)),
        out::add,
        n -> {});
    return out;
  }

  static HttpResponse<String> taxii(String principal, String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", basic(principal))
            .header("Accept", TAXII);
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", TAXII).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return send(b.build());
  }

  static String basic(String principal) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (principal + ":" + tokens.get(principal)).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(HttpRequest r) {
    try {
      return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** A principal's server-sent event stream, read on a thread of its own until closed. */
  static final class Stream implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;

    Stream(String principal) throws Exception {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(base + "/api/maritime/events"))
              .header("Authorization", basic(principal))
              .header("Accept", "text/event-stream")
              .build();
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      body = response.body();
      reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // closed
                }
              },
              "sse-" + principal);
      reader.setDaemon(true);
      reader.start();
      await(
          () -> lines.stream().anyMatch(l -> l.replace(" ", "").equals("event:hello")),
          principal + "'s stream");
    }

    /** The ids of the alerts its alert events carried. */
    List<String> alertIds() {
      List<String> ids = new ArrayList<>();
      boolean alert = false;
      for (String l : lines) {
        if (l.startsWith("event:")) {
          alert = l.replace(" ", "").equals("event:alert");
        } else if (alert && l.startsWith("data:")) {
          ids.add(JSON.readTree(l.substring(5)).path("id").asString());
        }
      }
      return ids;
    }

    String text() {
      return String.join("\n", lines);
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
