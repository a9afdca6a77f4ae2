package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.taxii.client.TaxiiResources;
import dev.bulwark.node.testing.NodeHttp;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The node is killed (SIGKILL: no shutdown, no flush) in the middle of a replay and started again
 * on the same home: every STIX version an ally had been shown is still there, the acknowledged
 * alert is still acknowledged (also after the replay raises it again), the closed one still closed,
 * the analyst's note still on its alert.
 */
class KilledDuringReplayTest {

  static List<String> args(Path home, Path capture, int port) {
    return List.of(
        "--server.port=" + port,
        "--bulwark.home=" + home,
        "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
        "--logging.level.root=WARN",
        "--bulwark.maritime.sources.replay.type=file",
        "--bulwark.maritime.sources.replay.path=" + capture,
        "--bulwark.maritime.sources.replay.pace=1200");
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  static boolean answers(NodeHttp api) {
    try {
      return api.get("/api/maritime/alerts").statusCode() == 200
          && api.getJson("/api/maritime/alerts").size() >= 2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Every version the officer can list over TAXII, as id@version. */
  static Set<String> manifest(String base, String token) {
    TaxiiClient client =
        TaxiiClient.builder().basic("officer", token).timeout(Duration.ofSeconds(30)).build();
    Set<String> out = new HashSet<>();
    Optional<String> next = Optional.empty();
    while (true) {
      TaxiiResources.Manifest page =
          client.manifest(
              URI.create(base + "/bulwark/"),
              "maritime-alerts",
              TaxiiQuery.all().withVersions("all"),
              next);
      page.objects().forEach(r -> out.add(r.id() + "@" + r.version()));
      if (!page.more() || page.next().isEmpty()) {
        return out;
      }
      next = page.next();
    }
  }

  @Test
  void nothingAcknowledgedNotedOrStoredIsLostWhenTheNodeIsKilledDuringReplay() throws Exception {
    Path home = TempDirs.create("bulwark-kill-test-");
    Path capture = home.resolve("scenarios.nmea");
    ScenarioSet set =
        Scenarios.generate(ScenarioFeed.START, GeoJsonInfrastructure.baltic().layer());
    try (Writer out = Files.newBufferedWriter(capture, StandardCharsets.US_ASCII)) {
      set.write(out);
    }
    String token;
    String adminToken;
    try (HikariDataSource db = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 2)) {
      NodeDatabase.migrate(db);
      PrincipalStore principals = new PrincipalStore(db, Clock.systemUTC());
      token =
          principals
              .add(
                  "officer",
                  "EST",
                  EnumSet.of(Role.READER, Role.CONTRIBUTOR),
                  Optional.empty(),
                  0L,
                  Optional.empty())
              .token();
      // the watch's status is for admins
      adminToken =
          principals
              .add(
                  "watch-admin",
                  "EST",
                  EnumSet.of(Role.ADMIN),
                  Optional.empty(),
                  0L,
                  Optional.empty())
              .token();
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.bulwark.node.cli.BulwarkMain",
                "serve"));
    command.addAll(args(home, capture, port));
    Process node =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("node.log").toFile())
            .start();
    String base = "http://localhost:" + port;
    NodeHttp api = new NodeHttp(base, "officer", token, home);
    String acknowledged;
    String closed;
    Set<String> shown;
    try {
      await(() -> node.isAlive() && answers(api), "the node to raise two alerts");
      JsonNode alerts = api.getJson("/api/maritime/alerts");
      acknowledged = alerts.path(0).path("id").asString();
      closed = alerts.path(1).path("id").asString();
      assertThat(
              api.post("/api/maritime/alerts/" + acknowledged + "/acknowledge", "{}").statusCode())
          .isEqualTo(200);
      assertThat(
              api.post(
                      "/api/maritime/alerts/" + acknowledged + "/notes",
                      "{\"text\":\"Patrol vessel sent.\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              api.post(
                      "/api/maritime/alerts/" + closed + "/close",
                      "{\"disposition\":\"false-alarm\"}")
                  .statusCode())
          .isEqualTo(200);
      shown = manifest(base, token);
      assertThat(
              new NodeHttp(base, "watch-admin", adminToken, home)
                  .getJson("/api/maritime/status")
                  .path("sources")
                  .path(0)
                  .path("connected")
                  .asBoolean())
          .as("still replaying: the capture is 12 h of track time at 1200x")
          .isTrue();
    } finally {
      node.destroyForcibly(); // SIGKILL
      node.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(shown).isNotEmpty();

    ConfigurableApplicationContext again =
        BulwarkNodeApplication.start(args(home, capture, 0).toArray(String[]::new));
    try {
      NodeHttp restarted =
          new NodeHttp(
              "http://localhost:" + again.getEnvironment().getProperty("local.server.port"),
              "officer",
              token,
              home);
      Set<String> held =
          again
              .getBean(ObjectStore.class)
              .page(ObjectQuery.all("maritime-alerts", 1_000_000), ReadFilter.SYSTEM)
              .items()
              .stream()
              .map(o -> o.objectId() + "@" + o.version())
              .collect(Collectors.toSet());
      assertThat(held).containsAll(shown);
      JsonNode ack = restarted.getJson("/api/maritime/alerts/" + acknowledged);
      assertThat(ack.path("status").asString()).isEqualTo("acknowledged");
      assertThat(ack.path("notes").path(0).path("content").asString())
          .isEqualTo("Patrol vessel sent.");
      assertThat(restarted.getJson("/api/maritime/alerts/" + closed).path("status").asString())
          .isEqualTo("closed");

      // the replay starts again from the beginning and raises the same episodes: they keep their
      // state
      MaritimeWatch watch = again.getBean(MaritimeWatch.class);
      await(() -> watch.publisher().published() >= 2, "the replay to republish");
      assertThat(
              restarted.getJson("/api/maritime/alerts/" + acknowledged).path("status").asString())
          .isEqualTo("acknowledged");
      assertThat(restarted.getJson("/api/maritime/alerts/" + closed).path("status").asString())
          .isEqualTo("closed");
      for (StoredObject o :
          again
              .getBean(ObjectStore.class)
              .page(ObjectQuery.all("maritime-alerts", 1_000_000), ReadFilter.SYSTEM)
              .items()) {
        assertThat(o.originNation()).isEqualTo("EST");
      }
    } finally {
      again.close();
    }
  }
}
