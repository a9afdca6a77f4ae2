package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marking-definition squatting across nodes (issue 14, finding 3d), with two node processes: a FIN
 * node and an EST node that pulls FIN's {@code intel}. FIN's releasability definitions have
 * predictable ids (name-based over their creator, creation time and list, like every node's
 * maritime marking, see {@code NodeMarkings}); an EST contributor posts FIN's id on the EST node
 * first, with a wider list. After federation the EST node must decide FIN's objects by FIN's own
 * definition.
 */
class MarkingSquattingIT {
  private static final String COLLECTION = "intel";
  private static final String CREATED = "2026-11-28T00:00:00.000Z";
  private static final int FIN_OBJECTS = 20;

  private NodeProcess fin;
  private NodeProcess est;
  private Path root;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess n : new NodeProcess[] {fin, est}) {
      if (n != null) {
        n.close();
      }
    }
    if (root != null) {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void finding3d_aDefinitionPostedAheadOnAnotherNodeDoesNotWidenWhatItsOriginReleased()
      throws Exception {
    root = TempDirs.create("bulwark-squatting-");
    fin = new NodeProcess("FIN", root.resolve("FIN"), NodeProcess.freePort());
    est = new NodeProcess("EST", root.resolve("EST"), NodeProcess.freePort());
    String finAnalystId = "identity--" + UUID.randomUUID();
    String squatterId = "identity--" + UUID.randomUUID();
    String finAnalyst =
        setUp(fin, "analyst", "FIN", Set.of(Role.CONTRIBUTOR, Role.READER), finAnalystId);
    String estAtFin = setUp(fin, "node-est", "EST", Set.of(Role.PEER), null);
    String squatter =
        setUp(est, "squatter", "EST", Set.of(Role.CONTRIBUTOR, Role.READER), squatterId);
    String ukr = setUp(est, "reader-ukr", "UKR", Set.of(Role.READER), null);
    String deu = setUp(est, "reader-deu", "DEU", Set.of(Role.READER), null);
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(est.home), "bulwark", "", 1)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "fin",
                  "FIN",
                  fin.apiRoot(),
                  "",
                  estAtFin,
                  "",
                  "",
                  List.of(COLLECTION),
                  List.of(),
                  Duration.ofMillis(500)));
    }
    fin.start();
    est.start();
    fin.awaitUp(Duration.ofMinutes(3));
    est.awaitUp(Duration.ofMinutes(3));

    // FIN's definition: releasable to NATO, its id computable by anyone who knows creator and time
    StixObject finsOwn =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("NATO"), finAnalystId, CREATED);
    // the squatter gets there first on the EST node: FIN's id, the same time, NATO and UKR,
    // TLP:CLEAR
    ObjectNode squat =
        ReleasabilityMarking.markingDefinition(
                Releasability.toNations("NATO", "UKR"), squatterId, CREATED)
            .json();
    squat.put("id", finsOwn.id());
    squat.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    StixObject squattersOwn = indicator(squatterId, Tlp.AMBER.markingDefinitionId(), finsOwn.id());
    String squattersObject = squattersOwn.id();
    Status pre =
        client(squatter)
            .add(est.apiRoot(), COLLECTION, List.of(squat.toString(), squattersOwn.toJson()));
    assertThat(pre.failureCount()).as("the id is new to the EST node: %s", pre.failures()).isZero();

    // then FIN releases its objects to NATO only; its definition carries no marking of its own
    // (those
    // it names may read it), so the EST node can pull it
    List<String> envelope = new ArrayList<>(List.of(finsOwn.toJson()));
    Set<String> finIds = new TreeSet<>();
    for (int i = 0; i < FIN_OBJECTS; i++) {
      StixObject o = indicator(finAnalystId, Tlp.AMBER.markingDefinitionId(), finsOwn.id());
      finIds.add(o.id());
      envelope.add(o.toJson());
    }
    Status posted = client(finAnalyst).add(fin.apiRoot(), COLLECTION, envelope);
    assertThat(posted.failureCount()).as("%s", posted.failures()).isZero();

    // a NATO reader on the EST node gets every FIN object once the pull has brought them: FIN's own
    // definition decides them there
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Set<String> deuSees = readable(deu);
    while (!deuSees.containsAll(finIds) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      deuSees = readable(deu);
    }
    assertThat(deuSees).as("DEU on the EST node").containsAll(finIds);

    // the squatter's list never reaches them: UKR reads none of FIN's objects on the EST node,
    // though
    // it reads the squatter's own object, which the squatter's definition does mark
    Set<String> ukrSees = readable(ukr);
    assertThat(ukrSees)
        .as("UKR on the EST node")
        .doesNotContainAnyElementsOf(finIds)
        .contains(squattersObject);
    for (String id : finIds) {
      assertThatThrownBy(() -> client(ukr).object(est.apiRoot(), COLLECTION, id, TaxiiQuery.all()))
          .isInstanceOfSatisfying(
              TaxiiClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  /** Creates the node's home, collection and a principal; returns the principal's token. */
  private static String setUp(
      NodeProcess node, String name, String nation, Set<Role> roles, String identity)
      throws Exception {
    Files.createDirectories(node.home);
    Files.writeString(
        node.home.resolve("bulwark.properties"), "bulwark.nation=" + node.nation + "\n");
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(node.home), "bulwark", "", 1)) {
      new ObjectStore(ds, Clock.systemUTC())
          .ensureCollection(new CollectionInfo(COLLECTION, "Intel", "federated", Set.of()));
      return new PrincipalStore(ds, Clock.systemUTC())
          .add(name, nation, roles, Optional.ofNullable(identity), 0, Optional.empty())
          .token();
    }
  }

  private static TaxiiClient client(String token) {
    return TaxiiClient.builder().bearer(token).build();
  }

  /** The ids a principal reads in the EST node's intel. */
  private Set<String> readable(String token) {
    Set<String> ids = new TreeSet<>();
    client(token)
        .forEachObject(est.apiRoot(), COLLECTION, TaxiiQuery.all(), o -> ids.add(o.id()), n -> {});
    return ids;
  }

  private static StixObject indicator(String author, String... markingRefs) {
    ObjectNode o = JsonMapper.builder().build().createObjectNode();
    o.put("type", "indicator");
    o.put("spec_version", "2.1");
    o.put("id", "indicator--" + UUID.randomUUID());
    o.put("created_by_ref", author);
    o.put("created", CREATED);
    o.put("modified", CREATED);
    o.put("name", "FIN maritime finding");
    o.put("pattern", "[ipv4-addr:value = '203.0.113.7']");
    o.put("pattern_type", "stix");
    o.put("valid_from", CREATED);
    var refs = o.putArray("object_marking_refs");
    for (String r : markingRefs) {
      refs.add(r);
    }
    return StixObject.of(o);
  }
}
