package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AnchorJson;
import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.audit.AuditKeyring;
import dev.bulwark.node.audit.ChainRewriter;
import dev.bulwark.node.cli.BulwarkMain;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes, EST and FIN, each a separate process on loopback, federating: each publishes its audit
 * chain head to the other as an anchor every second. Then EST's database is rewritten by the
 * strongest attacker there is — an admin holding the database and EST's own audit key, who changes
 * a record and recomputes the whole chain and its head — so that EST's own {@code audit verify}
 * still passes; the anchors FIN received and exported show the rewrite (issue 14, finding 8).
 */
class AuditAnchorIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path root;
  private NodeProcess est;
  private NodeProcess fin;

  @AfterEach
  void stop() throws InterruptedException {
    if (est != null) {
      est.close();
    }
    if (fin != null) {
      fin.close();
    }
  }

  @Test
  void finding8_aChainRewrittenWithTheNodesOwnKeyIsDetectedAgainstThePeersAnchors()
      throws Exception {
    est = new NodeProcess("EST", root.resolve("est"), NodeProcess.freePort());
    fin = new NodeProcess("FIN", root.resolve("fin"), NodeProcess.freePort());
    String finAdmin = null;
    String estTokenAtFin = null;
    String finTokenAtEst = null;
    String estReader = null;
    for (NodeProcess n : List.of(est, fin)) {
      Files.createDirectories(n.home);
      Files.writeString(
          n.home.resolve("bulwark.properties"),
          "bulwark.nation=" + n.nation + "\nbulwark.audit.anchor-interval=PT1S\n");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 2)) {
        new ObjectStore(ds, Clock.systemUTC())
            .ensureCollection(new CollectionInfo("intel", "Intel", "federated", Set.of()));
        PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC(), 1000);
        if (n == fin) {
          finAdmin =
              principals
                  .add("auditor", "FIN", Set.of(Role.ADMIN), Optional.empty(), 0, Optional.empty())
                  .token();
          estTokenAtFin =
              principals
                  .add("node-est", "EST", Set.of(Role.PEER), Optional.empty(), 0, Optional.empty())
                  .token();
        } else {
          finTokenAtEst =
              principals
                  .add("node-fin", "FIN", Set.of(Role.PEER), Optional.empty(), 0, Optional.empty())
                  .token();
          estReader =
              principals
                  .add("analyst", "EST", Set.of(Role.READER), Optional.empty(), 0, Optional.empty())
                  .token();
        }
      }
    }
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(est.home), "bulwark", "", 2)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "fin",
                  "FIN",
                  fin.apiRoot(),
                  "",
                  estTokenAtFin,
                  "",
                  "",
                  List.of("intel"),
                  List.of(),
                  Duration.ofMillis(500)));
    }
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(fin.home), "bulwark", "", 2)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "est",
                  "EST",
                  est.apiRoot(),
                  "",
                  finTokenAtEst,
                  "",
                  "",
                  List.of("intel"),
                  List.of(),
                  Duration.ofMillis(500)));
    }
    est.start();
    fin.start();
    est.awaitUp(Duration.ofMinutes(3));
    fin.awaitUp(Duration.ofMinutes(3));

    // only peers may publish anchors: FIN's own admin may not post one in EST's name
    HttpResponse<String> forged =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fin.port + AnchorExchange.PATH))
                .header("Authorization", "Bearer " + finAdmin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"seq\":1,\"link\":\"" + "0".repeat(64) + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);

    // EST's chain grows as its analyst and FIN read from it (every read is recorded); its heads
    // reach FIN
    List<AnchorStore.Exchanged> received = List.of();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      HTTP.send(
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + est.port + "/bulwark/collections/intel/objects/"))
              .header("Authorization", "Bearer " + estReader)
              .header("Accept", "application/taxii+json;version=2.1")
              .build(),
          HttpResponse.BodyHandlers.discarding());
      received =
          anchorsAt(fin, finAdmin).stream()
              .filter(
                  a ->
                      a.direction() == AnchorStore.Direction.RECEIVED
                          && a.peer().equals("node-est"))
              .toList();
      if (received.stream().map(a -> a.anchor().seq()).distinct().count() >= 3) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(received.stream().map(a -> a.anchor().seq()).distinct().count())
        .as("anchors of EST at FIN")
        .isGreaterThanOrEqualTo(3);
    assertThat(received).allSatisfy(a -> assertThat(a.nation()).isEqualTo("EST"));
    String export = exportAt(fin, finAdmin);
    est.stop();
    Path exported = root.resolve("fin-anchors.json");
    Files.writeString(exported, export);

    // EST recorded what it sent, and its chain verifies against FIN's anchors
    Cli sentList = cli(est, "audit", "anchors", "--direction", "sent", "--peer", "fin");
    assertThat(sentList.code()).isZero();
    assertThat(sentList.out()).contains("sent     fin");
    Cli before = cli(est, "audit", "verify", "--anchors", exported.toString());
    assertThat(before.out()).contains("audit log intact").contains("anchors intact");
    assertThat(before.code()).isZero();

    // the strongest attacker: EST's database and EST's key; record #2 is changed, the chain
    // recomputed;
    // the first anchor after it is the first that no longer holds
    long firstAnchored =
        received.stream()
            .mapToLong(a -> a.anchor().seq())
            .filter(seq -> seq >= 2)
            .min()
            .orElseThrow();
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(est.home), "bulwark", "", 2)) {
      AuditKeyring keys = AuditKeyring.read(est.home.resolve(AuditKeyring.FILE_NAME)).orElseThrow();
      ChainRewriter.rewrite(ds, keys, 2, "nothing happened here", ChainRewriter.With.NODE_KEY);
    }
    Cli local = cli(est, "audit", "verify");
    assertThat(local.out()).as("alone, EST cannot tell").contains("audit log intact");
    assertThat(local.code()).isZero();
    Cli anchored = cli(est, "audit", "verify", "--anchors", exported.toString());
    assertThat(anchored.out())
        .contains("audit log intact")
        .contains("anchors TAMPERED: first bad record is #" + firstAnchored)
        .contains("the chain was rewritten at or before #" + firstAnchored);
    assertThat(anchored.code()).isEqualTo(1);
  }

  private static List<AnchorStore.Exchanged> anchorsAt(NodeProcess node, String adminToken)
      throws Exception {
    return AnchorJson.parseExport(exportAt(node, adminToken));
  }

  private static String exportAt(NodeProcess node, String adminToken) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port + "/bulwark/audit/anchors/"))
                .header("Authorization", "Bearer " + adminToken)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private record Cli(int code, String out) {}

  /**
   * Runs a bulwark command in this process on the node's home, as its admin would at a terminal.
   */
  private static Cli cli(NodeProcess node, String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String previous = System.getProperty("bulwark.home");
    System.setProperty("bulwark.home", node.home.toString());
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = BulwarkMain.execute(args);
      return new Cli(code, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      if (previous == null) {
        System.clearProperty("bulwark.home");
      } else {
        System.setProperty("bulwark.home", previous);
      }
    }
  }
}
