package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.scenario.Scenarios;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.store.TestDatabases;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two processes of one nation (EST) over one PostgreSQL database, both configured with the same
 * maritime watch (a replay of the {@code bulwark-maritime} scenarios): only the holder of the node
 * lease watches; when it is killed with SIGKILL, the other starts watching within 30 seconds, and
 * its replay, which raises the same episodes again, adds versions to the holder's incidents: every
 * STIX incident has one first version (one {@code created}), none raised twice. Runs when
 * BULWARK_TEST_POSTGRES_URL is set (.ci/run sets it).
 */
class MaritimeFailoverIT {
  private static final String WATCH_LINE = "maritime watch started";
  private final List<NodeProcess> nodes = new ArrayList<>();
  private Path root;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
    if (root != null) {
      FileSystemUtils.deleteRecursively(root);
    }
  }

  @Test
  void oneProcessWatchesAndTheOtherTakesOverAfterSigkillWithNoAlertRaisedTwice() throws Exception {
    String pg = TestDatabases.postgresUrl();
    assumeFalse(pg.isEmpty(), "BULWARK_TEST_POSTGRES_URL is not set");
    String schema = "mfailover_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(pg);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    root = TempDirs.create("bulwark-maritime-failover-");
    Path capture = root.resolve("scenarios.nmea");
    try (Writer out = Files.newBufferedWriter(capture, StandardCharsets.US_ASCII)) {
      Scenarios.generate(1_764_316_800_000L, GeoJsonInfrastructure.baltic().layer()).write(out);
    }
    List<NodeProcess> est = new ArrayList<>();
    for (String name : List.of("est-a", "est-b")) {
      NodeProcess n = new NodeProcess("EST", root.resolve(name), NodeProcess.freePort());
      Files.createDirectories(n.home);
      Files.writeString(
          n.home.resolve("bulwark.properties"),
          "bulwark.nation=EST\nspring.datasource.url="
              + url
              + "\nbulwark.maritime.sources.replay.type=file\n"
              + "bulwark.maritime.sources.replay.path="
              + capture.toAbsolutePath()
              + "\nbulwark.maritime.sources.replay.pace=600\n");
      est.add(n);
    }
    nodes.addAll(est);
    est.get(0).start();
    est.get(0).awaitUp(Duration.ofMinutes(3));
    // one nation, one audit chain: the second process's home gets the first's key (README)
    Files.copy(est.get(0).home.resolve("audit.key"), est.get(1).home.resolve("audit.key"));
    est.get(1).start();
    est.get(1).awaitUp(Duration.ofMinutes(3));

    awaitIncidents(url, 2, Duration.ofSeconds(120));
    NodeProcess leader = est.get(0).log().contains(WATCH_LINE) ? est.get(0) : est.get(1);
    NodeProcess standby = leader == est.get(0) ? est.get(1) : est.get(0);
    assertThat(leader.log()).contains(WATCH_LINE);
    assertThat(standby.log()).as("only one process watches").doesNotContain(WATCH_LINE);
    Map<String, Set<String>> before = firstVersions(url);

    leader.kill();
    long killed = System.nanoTime();
    while (!standby.log().contains(WATCH_LINE)
        && System.nanoTime() - killed < Duration.ofSeconds(30).toNanos()) {
      Thread.sleep(200);
    }
    assertThat(standby.log()).as("the standby took over within 30 s").contains(WATCH_LINE);
    // the standby's replay starts again from the beginning: it raises the leader's episodes again
    long versions = versionCount(url);
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (versionCount(url) == versions && System.nanoTime() < until) {
      Thread.sleep(500);
    }
    assertThat(versionCount(url)).as("the standby publishes").isGreaterThan(versions);
    Thread.sleep(5000);

    Map<String, Set<String>> after = firstVersions(url);
    assertThat(after.keySet()).containsAll(before.keySet());
    after.forEach(
        (id, created) -> assertThat(created).as("%s raised once (one created)", id).hasSize(1));
    before.forEach((id, created) -> assertThat(after.get(id)).isEqualTo(created));
  }

  /** Waits until the alerts collection holds at least {@code n} incidents. */
  private static void awaitIncidents(String url, int n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (firstVersions(url).size() < n) {
      assertThat(System.nanoTime()).as("%d incidents raised", n).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static long versionCount(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM stix_objects WHERE collection_id = 'maritime-alerts'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Each stored incident's id and the {@code created} of its versions. */
  private static Map<String, Set<String>> firstVersions(String url) throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, Set<String>> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT object_id, json FROM stix_objects WHERE collection_id = 'maritime-alerts'"
                    + " AND object_type = 'incident'")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
            .add(json.readTree(rs.getString(2)).path("created").asString());
      }
    }
    return out;
  }
}
