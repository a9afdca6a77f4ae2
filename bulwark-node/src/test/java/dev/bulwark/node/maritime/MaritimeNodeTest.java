package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * One node (nation EST) whose watch reads a TCP AIS feed of the scenarios; its alerts are published
 * TLP:AMBER releasable to FIN. Shows what allies get over TAXII, and the maritime API.
 */
class MaritimeNodeTest {
  static ScenarioFeed feed;
  static ConfigurableApplicationContext node;
  static String base;
  static Path home;
  static String officerToken;

  @BeforeAll
  static void start() throws Exception {
    feed = new ScenarioFeed();
    home = TempDirs.create("bulwark-maritime-test-");
    node =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.tlp=amber",
            "--bulwark.maritime.releasable-to=FIN",
            "--bulwark.maritime.sources.feed.type=tcp",
            "--bulwark.maritime.sources.feed.host=127.0.0.1",
            "--bulwark.maritime.sources.feed.port=" + feed.port());
    base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    officerToken = principal("officer", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    NodeHttp officer = new NodeHttp(base, "officer", officerToken, home);
    await(
        () -> officer.getJson("/api/maritime/alerts").size() >= 3,
        "alerts from the scenarios",
        120);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (feed != null) {
      feed.close();
    }
  }

  static String principal(String name, String nation, Set<Role> roles) {
    return node.getBean(PrincipalStore.class)
        .add(name, nation, roles, Optional.empty(), 0L, Optional.empty())
        .token();
  }

  static void await(BooleanSupplier condition, String what, int seconds)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  static List<StixObject> incidentsSeenBy(String name, String token) {
    TaxiiClient client =
        TaxiiClient.builder().basic(name, token).timeout(Duration.ofSeconds(30)).build();
    List<StixObject> out = new ArrayList<>();
    client.forEachObject(
        URI.create(base + "/bulwark/"),
        "maritime-alerts",
        TaxiiQuery.all().withTypes(List.of("incident")),
        out::add,
        n -> {});
    return out;
  }

  @Test
  void anAlertReachesAnEntitledAllyAsAStixIncidentAndNotAnAllyOutsideTheMarking() {
    String fin = principal("fin-node", "FIN", EnumSet.of(Role.PEER));
    String usa = principal("usa-node", "USA", EnumSet.of(Role.PEER));

    List<StixObject> finnish = incidentsSeenBy("fin-node", fin);
    assertThat(finnish).isNotEmpty();
    StixObject incident = finnish.get(0);
    JsonNode ext = incident.json().path("extensions").path(MaritimeExtension.ID);
    assertThat(ext.path("subject").asString()).isEqualTo("alert");
    assertThat(ext.path("kind").asString()).isNotEmpty();
    assertThat(incident.objectMarkingRefs()).contains(Tlp.AMBER.markingDefinitionId());

    assertThat(incidentsSeenBy("usa-node", usa)).isEmpty();
  }

  @Test
  void statusVesselsTracksAndAssetsAreServed() throws InterruptedException {
    NodeHttp api = new NodeHttp(base, "officer", officerToken, home);
    String adminToken = principal("status-admin", "EST", EnumSet.of(Role.ADMIN));
    JsonNode status =
        new NodeHttp(base, "status-admin", adminToken, home).getJson("/api/maritime/status");
    JsonNode source = status.path("sources").path(0);
    assertThat(source.path("name").asString()).isEqualTo("feed");
    assertThat(source.path("connected").asBoolean()).isTrue();
    assertThat(source.path("messages").asLong()).isPositive();
    JsonNode features = api.getJson("/api/maritime/assets").path("features");
    assertThat(features.size()).isEqualTo(26); // 14 cables and pipelines, 12 harbours
    features
        .values()
        .forEach(
            f ->
                assertThat(f.path("properties").path("kind").asString())
                    .isIn(
                        "power-cable",
                        "telecom-cable",
                        "pipeline",
                        "area",
                        "anchorage",
                        "port",
                        "other"));
    // the feed may still be sending: wait for its vessels rather than race it
    await(
        () -> api.getJson("/api/maritime/vessels").path("count").asInt() >= 9,
        "the scenario's 9 vessels",
        60);
    JsonNode vessels = api.getJson("/api/maritime/vessels");
    assertThat(vessels.path("count").asInt()).isEqualTo(9);
    // a live TCP feed: track time runs at the wall clock's pace, no replay speed to show
    assertThat(vessels.path("replay_speed").isNumber()).isTrue();
    assertThat(vessels.path("replay_speed").asDouble()).isZero();
    JsonNode eagle = api.getJson("/api/maritime/vessels/518000001");
    assertThat(eagle.path("identity").path("name").asString()).isEqualTo("SCENARIO EAGLE");
    assertThat(eagle.path("identity").path("flag").asString()).isNotEmpty();
    // dimensions from its type 5 (228 x 32 m, draught 10.4 m); the scenario sends no ETA
    assertThat(eagle.path("identity").path("length_m").asInt()).isEqualTo(228);
    assertThat(eagle.path("identity").path("beam_m").asInt()).isEqualTo(32);
    assertThat(eagle.path("identity").path("draught_m").asDouble()).isEqualTo(10.4);
    assertThat(eagle.path("identity").path("eta").isNull()).isTrue();
    assertThat(eagle.path("nav_status").asInt()).isBetween(0, 15);
    // every alert's evidence in plain words, in the list as in the detail
    JsonNode list = api.getJson("/api/maritime/alerts");
    assertThat(list.size()).isPositive();
    list.values()
        .forEach(
            a ->
                assertThat(a.path("evidence_text").asString())
                    .as(a.path("id").asString())
                    .contains("(track time)")
                    .doesNotContain("_"));
    assertThat(
            api.getJson("/api/maritime/vessels/518000001/track")
                .path("geometry")
                .path("type")
                .asString())
        .isEqualTo("LineString");
    assertThat(api.get("/api/maritime/vessels/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void theWorkflowIsAuditedAndNeedsAContributor() {
    NodeHttp officer = new NodeHttp(base, "officer", officerToken, home);
    String alertId = officer.getJson("/api/maritime/alerts").path(0).path("id").asString();
    String readerToken = principal("reader-only", "EST", EnumSet.of(Role.READER));
    NodeHttp reader = new NodeHttp(base, "reader-only", readerToken, home);
    assertThat(reader.post("/api/maritime/alerts/" + alertId + "/acknowledge", "{}").statusCode())
        .isEqualTo(403);

    // a body past the bound is refused before it is held (bounded work per request)
    String huge = "{\"text\":\"" + "x".repeat(200_000) + "\"}";
    assertThat(officer.post("/api/maritime/alerts/" + alertId + "/notes", huge).statusCode())
        .isEqualTo(413);
    assertThat(officer.post("/api/maritime/alerts/" + alertId + "/close", huge).statusCode())
        .isEqualTo(413);
    HttpResponse<String> noted =
        officer.post(
            "/api/maritime/alerts/" + alertId + "/notes",
            "{\"text\":\"Asked the coast guard to hail her.\"}");
    assertThat(noted.statusCode()).isEqualTo(200);
    HttpResponse<String> closed =
        officer.post(
            "/api/maritime/alerts/" + alertId + "/close",
            "{\"disposition\":\"benign\",\"comment\":\"engine trouble, confirmed by radio\"}");
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(
            officer
                .post("/api/maritime/alerts/" + alertId + "/close", "{\"disposition\":\"maybe\"}")
                .statusCode())
        .isEqualTo(400);
    JsonNode detail = officer.getJson("/api/maritime/alerts/" + alertId);
    assertThat(detail.path("status").asString()).isEqualTo("closed");
    assertThat(detail.path("disposition").asString()).isEqualTo("benign");
    assertThat(detail.path("notes").size()).isEqualTo(2);

    var records = node.getBean(AuditLog.class).list(0, 100_000, Optional.empty());
    assertThat(records)
        .anyMatch(
            r ->
                r.entry().principal().equals("reader-only")
                    && r.entry().action().equals("maritime.acknowledge")
                    && r.entry().decision().name().equals("DENY"));
    assertThat(records)
        .anyMatch(
            r ->
                r.entry().principal().equals("officer")
                    && r.entry().action().equals("maritime.close")
                    && r.entry().detail().startsWith("benign"));
  }

  @Test
  void liveEventsStreamToTheConsoleAndOnlyAnAdminGetsTheWatchStatus() throws Exception {
    String adminToken = principal("events-admin", "EST", EnumSet.of(Role.ADMIN));
    List<String> admin = eventNames("events-admin", adminToken, 1);
    assertThat(admin).contains("event:hello", "event:vessels", "event:status");

    // vessels and status go out together every other second: three vessel events without a status
    List<String> officer = eventNames("officer", officerToken, 3);
    assertThat(officer).contains("event:hello", "event:vessels").doesNotContain("event:status");
  }

  /**
   * The event names a principal's stream carries until it has had {@code vesselEvents} vessel
   * events (and, for an admin, a status).
   */
  static List<String> eventNames(String name, String token, int vesselEvents) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(base + "/api/maritime/events"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    boolean admin = name.endsWith("admin");
    List<String> events = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null
          && !(events.stream().filter("event:vessels"::equals).count() >= vesselEvents
              && (!admin || events.contains("event:status")))) {
        if (line.startsWith("event:")) {
          events.add(line.replace(" ", ""));
        }
      }
    }
    return events;
  }

  @Test
  void theOpenApiDescriptionNamesEveryMaritimePathAndTheMetricsAreExported() {
    NodeHttp api = new NodeHttp(base, "officer", officerToken, home);
    JsonNode paths = api.getJson("/api/openapi.json").path("paths");
    node
        .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods()
        .keySet()
        .stream()
        .flatMap(info -> info.getPatternValues().stream())
        .filter(p -> p.startsWith("/api/maritime"))
        .forEach(p -> assertThat(paths.has(p)).as("OpenAPI describes " + p).isTrue());

    String admin = principal("metrics-admin", "EST", EnumSet.of(Role.ADMIN));
    String metrics =
        new NodeHttp(base, "metrics-admin", admin, home).get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("bulwark_maritime_source_messages_total{source=\"feed\",type=\"tcp\"}")
        .contains("bulwark_maritime_source_connected{source=\"feed\",type=\"tcp\"} 1.0")
        .contains("bulwark_maritime_queue_dropped_total");
  }
}
