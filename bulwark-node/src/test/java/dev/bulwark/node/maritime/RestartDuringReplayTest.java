package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.exchange.ObjectQuery;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.ReadFilter;
import dev.bulwark.node.exchange.StoredObject;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.storage.NodeDatabase;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The node is stopped in the middle of a replay and started again on the same home: every STIX
 * version it had stored is still there, the acknowledged alert is still acknowledged (also after the
 * replay raises it again), the closed one still closed, the analyst's note still on its alert.
 */
class RestartDuringReplayTest {

  static ConfigurableApplicationContext start(Path home, Path capture) {
    return BulwarkNodeApplication.start("--server.port=0", "--bulwark.home=" + home,
        "--spring.datasource.url=" + NodeDatabase.defaultUrl(home), "--logging.level.root=WARN",
        "--bulwark.maritime.sources.replay.type=file", "--bulwark.maritime.sources.replay.path=" + capture,
        "--bulwark.maritime.sources.replay.pace=1200");
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  static Set<String> versionsHeld(ConfigurableApplicationContext node) {
    return node.getBean(ObjectStore.class).page(ObjectQuery.all("maritime-alerts", 1_000_000), ReadFilter.SYSTEM)
        .items().stream().map(o -> o.objectId() + "@" + o.version()).collect(Collectors.toSet());
  }

  static String base(ConfigurableApplicationContext node) {
    return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
  }

  @Test
  void nothingAcknowledgedNotedOrStoredIsLostWhenTheNodeStopsDuringReplay() throws Exception {
    Path home = Files.createTempDirectory("bulwark-restart-test-");
    Path capture = home.resolve("scenarios.nmea");
    ScenarioSet set = Scenarios.generate(ScenarioFeed.START, GeoJsonInfrastructure.baltic().layer());
    try (Writer out = Files.newBufferedWriter(capture, StandardCharsets.US_ASCII)) {
      set.write(out);
    }

    ConfigurableApplicationContext first = start(home, capture);
    String token = first.getBean(PrincipalStore.class)
        .add("officer", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR), Optional.empty(), 0L, Optional.empty()).token();
    NodeHttp api = new NodeHttp(base(first), "officer", token, home);
    await(() -> api.getJson("/api/maritime/alerts").size() >= 2, "two alerts");
    JsonNode alerts = api.getJson("/api/maritime/alerts");
    String acknowledged = alerts.path(0).path("id").asString();
    String closed = alerts.path(1).path("id").asString();
    assertThat(api.post("/api/maritime/alerts/" + acknowledged + "/acknowledge", "{}").statusCode()).isEqualTo(200);
    assertThat(api.post("/api/maritime/alerts/" + acknowledged + "/notes", "{\"text\":\"Patrol vessel sent.\"}")
        .statusCode()).isEqualTo(200);
    assertThat(api.post("/api/maritime/alerts/" + closed + "/close", "{\"disposition\":\"false-alarm\"}")
        .statusCode()).isEqualTo(200);
    String replayAt = api.getJson("/api/maritime/status").path("engineTime").asString();
    Set<String> before = versionsHeld(first);
    first.close(); // mid-replay: the capture is 12 h of track time, replayed at 1200x
    assertThat(replayAt).isNotEmpty();

    ConfigurableApplicationContext second = start(home, capture);
    try {
      NodeHttp again = new NodeHttp(base(second), "officer", token, home);
      assertThat(versionsHeld(second)).containsAll(before);
      JsonNode ack = again.getJson("/api/maritime/alerts/" + acknowledged);
      assertThat(ack.path("status").asString()).isEqualTo("acknowledged");
      assertThat(ack.path("notes").path(0).path("content").asString()).isEqualTo("Patrol vessel sent.");
      assertThat(again.getJson("/api/maritime/alerts/" + closed).path("status").asString()).isEqualTo("closed");

      // the replay starts again from the beginning and raises the same episodes: they keep their state
      await(() -> second.getBean(MaritimeWatch.class).publisher().published() >= 2, "the replay to republish");
      await(() -> versionsHeld(second).size() > before.size(), "new versions after the restart");
      assertThat(again.getJson("/api/maritime/alerts/" + acknowledged).path("status").asString())
          .isEqualTo("acknowledged");
      assertThat(again.getJson("/api/maritime/alerts/" + closed).path("status").asString()).isEqualTo("closed");
      for (StoredObject o : second.getBean(ObjectStore.class)
          .page(ObjectQuery.all("maritime-alerts", 1_000_000), ReadFilter.SYSTEM).items()) {
        assertThat(o.originNation()).isEqualTo("EST");
      }
    } finally {
      second.close();
    }
  }
}
