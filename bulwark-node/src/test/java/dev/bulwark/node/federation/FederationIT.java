package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three nodes of three nations, each a separate process on loopback, federating collection {@code
 * intel} with each other (pull and push, full mesh). Objects under every TLP level and several
 * releasability lists are added at each node; one node is killed with SIGKILL in the middle of a
 * sync and restarted; another is taken away for a while and returns. Each node must end with
 * exactly the objects it may hold (by the releasability rule, decided from each object's true
 * origin and markings), with no object lost and none stored twice.
 */
class FederationIT {
  private static final List<String> NATIONS = List.of("EST", "FIN", "LVA");
  private static final String COLLECTION = "intel";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  private final Map<String, String> analystTokens = new HashMap<>();
  private final Map<String, String> analystIdentities = new HashMap<>();

  /** Every object added anywhere: id|version to (origin nation, marking refs). */
  private final Map<String, Added> added = new LinkedHashMap<>();

  /** Releasability marking definitions by id, for the expected-state computation. */
  private final Map<String, StixObject> markings = new HashMap<>();

  private record Added(String origin, List<String> markingRefs) {}

  @AfterEach
  void stopAll() throws InterruptedException {
    for (NodeProcess n : nodes.values()) {
      n.close();
    }
  }

  @Test
  void eachNodeEndsWithExactlyWhatItMayHoldThroughACrashAndAnOutage() throws Exception {
    Path root = TempDirs.create("bulwark-federation-");
    for (String nation : NATIONS) {
      nodes.put(nation, new NodeProcess(nation, root.resolve(nation), NodeProcess.freePort()));
    }
    Mesh mesh = new Mesh();
    for (NodeProcess n : nodes.values()) {
      Files.createDirectories(n.home);
      Files.writeString(n.home.resolve("bulwark.properties"), "bulwark.nation=" + n.nation + "\n");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        new ObjectStore(ds, Clock.systemUTC())
            .ensureCollection(new CollectionInfo(COLLECTION, "Intel", "federated", Set.of()));
        PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
        String identity = "identity--" + UUID.randomUUID();
        analystIdentities.put(n.nation, identity);
        analystTokens.put(
            n.nation,
            principals
                .add(
                    "analyst",
                    n.nation,
                    Set.of(Role.CONTRIBUTOR, Role.READER),
                    Optional.of(identity),
                    0,
                    Optional.empty())
                .token());
        mesh.issuePeerTokens(principals, n.nation, NATIONS);
      }
    }
    mesh.connect(nodes.values(), List.of(COLLECTION), List.of(COLLECTION));
    Mesh.start(nodes.values());

    // Round 1: every nation adds its intelligence while all nodes run.
    for (String nation : NATIONS) {
      addIntelligence(nation, 1);
    }
    // Round 2: FIN is killed with SIGKILL in the middle of the sync that follows new objects...
    for (String nation : NATIONS) {
      addIntelligence(nation, 2);
    }
    Thread.sleep(300);
    nodes.get("FIN").kill();
    addIntelligence("EST", 3);
    addIntelligence("LVA", 3);
    nodes.get("FIN").start();
    nodes.get("FIN").awaitUp(Duration.ofMinutes(3));
    addIntelligence("FIN", 3);

    // ...then LVA is taken away for a while and must catch up when it returns.
    nodes.get("LVA").stop();
    addIntelligence("EST", 4);
    addIntelligence("FIN", 4);
    Thread.sleep(2_000);
    nodes.get("LVA").start();
    nodes.get("LVA").awaitUp(Duration.ofMinutes(3));

    Map<String, Set<String>> expected = new HashMap<>();
    for (String nation : NATIONS) {
      expected.put(nation, expectedAt(nation));
    }
    Map<String, Set<String>> actual = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      for (String nation : NATIONS) {
        actual.put(nation, heldAt(nodes.get(nation)));
      }
      if (actual.equals(expected) || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(1_000);
    }
    for (String nation : NATIONS) {
      Set<String> missing = new TreeSet<>(expected.get(nation));
      missing.removeAll(actual.get(nation));
      Set<String> extra = new TreeSet<>(actual.get(nation));
      extra.removeAll(expected.get(nation));
      assertThat(missing).as("objects %s may hold but lacks", nation).isEmpty();
      assertThat(extra).as("objects %s holds but may not (a leak)", nation).isEmpty();
    }
    // the three nations' views differ, so the test is not vacuous
    assertThat(expected.get("EST")).isNotEqualTo(expected.get("FIN"));
    assertThat(expected.get("FIN")).isNotEqualTo(expected.get("LVA"));
  }

  /** Adds, through the nation's own TAXII server, objects under every marking combination. */
  private void addIntelligence(String nation, int round) {
    NodeProcess node = nodes.get(nation);
    TaxiiClient client = TaxiiClient.builder().basic("analyst", analystTokens.get(nation)).build();
    String identity = analystIdentities.get(nation);
    String created =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    List<String> others = NATIONS.stream().filter(n -> !n.equals(nation)).toList();
    List<Releasability> lists =
        List.of(
            Releasability.toNations(others.get(0)),
            Releasability.toNations(others.get(0), others.get(1)),
            Releasability.toNations("NATO"));
    List<String> envelope = new ArrayList<>();
    List<Optional<String>> listRefs = new ArrayList<>();
    listRefs.add(Optional.empty());
    for (Releasability r : lists) {
      StixObject md = ReleasabilityMarking.markingDefinition(r, identity, created);
      ObjectNode json = md.json();
      // marked TLP:CLEAR so that every ally can resolve it
      json.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
      StixObject marking = StixObject.of(json);
      markings.put(marking.id(), marking);
      envelope.add(marking.toJson());
      record(nation, marking);
      listRefs.add(Optional.of(marking.id()));
    }
    List<Optional<Tlp>> levels = new ArrayList<>();
    levels.add(Optional.empty());
    for (Tlp t : Tlp.values()) {
      levels.add(Optional.of(t));
    }
    for (Optional<Tlp> tlp : levels) {
      for (Optional<String> list : listRefs) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "indicator");
        o.put("spec_version", "2.1");
        o.put("id", "indicator--" + UUID.randomUUID());
        o.put("created_by_ref", identity);
        o.put("created", created);
        o.put("modified", created);
        o.put(
            "name",
            nation
                + " round "
                + round
                + " "
                + tlp.map(Enum::name).orElse("unmarked")
                + " "
                + list.map(x -> "with list").orElse("no list"));
        o.put("pattern", "[ipv4-addr:value = '203.0.113." + (envelope.size() % 250) + "']");
        o.put("pattern_type", "stix");
        o.put("valid_from", created);
        if (tlp.isPresent() || list.isPresent()) {
          var refs = o.putArray("object_marking_refs");
          tlp.ifPresent(t -> refs.add(t.markingDefinitionId()));
          list.ifPresent(refs::add);
        }
        StixObject s = StixObject.of(o);
        envelope.add(s.toJson());
        record(nation, s);
      }
    }
    Status status = client.add(node.apiRoot(), COLLECTION, envelope);
    assertThat(status.failureCount())
        .as("%s's analyst adds round %d: %s", nation, round, status.failures())
        .isZero();
    assertThat(status.successCount()).isEqualTo(envelope.size());
  }

  private void record(String origin, StixObject s) {
    added.put(
        s.id() + "|" + s.modified().or(s::created).orElse(""),
        new Added(origin, s.objectMarkingRefs()));
  }

  /** What a nation's node may hold: its own objects, and others' objects its nation may read. */
  private Set<String> expectedAt(String nation) {
    Set<String> result = new TreeSet<>();
    added.forEach(
        (key, a) -> {
          if (a.origin().equals(nation)
              || ReleaseRule.mayRead(
                  new Reader(nation, Optional.empty()),
                  a.origin(),
                  a.markingRefs(),
                  id -> Optional.ofNullable(markings.get(id)),
                  ReleaseRule.ORIGIN_ONLY)) {
            result.add(key);
          }
        });
    return result;
  }

  /** What a running node holds in the collection, read from its database (shared with the node). */
  private static Set<String> heldAt(NodeProcess node) {
    Set<String> held = new TreeSet<>();
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(node.home), "bulwark", "", 1)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      long cursor = 0;
      while (true) {
        Page page =
            store.page(
                new ObjectQuery(COLLECTION, cursor, Set.of(), Set.of(), Set.of(), 1000),
                ReadFilter.SYSTEM);
        for (StoredObject o : page.items()) {
          assertThat(held.add(o.objectId() + "|" + o.version()))
              .as("stored once: %s", o.objectId())
              .isTrue();
        }
        cursor = page.scannedUpToMicros();
        if (!page.more()) {
          return held;
        }
      }
    }
  }
}
