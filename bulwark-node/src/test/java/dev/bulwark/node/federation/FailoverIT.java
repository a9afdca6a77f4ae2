package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.store.TestDatabases;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Two processes of one nation (EST) over one PostgreSQL database, pulling from a peer (FIN):
 * exactly one of them runs federation (it holds the {@code NodeLease}); when it is killed with
 * SIGKILL, the other takes over within 30 seconds, and every object FIN adds before and after
 * arrives once, none lost, none twice. Runs when BULWARK_TEST_POSTGRES_URL is set (.ci/run sets
 * it).
 */
class FailoverIT {
  private static final String LEASE_LINE = "this process now runs the node's once-only work";
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
  void oneProcessFederatesAndTheOtherTakesOverAfterSigkillWithNoObjectLostOrTwice()
      throws Exception {
    String pg = TestDatabases.postgresUrl();
    assumeFalse(pg.isEmpty(), "BULWARK_TEST_POSTGRES_URL is not set");
    String schema = "failover_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(pg);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String estUrl = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    root = TempDirs.create("bulwark-failover-");

    NodeProcess fin = new NodeProcess("FIN", root.resolve("fin"), NodeProcess.freePort());
    Files.createDirectories(fin.home);
    Files.writeString(fin.home.resolve("bulwark.properties"), "bulwark.nation=FIN\n");
    String peerToken;
    String analystToken;
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(fin.home), "bulwark", "", 1)) {
      new ObjectStore(ds, Clock.systemUTC())
          .ensureCollection(new CollectionInfo("intel", "Intel", "federated", Set.of()));
      PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
      peerToken =
          principals
              .add("node-est", "EST", Set.of(Role.PEER), Optional.empty(), 0, Optional.empty())
              .token();
      analystToken =
          principals
              .add(
                  "analyst",
                  "FIN",
                  Set.of(Role.CONTRIBUTOR, Role.READER),
                  Optional.of("identity--" + UUID.randomUUID()),
                  0,
                  Optional.empty())
              .token();
    }
    // both EST processes share one database (the properties file names it in each home)
    List<NodeProcess> est = new ArrayList<>();
    for (String name : List.of("est-a", "est-b")) {
      NodeProcess n = new NodeProcess("EST", root.resolve(name), NodeProcess.freePort());
      Files.createDirectories(n.home);
      Files.writeString(
          n.home.resolve("bulwark.properties"),
          "bulwark.nation=EST\nspring.datasource.url=" + estUrl + "\n");
      est.add(n);
    }
    try (HikariDataSource ds = NodeDatabase.open(estUrl, null, null, 1)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "fin",
                  "FIN",
                  fin.apiRoot(),
                  "",
                  peerToken,
                  "",
                  "",
                  List.of("intel"),
                  List.of(),
                  Duration.ofMillis(500)));
    }
    nodes.add(fin);
    nodes.addAll(est);
    fin.start();
    est.get(0).start();
    fin.awaitUp(Duration.ofMinutes(3));
    est.get(0).awaitUp(Duration.ofMinutes(3));
    // one nation, one audit chain: the second process's home gets the first's key (README)
    Files.copy(est.get(0).home.resolve("audit.key"), est.get(1).home.resolve("audit.key"));
    est.get(1).start();
    est.get(1).awaitUp(Duration.ofMinutes(3));

    List<String> added = new ArrayList<>(add(fin, analystToken, 20));
    awaitHeld(estUrl, added, Duration.ofSeconds(60));
    NodeProcess leader = est.get(0).log().contains(LEASE_LINE) ? est.get(0) : est.get(1);
    NodeProcess standby = leader == est.get(0) ? est.get(1) : est.get(0);
    assertThat(leader.log()).contains(LEASE_LINE);
    assertThat(standby.log()).as("only one process federates").doesNotContain(LEASE_LINE);

    leader.kill();
    long killed = System.nanoTime();
    added.addAll(add(fin, analystToken, 20));
    while (!standby.log().contains(LEASE_LINE)
        && System.nanoTime() - killed < Duration.ofSeconds(30).toNanos()) {
      Thread.sleep(200);
    }
    assertThat(standby.log()).as("the standby took over within 30 s").contains(LEASE_LINE);
    awaitHeld(estUrl, added, Duration.ofSeconds(60));
  }

  /** Adds {@code n} TLP:GREEN indicators at FIN; returns their ids. */
  private static List<String> add(NodeProcess fin, String token, int n) {
    TaxiiClient client = TaxiiClient.builder().basic("analyst", token).build();
    List<String> ids = new ArrayList<>();
    List<String> envelope = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "indicator--" + UUID.randomUUID();
      ids.add(id);
      envelope.add(
          "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
              + id
              + "\",\"created\":\"2026-12-07T10:00:00.000Z\",\"modified\":\"2026-12-07T10:00:00.000Z\","
              + "\"pattern\":\"[ipv4-addr:value = '198.51.100."
              + i
              + "']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-12-07T10:00:00Z\","
              + "\"object_marking_refs\":[\"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da\"]}");
    }
    Status status = client.add(fin.apiRoot(), "intel", envelope);
    assertThat(status.successCount()).isEqualTo(n);
    return ids;
  }

  /** Waits until EST's database holds each object exactly once; fails on a duplicate or a loss. */
  private static void awaitHeld(String url, List<String> ids, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> missing = ids;
    while (true) {
      List<String> now = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        for (String id : ids) {
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM stix_objects WHERE collection_id = 'intel' AND object_id = '"
                      + id
                      + "'")) {
            rs.next();
            long count = rs.getLong(1);
            assertThat(count).as("%s stored at most once", id).isLessThanOrEqualTo(1);
            if (count == 0) {
              now.add(id);
            }
          }
        }
      }
      missing = now;
      if (missing.isEmpty() || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(missing).as("objects lost").isEmpty();
  }
}
