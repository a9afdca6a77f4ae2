package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.taxii.client.TaxiiResources.Envelope;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, finding 4, with three nodes as separate processes on loopback: the FIN node pulls
 * collection {@code intel} from the EST node and from the DEU node, and the EST node pulls from the
 * FIN node. Analysts of DEU and FIN also have accounts on the EST node (as in the review that found
 * it), and an EST analyst has a reader account on the FIN node. Each attack of the finding is
 * reproduced as it was reported; an object relayed twice (DEU to FIN to EST) keeps its origin, and
 * the relay chain grows by one nation per hop.
 */
class ProvenanceIT {
  private static final String COLLECTION = "intel";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FIN_NODE_IDENTITY = "identity--" + UUID.randomUUID();

  private static final Map<String, NodeProcess> nodes = new LinkedHashMap<>();

  /** "NODE/principal" to token. */
  private static final Map<String, String> tokens = new HashMap<>();

  /** "NODE/principal" to STIX identity. */
  private static final Map<String, String> identities = new HashMap<>();

  /** What each case added, by name. */
  private static final Map<String, String> ids = new HashMap<>();

  private static Path root;

  @BeforeAll
  static void federateThreeNodes() throws Exception {
    root = TempDirs.create("bulwark-provenance-");
    for (String nation : List.of("DEU", "FIN", "EST")) {
      NodeProcess n = new NodeProcess(nation, root.resolve(nation), NodeProcess.freePort());
      nodes.put(nation, n);
      Files.createDirectories(n.home);
      Files.writeString(n.home.resolve("bulwark.properties"), "bulwark.nation=" + nation + "\n");
    }
    // who has an account where: name, nation, roles (the first of each node is its analyst)
    principal(
        "DEU", "deu-analyst", "DEU", Optional.of(newIdentity()), Role.CONTRIBUTOR, Role.READER);
    principal("DEU", "node-fin", "FIN", Optional.empty(), Role.PEER);
    principal(
        "EST", "est-analyst", "EST", Optional.of(newIdentity()), Role.CONTRIBUTOR, Role.READER);
    principal(
        "EST", "deu-contributor", "DEU", Optional.of(newIdentity()), Role.CONTRIBUTOR, Role.READER);
    principal(
        "EST", "fin-contributor", "FIN", Optional.of(newIdentity()), Role.CONTRIBUTOR, Role.READER);
    principal("EST", "lva-reader", "LVA", Optional.empty(), Role.READER);
    // the FIN node's account on the EST node has a STIX identity, which a TLP:RED object names
    principal("EST", "node-fin", "FIN", Optional.of(FIN_NODE_IDENTITY), Role.PEER);
    principal("FIN", "fin-reader", "FIN", Optional.empty(), Role.READER);
    principal("FIN", "est-reader", "EST", Optional.empty(), Role.READER);
    principal("FIN", "node-est", "EST", Optional.empty(), Role.PEER);
    peer("FIN", "EST", "node-fin");
    peer("FIN", "DEU", "node-fin");
    peer("EST", "FIN", "node-est");
    for (NodeProcess n : nodes.values()) {
      n.start();
    }
    for (NodeProcess n : nodes.values()) {
      n.awaitUp(Duration.ofMinutes(3));
    }

    // On the EST node, the objects of the finding's three cases, then a marker added after them.
    String deuOnEst = identities.get("EST/deu-contributor");
    StixObject toFin = releasability(deuOnEst, Releasability.toNations("FIN"));
    StixObject toFinAndEst = releasability(deuOnEst, Releasability.toNations("FIN", "EST"));
    add(
        "EST",
        "deu-contributor",
        toFin.toJson(),
        toFinAndEst.toJson(),
        indicator("deuAmberToFin", deuOnEst, Tlp.AMBER.markingDefinitionId(), toFin.id()),
        indicator(
            "deuAmberToFinAndEst", deuOnEst, Tlp.AMBER.markingDefinitionId(), toFinAndEst.id()));
    add(
        "EST",
        "fin-contributor",
        indicator(
            "finStrict",
            identities.get("EST/fin-contributor"),
            Tlp.AMBER_STRICT.markingDefinitionId()));
    StixObject toFinNode =
        releasability(
            identities.get("EST/est-analyst"),
            new Releasability(Set.of(), Set.of(FIN_NODE_IDENTITY)));
    add(
        "EST",
        "est-analyst",
        toFinNode.toJson(),
        indicator(
            "redToFinNode",
            identities.get("EST/est-analyst"),
            Tlp.RED.markingDefinitionId(),
            toFinNode.id()));
    add(
        "EST",
        "est-analyst",
        indicator("estMarker", identities.get("EST/est-analyst"), Tlp.GREEN.markingDefinitionId()));

    // On the DEU node, objects that travel DEU to FIN (and on to EST when EST may read them).
    String deu = identities.get("DEU/deu-analyst");
    StixObject relayable = releasability(deu, Releasability.toNations("FIN", "EST"));
    StixObject finOnly = releasability(deu, Releasability.toNations("FIN"));
    add(
        "DEU",
        "deu-analyst",
        relayable.toJson(),
        finOnly.toJson(),
        indicator("deuToFinAndEst", deu, Tlp.AMBER.markingDefinitionId(), relayable.id()),
        indicator("deuToFinOnly", deu, Tlp.AMBER.markingDefinitionId(), finOnly.id()));
    add("DEU", "deu-analyst", indicator("deuMarker", deu, Tlp.GREEN.markingDefinitionId()));

    // pages are stored in date_added order, so once a marker arrived, everything before it was
    // decided
    await(
        () ->
            held("FIN", "estMarker") && held("FIN", "deuMarker") && held("EST", "deuToFinAndEst"));
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (NodeProcess n : nodes.values()) {
      n.close();
    }
    if (root != null) {
      try (var paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void finding4_aDeuObjectReleasableToFinNeverBecomesReadableByEstOnTheFinNode() {
    // EST, which may not read it, cannot relay it: the FIN node does not take it from the EST node
    assertThat(rows("FIN", "deuAmberToFin")).isEmpty();
    assertThat(status("FIN", "est-reader", "deuAmberToFin")).isEqualTo(404);
    // what EST may read does arrive, still DEU's, relayed by EST, read on DEU's rule
    assertThat(rows("FIN", "deuAmberToFinAndEst"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.originNation()).isEqualTo("DEU");
              assertThat(r.relayedVia()).containsExactly("EST");
            });
    assertThat(status("FIN", "fin-reader", "deuAmberToFinAndEst")).isEqualTo(200);
    assertThat(status("FIN", "est-reader", "deuAmberToFinAndEst")).isEqualTo(200);
  }

  @Test
  void finding4_finsOwnAmberStrictObjectNeverComesBackToFinAsAnotherNationsObject() {
    assertThat(rows("FIN", "finStrict")).isEmpty();
    assertThat(status("FIN", "est-reader", "finStrict")).isEqualTo(404);
    // it stays FIN's on the EST node where it was added, readable by FIN only
    assertThat(rows("EST", "finStrict"))
        .singleElement()
        .satisfies(r -> assertThat(r.originNation()).isEqualTo("FIN"));
    assertThat(status("EST", "est-analyst", "finStrict")).isEqualTo(404);
    assertThat(status("EST", "fin-contributor", "finStrict")).isEqualTo(200);
  }

  @Test
  void finding4_aRedObjectNamingThePeerNodesIdentityIsNeitherServedToItNorPulled() {
    assertThat(rows("FIN", "redToFinNode")).isEmpty();
    assertThat(status("EST", "node-fin", "redToFinNode")).isEqualTo(404);
    assertThat(
            client("EST", "node-fin")
                .objects(
                    nodes.get("EST").apiRoot(),
                    COLLECTION,
                    TaxiiQuery.all().withIds(List.of(ids.get("redToFinNode"))),
                    Optional.empty())
                .objects())
        .isEmpty();
  }

  @Test
  void anObjectRelayedTwiceKeepsItsOriginAndItsReadersAreDecidedOnIt() {
    assertThat(rows("FIN", "deuToFinAndEst"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.originNation()).isEqualTo("DEU");
              assertThat(r.relayedVia()).isEmpty(); // straight from the DEU node
            });
    assertThat(rows("EST", "deuToFinAndEst"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.originNation()).isEqualTo("DEU");
              assertThat(r.relayedVia()).containsExactly("FIN");
            });
    // what the FIN node may not pass on to EST never reaches it
    assertThat(rows("FIN", "deuToFinOnly")).hasSize(1);
    assertThat(rows("EST", "deuToFinOnly")).isEmpty();
    // on the EST node: the releasability list of DEU's object decides, with DEU as origin
    assertThat(status("EST", "est-analyst", "deuToFinAndEst")).isEqualTo(200);
    assertThat(status("EST", "fin-contributor", "deuToFinAndEst")).isEqualTo(200);
    assertThat(status("EST", "deu-contributor", "deuToFinAndEst")).isEqualTo(200);
    assertThat(status("EST", "lva-reader", "deuToFinAndEst")).isEqualTo(404);
    // and the EST node tells the next peer where it comes from; that peer would record [FIN, EST]
    Envelope served =
        client("EST", "node-fin")
            .objects(
                nodes.get("EST").apiRoot(),
                COLLECTION,
                TaxiiQuery.all().withIds(List.of(ids.get("deuToFinAndEst"))),
                Optional.empty());
    assertThat(served.provenance())
        .singleElement()
        .isEqualTo(Optional.of(ProvenanceClaim.of("DEU", List.of("FIN"))));
    assertThat(
            served.provenance().get(0).orElseThrow().receivedFrom("EST", "peer:est").relayedVia())
        .containsExactly("FIN", "EST");
  }

  // ---- set-up helpers ----

  private static String newIdentity() {
    return "identity--" + UUID.randomUUID();
  }

  private static void principal(
      String node, String name, String nation, Optional<String> identity, Role... roles) {
    try (HikariDataSource ds = open(node)) {
      if (tokens.keySet().stream().noneMatch(k -> k.startsWith(node + "/"))) {
        new ObjectStore(ds, Clock.systemUTC())
            .ensureCollection(new CollectionInfo(COLLECTION, "Intel", "federated", Set.of()));
      }
      PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
      tokens.put(
          node + "/" + name,
          principals
              .add(name, nation, EnumSet.copyOf(List.of(roles)), identity, 0, Optional.empty())
              .token());
      identity.ifPresent(i -> identities.put(node + "/" + name, i));
    }
  }

  /** {@code node} pulls the collection from {@code from}, logged in there as {@code account}. */
  private static void peer(String node, String from, String account) {
    try (HikariDataSource ds = open(node)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  from.toLowerCase(),
                  from,
                  nodes.get(from).apiRoot(),
                  "",
                  tokens.get(from + "/" + account),
                  "",
                  "",
                  List.of(COLLECTION),
                  List.of(),
                  Duration.ofMillis(500)));
    }
  }

  private static HikariDataSource open(String node) {
    return NodeDatabase.open(NodeDatabase.defaultUrl(nodes.get(node).home), "bulwark", "", 1);
  }

  private static StixObject releasability(String identity, Releasability r) {
    ObjectNode json = ReleasabilityMarking.markingDefinition(r, identity, now()).json();
    // marked TLP:CLEAR so that every node can resolve it
    json.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    return StixObject.of(json);
  }

  private static String indicator(String name, String identity, String... markings) {
    String id = "indicator--" + UUID.randomUUID();
    ids.put(name, id);
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "indicator");
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created_by_ref", identity);
    o.put("created", now());
    o.put("modified", now());
    o.put("name", name);
    o.put("pattern", "[ipv4-addr:value = '203.0.113.9']");
    o.put("pattern_type", "stix");
    o.put("valid_from", now());
    var refs = o.putArray("object_marking_refs");
    for (String m : markings) {
      refs.add(m);
    }
    return o.toString();
  }

  private static String now() {
    return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC)
        .format(Instant.now());
  }

  private static void add(String node, String principal, String... objects) {
    Status s = client(node, principal).add(nodes.get(node).apiRoot(), COLLECTION, List.of(objects));
    assertThat(s.failureCount()).as("%s adds on %s: %s", principal, node, s.failures()).isZero();
  }

  private static TaxiiClient client(String node, String principal) {
    return TaxiiClient.builder().basic(principal, tokens.get(node + "/" + principal)).build();
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "federation did not settle; FIN log:\n"
                + nodes.get("FIN").log()
                + "\nEST log:\n"
                + nodes.get("EST").log());
      }
      Thread.sleep(500);
    }
  }

  // ---- what a node holds and answers ----

  private static boolean held(String node, String name) {
    return !rows(node, name).isEmpty();
  }

  /** Every row of the object in the node's database (shared with the running node). */
  private static List<StoredObject> rows(String node, String name) {
    try (HikariDataSource ds = open(node)) {
      return new ObjectStore(ds, Clock.systemUTC())
          .versions(COLLECTION, ids.get(name), ReadFilter.SYSTEM);
    }
  }

  /** The HTTP status of GET object for that principal: 200 or 404. */
  private static int status(String node, String principal, String name) {
    try {
      Envelope e =
          client(node, principal)
              .object(nodes.get(node).apiRoot(), COLLECTION, ids.get(name), TaxiiQuery.all());
      assertThat(e.objects()).extracting(StixObject::id).containsOnly(ids.get(name));
      return 200;
    } catch (TaxiiClientException e) {
      assertThat(e.getMessage()).contains("404");
      return 404;
    }
  }
}
