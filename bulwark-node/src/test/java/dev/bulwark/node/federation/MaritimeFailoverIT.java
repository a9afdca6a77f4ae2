package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.scenario.Scenarios;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.store.TestDatabases;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two processes of one nation (EST) over one PostgreSQL database, both configured with the same
 * maritime watch (a replay of the {@code bulwark-maritime} scenarios): only the holder of the node
 * lease watches; when it is killed with SIGKILL, the other starts watching within 30 seconds, and
 * its replay, which raises the same episodes again, adds versions to the holder's incidents: every
 * STIX incident has one first version (one {@code created}), none raised twice. Before that, the
 * standby shows the holder's alerts read-only (its list is the nation's; an acknowledgement there
 * is refused with a reason); after it, the new holder loses its lease while alive (the test holds
 * the lock), stops watching, and resumes when the lease is free again. Runs when
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

    // the standby serves the holder's alerts from the shared store, read-only
    String token = principal(standby, "analyst");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode listed = get(standby, "/api/maritime/alerts", token);
    while (listed.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      listed = get(standby, "/api/maritime/alerts", token);
    }
    assertThat(listed.size()).as("the standby lists the holder's alerts").isGreaterThanOrEqualTo(2);
    String alertId = listed.get(0).path("id").asString();
    HttpResponse<String> ack =
        post(standby, "/api/maritime/alerts/" + alertId + "/acknowledge", token);
    assertThat(ack.statusCode()).isEqualTo(409);
    assertThat(ack.body()).contains("stands by");

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

    // the new holder loses the lease while alive: it stops, stands by, and resumes when it is free
    try (Connection thief = DriverManager.getConnection(url)) {
      takeTheLease(thief);
      awaitLog(standby, "maritime watch stopped", 1, Duration.ofSeconds(30));
    }
    awaitLog(standby, WATCH_LINE, 2, Duration.ofSeconds(30));
    Thread.sleep(5000);

    Map<String, Set<String>> after = firstVersions(url);
    assertThat(after.keySet()).containsAll(before.keySet());
    after.forEach(
        (id, created) -> assertThat(created).as("%s raised once (one created)", id).hasSize(1));
    before.forEach((id, created) -> assertThat(after.get(id)).isEqualTo(created));
  }

  /** Ends the lease holder's session until this connection holds the lock itself. */
  private static void takeTheLease(Connection thief) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (Statement s = thief.createStatement()) {
      while (System.nanoTime() < deadline) {
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND pid <> pg_backend_pid()");
        try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LEASE_KEY + ")")) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("could not take the node lease from the process");
  }

  /** The key of {@code store.NodeLease} for the node's once-only work. */
  private static final long LEASE_KEY = leaseKey();

  private static long leaseKey() {
    CRC32 crc = new CRC32();
    crc.update("bulwark-node-once-only-work".getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static void awaitLog(NodeProcess n, String line, int times, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (n.log().split(Pattern.quote(line), -1).length - 1 < times
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(n.log().split(Pattern.quote(line), -1).length - 1)
        .as("%s logged %d times", line, times)
        .isGreaterThanOrEqualTo(times);
  }

  /** Adds a reader and contributor of EST through the command line on the node's home. */
  private static String principal(NodeProcess n, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder b =
        new ProcessBuilder(
                java,
                "-jar",
                NodeProcess.JAR.toAbsolutePath().toString(),
                "principal",
                "add",
                name,
                "--nation",
                "EST",
                "--roles",
                "reader,contributor")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    b.environment().put("BULWARK_HOME", n.home.toAbsolutePath().toString());
    Process p = b.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Matcher m = Pattern.compile("(?m)^token: *(\\S+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  private static JsonNode get(NodeProcess n, String path, String token) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(r.body());
  }

  private static HttpResponse<String> post(NodeProcess n, String path, String token)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
