package dev.bulwark.node.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.Mesh;
import dev.bulwark.node.federation.NodeProcess;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.testing.NodeHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Force declarations between two real node processes (EST and LVA), as STIX {@code
 * x-bulwark-force-declaration} over TAXII and federation (each pulls {@code force-declarations}
 * from the other): each nation imports its own declarations at its own node; the declarations
 * releasable to the other nation arrive there, pass the node's STIX validation, count in that
 * nation's totals and are listed; those not releasable never arrive; a new version (a later
 * valid_from) follows.
 */
class ReadinessFederationIT {
  private static final List<String> NATIONS = List.of("EST", "LVA");
  private static final String COLLECTION = DeclarationStore.COLLECTION;
  private static final String HEADER =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from,releasable_to\n";

  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  private final Map<String, String> adminTokens = new HashMap<>();
  private Path root;

  @AfterEach
  void stopAll() throws Exception {
    for (NodeProcess n : nodes.values()) {
      n.close();
    }
    if (root != null) {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void declarationsReleasableToTheOtherNationReachItAndCountThereAndNothingElseDoes()
      throws Exception {
    root = Files.createTempDirectory("bulwark-readiness-federation-");
    for (String nation : NATIONS) {
      nodes.put(nation, new NodeProcess(nation, root.resolve(nation), NodeProcess.freePort()));
    }
    Mesh mesh = new Mesh();
    for (NodeProcess n : nodes.values()) {
      Files.createDirectories(n.home);
      Files.writeString(n.home.resolve("bulwark.properties"), "bulwark.nation=" + n.nation + "\n");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC(), 1_000);
        adminTokens.put(
            n.nation,
            principals
                .add("admin", n.nation, Set.of(Role.ADMIN), Optional.empty(), 0, Optional.empty())
                .token());
        mesh.issuePeerTokens(principals, n.nation, NATIONS);
      }
    }
    mesh.connect(nodes.values(), List.of(COLLECTION), List.of());
    Mesh.start(nodes.values());

    importAt(
        "EST",
        HEADER
            + "EST,1st Infantry Brigade,land,infantry brigade,3500,8,north,exercised,2,2025-01-01,LVA\n"
            + "EST,Cyber Command Team,cyber,cyber team,80,2,north,certified,1,2025-01-01,\n");
    importAt(
        "LVA",
        HEADER
            + "LVA,Mechanised Infantry Brigade,land,mechanised brigade,2600,10,north,certified,2,2025-01-01,EST\n"
            + "LVA,Special Tasks Unit,special_operations,sof,150,3,north,declared,1,2025-01-01,\n");

    awaitUnits(
        "LVA",
        Set.of(
            "EST/1st Infantry Brigade",
            "LVA/Mechanised Infantry Brigade",
            "LVA/Special Tasks Unit"));
    awaitUnits(
        "EST",
        Set.of(
            "EST/1st Infantry Brigade",
            "EST/Cyber Command Team",
            "LVA/Mechanised Infantry Brigade"));
    JsonNode atEst = http("EST").getJson("/api/readiness/summary?as_of=2026-06-30");
    assertThat(ally(atEst, "LVA").get("declared").asLong())
        .as("LVA's brigade counts in EST's totals, its SOF unit does not arrive")
        .isEqualTo(2600);
    JsonNode atLva = http("LVA").getJson("/api/readiness/summary?as_of=2026-06-30");
    assertThat(ally(atLva, "EST").get("declared").asLong()).isEqualTo(3500);

    // a new version at EST (a later valid_from) reaches LVA
    importAt(
        "EST",
        HEADER
            + "EST,1st Infantry Brigade,land,infantry brigade,3800,5,north,snap-inspected,1,2026-03-01,LVA\n");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    long estAtLva = 0;
    while (System.nanoTime() < deadline) {
      estAtLva =
          ally(http("LVA").getJson("/api/readiness/summary?as_of=2026-06-30"), "EST")
              .get("declared")
              .asLong();
      if (estAtLva == 3800) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(estAtLva).isEqualTo(3800);
    JsonNode before = http("LVA").getJson("/api/readiness/summary?as_of=2025-06-30");
    assertThat(ally(before, "EST").get("declared").asLong())
        .as("the version valid on an earlier date is still the old one")
        .isEqualTo(3500);
  }

  private NodeHttp http(String nation) {
    return new NodeHttp(
        "http://localhost:" + nodes.get(nation).port, "admin", adminTokens.get(nation));
  }

  private void importAt(String nation, String csv) {
    HttpResponse<String> r = http(nation).post("/api/readiness/import", "text/csv", csv);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private void awaitUnits(String nation, Set<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Set<String> seen = Set.of();
    while (System.nanoTime() < deadline) {
      seen = new TreeSet<>();
      for (JsonNode d : http(nation).getJson("/api/readiness/declarations?as_of=2026-06-30")) {
        seen.add(d.get("nation").asString() + "/" + d.get("unit").asString());
      }
      if (seen.equals(expected)) {
        return;
      }
      Thread.sleep(500);
    }
    assertThat(seen).as("units listed at " + nation).isEqualTo(expected);
  }

  private static JsonNode ally(JsonNode summary, String iso3) {
    for (JsonNode a : summary.get("allies")) {
      if (a.get("iso3").asString().equals(iso3)) {
        return a;
      }
    }
    throw new AssertionError("no ally " + iso3);
  }
}
