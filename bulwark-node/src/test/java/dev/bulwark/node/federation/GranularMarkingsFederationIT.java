package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import dev.bulwark.stix.markings.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 of issue 14 across federation: a FIN node and a DEU node, separate processes on
 * loopback, federating {@code intel} both ways (FIN pushes to DEU, DEU pulls from FIN). A FIN
 * analyst posts a TLP:GREEN campaign whose description is marked TLP:AMBER+STRICT, and one whose
 * required name is. The DEU node must end up holding the first without its description and never
 * the second.
 */
class GranularMarkingsFederationIT {
  private static final String COLLECTION = "intel";
  private static final String SECRET = "FIN eyes only: the informant in Kotka";
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
  void
      finding5_aPeerNodeReceivesAGreenObjectWithoutItsAmberStrictPartAndNeverOneWhoseNameIsRestricted()
          throws Exception {
    root = TempDirs.create("bulwark-granular-federation-");
    NodeProcess fin = new NodeProcess("FIN", root.resolve("FIN"), NodeProcess.freePort());
    NodeProcess deu = new NodeProcess("DEU", root.resolve("DEU"), NodeProcess.freePort());
    nodes.add(fin);
    nodes.add(deu);
    String analystIdentity = "identity--" + UUID.randomUUID();
    String analystToken = null;
    String finTokenForDeu = null;
    String deuTokenForFin = null;
    for (NodeProcess n : nodes) {
      Files.createDirectories(n.home);
      Files.writeString(n.home.resolve("bulwark.properties"), "bulwark.nation=" + n.nation + "\n");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        new ObjectStore(ds, Clock.systemUTC())
            .ensureCollection(new CollectionInfo(COLLECTION, "Intel", "federated", Set.of()));
        PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
        if (n == fin) {
          analystToken =
              principals
                  .add(
                      "analyst",
                      "FIN",
                      Set.of(Role.CONTRIBUTOR, Role.READER),
                      Optional.of(analystIdentity),
                      0,
                      Optional.empty())
                  .token();
          finTokenForDeu =
              principals
                  .add("node-deu", "DEU", Set.of(Role.PEER), Optional.empty(), 0, Optional.empty())
                  .token();
        } else {
          deuTokenForFin =
              principals
                  .add("node-fin", "FIN", Set.of(Role.PEER), Optional.empty(), 0, Optional.empty())
                  .token();
        }
      }
    }
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(fin.home), "bulwark", "", 1)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "deu",
                  "DEU",
                  deu.apiRoot(),
                  "",
                  deuTokenForFin,
                  "",
                  "",
                  List.of(),
                  List.of(COLLECTION),
                  Duration.ofMillis(300)));
    }
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(deu.home), "bulwark", "", 1)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "fin",
                  "FIN",
                  fin.apiRoot(),
                  "",
                  finTokenForDeu,
                  "",
                  "",
                  List.of(COLLECTION),
                  List.of(),
                  Duration.ofMillis(300)));
    }
    for (NodeProcess n : nodes) {
      n.start();
    }
    for (NodeProcess n : nodes) {
      n.awaitUp(Duration.ofMinutes(3));
    }

    String partId = "campaign--" + UUID.randomUUID();
    String wholeId = "campaign--" + UUID.randomUUID();
    String afterId = "campaign--" + UUID.randomUUID();
    Status status =
        TaxiiClient.builder()
            .basic("analyst", analystToken)
            .build()
            .add(
                fin.apiRoot(),
                COLLECTION,
                List.of(
                    campaign(partId, analystIdentity, "Operation Fog", "description"),
                    campaign(wholeId, analystIdentity, "Operation Mist", "name"),
                    // plain GREEN, added last: once DEU holds it, it has had the chance to take the
                    // others
                    campaign(afterId, analystIdentity, "Operation Haze", null)));
    assertThat(status.failureCount()).as("%s", status.failures()).isZero();

    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (heldAt(deu, afterId).isEmpty() || heldAt(deu, partId).isEmpty()) {
      assertThat(System.nanoTime()).as("DEU receives the objects it may read").isLessThan(deadline);
      Thread.sleep(500);
    }
    Thread.sleep(2_000); // a few more pull and push rounds
    StoredObject part = heldAt(deu, partId).get();
    assertThat(part.json())
        .contains("Operation Fog")
        .doesNotContain(SECRET)
        .doesNotContain("granular_markings");
    assertThat(heldAt(deu, wholeId)).as("the object whose name DEU may not read").isEmpty();
    // FIN still holds both whole
    assertThat(heldAt(fin, partId).orElseThrow().json()).contains(SECRET);
    assertThat(heldAt(fin, wholeId).orElseThrow().json()).contains(SECRET);
  }

  private static String campaign(String id, String author, String name, String restricted) {
    String granular =
        restricted == null
            ? ""
            : ",\"granular_markings\":[{\"marking_ref\":\""
                + Tlp.AMBER_STRICT.markingDefinitionId()
                + "\",\"selectors\":[\""
                + restricted
                + "\"]}]";
    return "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created_by_ref\":\""
        + author
        + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
        + "\"name\":\""
        + name
        + (restricted != null && restricted.equals("name") ? " " + SECRET : "")
        + "\","
        + (restricted == null ? "" : "\"description\":\"" + SECRET + "\",")
        + "\"object_marking_refs\":[\""
        + Tlp.GREEN.markingDefinitionId()
        + "\"]"
        + granular
        + "}";
  }

  /** The latest version of an object a running node holds, read from its database (test only). */
  private static Optional<StoredObject> heldAt(NodeProcess node, String id) {
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(node.home), "bulwark", "", 1)) {
      List<StoredObject> versions =
          new ObjectStore(ds, Clock.systemUTC()).versions(COLLECTION, id, ReadFilter.SYSTEM);
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
  }
}
