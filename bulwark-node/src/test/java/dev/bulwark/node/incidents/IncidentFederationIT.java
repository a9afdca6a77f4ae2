package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.NodeProcess;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.testing.NodeHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes, EST and FIN, separate processes on loopback, federating the register's collection
 * {@code incidents} (EST pushes to FIN, FIN pulls from EST). An EST analyst registers an act
 * releasable to FIN and attributes it twice: once AMBER+STRICT (EST only), once AMBER releasable to
 * FIN; and registers another act marked AMBER for EST alone. FIN's register must show the first act
 * with its origin EST and exactly the attribution released to FIN; never the AMBER+STRICT one,
 * never the other act.
 */
class IncidentFederationIT {
  private final List<NodeProcess> nodes = new ArrayList<>();
  private Path root;

  @AfterEach
  void stopAll() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
    if (root != null) {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void anAttributionMarkedMoreTightlyThanItsActTravelsExactlyAsItsMarkingsSay() throws Exception {
    root = Files.createTempDirectory("bulwark-incident-federation-");
    NodeProcess est = new NodeProcess("EST", root.resolve("EST"), NodeProcess.freePort());
    NodeProcess fin = new NodeProcess("FIN", root.resolve("FIN"), NodeProcess.freePort());
    nodes.add(est);
    nodes.add(fin);
    String estAnalyst = null;
    String finAnalyst = null;
    String finTokenForEst = null;
    String estTokenForFin = null;
    for (NodeProcess n : nodes) {
      Files.createDirectories(n.home);
      Files.writeString(n.home.resolve("bulwark.properties"), "bulwark.nation=" + n.nation + "\n");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
        String analyst =
            principals
                .add(
                    "analyst",
                    n.nation,
                    Set.of(Role.CONTRIBUTOR, Role.READER),
                    Optional.empty(),
                    0,
                    Optional.empty())
                .token();
        String other = n == est ? "FIN" : "EST";
        String peer =
            principals
                .add(
                    "node-" + other.toLowerCase(),
                    other,
                    Set.of(Role.PEER),
                    Optional.empty(),
                    0,
                    Optional.empty())
                .token();
        if (n == est) {
          estAnalyst = analyst;
          estTokenForFin = peer;
        } else {
          finAnalyst = analyst;
          finTokenForEst = peer;
        }
      }
    }
    peer(est, "fin", "FIN", fin, finTokenForEst, List.of(), List.of(RegisterReads.COLLECTION));
    peer(fin, "est", "EST", est, estTokenForFin, List.of(RegisterReads.COLLECTION), List.of());
    for (NodeProcess n : nodes) {
      n.start();
    }
    for (NodeProcess n : nodes) {
      n.awaitUp(Duration.ofMinutes(3));
    }

    NodeHttp estHttp = new NodeHttp(base(est), "analyst", estAnalyst);
    NodeHttp finHttp = new NodeHttp(base(fin), "analyst", finAnalyst);
    String shared =
        IncidentApiTest.create(
            estHttp,
            IncidentApiTest.form(
                "Balticconnector damage", "sabotage-undersea", "amber", "\"FIN\"", ""));
    String secret =
        IncidentApiTest.create(
            estHttp,
            IncidentApiTest.form("EST-only drone flight", "drone-overflight", "amber", "", ""));
    String strict = attribute(estHttp, shared, "StrictActorName", "amber+strict", "");
    String released = attribute(estHttp, shared, "ReleasedActorName", "amber", "\"FIN\"");
    // a last, GREEN object: once FIN holds it, the push has had the chance to carry the others
    String last =
        IncidentApiTest.create(
            estHttp, IncidentApiTest.form("Rail sabotage Tapa", "sabotage-rail", "green", "", ""));

    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (finHttp.get("/api/incidents/" + last).statusCode() != 200
        || finHttp.getJson("/api/incidents/" + shared).path("attributions").isEmpty()) {
      assertThat(System.nanoTime()).as("FIN receives what it may read").isLessThan(deadline);
      Thread.sleep(500);
    }
    Thread.sleep(2_000); // a few more push rounds

    JsonNode page = finHttp.getJson("/api/incidents/" + shared);
    assertThat(page.path("incident").path("origin").asString()).isEqualTo("EST");
    assertThat(page.path("attributions").path("EST")).hasSize(1);
    assertThat(page.path("attributions").path("EST").path(0).path("id").asString())
        .isEqualTo(released);
    String body = finHttp.get("/api/incidents/" + shared).body();
    assertThat(body).contains("ReleasedActorName").doesNotContain("StrictActorName");
    assertThat(body).doesNotContain(strict);
    assertThat(finHttp.get("/api/incidents/" + secret).statusCode()).isEqualTo(404);
    String list = finHttp.get("/api/incidents?limit=1000").body();
    assertThat(list).contains(shared).contains(last).doesNotContain(secret);
    // the FIN node's store holds neither the strict attribution nor the EST-only act
    assertThat(heldAt(fin, strict)).isFalse();
    assertThat(heldAt(fin, secret)).isFalse();
    assertThat(heldAt(fin, released)).isTrue();
    assertThat(heldAt(est, strict)).isTrue();
    // and EST still sees both of its attributions
    assertThat(estHttp.getJson("/api/incidents/" + shared).path("attributions").path("EST"))
        .hasSize(2);
  }

  private static String attribute(NodeHttp who, String id, String actor, String tlp, String rel) {
    HttpResponse<String> r =
        who.postJson(
            "/api/incidents/" + id + "/attributions",
            "{\"attributed_to\":{\"type\":\"threat-actor\",\"name\":\""
                + actor
                + "\"},\"confidence\":75,\"estimative_term\":\"likely\",\"admiralty_code\":\"B2\",\"state_responsibility\":\"state-coordinated\","
                + "\"marking\":{\"tlp\":\""
                + tlp
                + "\",\"releasable_to\":["
                + rel
                + "]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return NodeHttp.JSON.readTree(r.body()).path("id").asString();
  }

  private static String base(NodeProcess n) {
    return "http://127.0.0.1:" + n.port;
  }

  /** Whether a running node's store holds the object at all (read from its database, test only). */
  private static boolean heldAt(NodeProcess node, String id) {
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(node.home), "bulwark", "", 1)) {
      return !new ObjectStore(ds, Clock.systemUTC())
          .versions(RegisterReads.COLLECTION, id, ReadFilter.SYSTEM)
          .isEmpty();
    }
  }

  private static void peer(
      NodeProcess at,
      String name,
      String nation,
      NodeProcess other,
      String token,
      List<String> pull,
      List<String> push)
      throws Exception {
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(at.home), "bulwark", "", 1)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  name,
                  nation,
                  other.apiRoot(),
                  "",
                  token,
                  "",
                  "",
                  pull,
                  push,
                  Duration.ofMillis(300)));
    }
  }
}
