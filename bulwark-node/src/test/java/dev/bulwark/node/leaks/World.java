package dev.bulwark.node.leaks;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.NodeProcess;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.markings.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Three nodes (FIN, EST, DEU), each a separate process, federated in a chain by pulls: EST pulls
 * from FIN and DEU, FIN and DEU pull from EST. So at every node objects are local, pulled (one hop)
 * or relayed twice (FIN's reach DEU through EST and DEU's reach FIN). Each node has readers of six
 * nations (NATO and not), its nation's author, two attackers (contributors of other nations), an
 * admin, and the peer principals the other nodes pull with. Not thread-safe (built once, then
 * read).
 */
final class World implements AutoCloseable {
  static final List<String> NODES = List.of("FIN", "EST", "DEU");
  static final List<String> READER_NATIONS = List.of("USA", "DEU", "EST", "FIN", "UKR", "AUT");
  static final List<String> COLLECTIONS =
      List.of("intel", "scratch", "maritime-alerts", "incidents", "force-declarations");

  /**
   * The collections that federate (maritime alerts too: the issue's finding 2 is about them; force
   * declarations, issue 22).
   */
  static final List<String> FEDERATED =
      List.of("intel", "maritime-alerts", "incidents", "force-declarations");

  /** A principal of a node, as the suite calls it. */
  record Who(
      String node,
      int port,
      String name,
      String nation,
      Set<Role> roles,
      Optional<String> identity,
      String token) {
    Api api() {
      return Api.as(port, name, token);
    }

    Reader reader() {
      return new Reader(nation, identity);
    }

    boolean admin() {
      return roles.contains(Role.ADMIN);
    }

    @Override
    public String toString() {
      return name + "(" + nation + ")@" + node;
    }
  }

  final Path root;
  final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  final Map<String, List<Who>> principals = new LinkedHashMap<>();

  /** Per node, its sensor principals (issue 17): the node's nation, the attacker's, Ukraine's. */
  final Map<String, List<Who>> sensors = new LinkedHashMap<>();

  /** The identity of each reader nation's analyst: the same person (identity) on every node. */
  final Map<String, String> readerIdentities = new LinkedHashMap<>();

  /**
   * The identity each node's peer principals have on the other nodes (a RED recipient can name it).
   */
  final Map<String, String> nodeIdentities = new LinkedHashMap<>();

  World(Path root) {
    this.root = root;
  }

  /** Creates the homes, principals, collections and peers, and starts the nodes. */
  void build(Map<String, String> extraProperties) throws Exception {
    for (String nation : READER_NATIONS) {
      readerIdentities.put(nation, "identity--" + UUID.randomUUID());
    }
    for (String nation : NODES) {
      nodeIdentities.put(nation, "identity--" + UUID.randomUUID());
    }
    Map<String, String> peerTokens = new LinkedHashMap<>(); // "X>Y": issued at X for Y's node
    for (String nation : NODES) {
      NodeProcess n = new NodeProcess(nation, root.resolve(nation), NodeProcess.freePort());
      nodes.put(nation, n);
      Files.createDirectories(n.home);
      Files.writeString(
          n.home.resolve("bulwark.properties"),
          "bulwark.nation=" + nation + "\n" + extraProperties.getOrDefault(nation, ""));
      List<Who> whos = new ArrayList<>();
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
        for (String c : List.of("intel", "scratch")) {
          store.ensureCollection(new CollectionInfo(c, c, "leak suite", Set.of()));
        }
        // few PBKDF2 rounds: the suite makes dozens of principals and is not testing the hash
        PrincipalStore ps = new PrincipalStore(ds, Clock.systemUTC(), 1_000);
        for (String r : READER_NATIONS) {
          whos.add(
              add(
                  ps,
                  n,
                  "reader-" + r.toLowerCase(),
                  r,
                  EnumSet.of(Role.READER),
                  Optional.of(readerIdentities.get(r))));
        }
        whos.add(
            add(
                ps,
                n,
                "author-" + nation.toLowerCase(),
                nation,
                EnumSet.of(Role.CONTRIBUTOR, Role.READER),
                Optional.of("identity--" + UUID.randomUUID())));
        for (String m : List.of(otherNode(nation), "UKR")) {
          whos.add(
              add(
                  ps,
                  n,
                  "mallory-" + m.toLowerCase(),
                  m,
                  EnumSet.of(Role.CONTRIBUTOR, Role.READER),
                  Optional.of("identity--" + UUID.randomUUID())));
        }
        whos.add(
            add(
                ps,
                n,
                "admin-" + nation.toLowerCase(),
                nation,
                EnumSet.of(Role.ADMIN),
                Optional.empty()));
        List<Who> sensing = new ArrayList<>();
        for (String s : List.of(nation, otherNode(nation), "UKR")) {
          sensing.add(
              add(
                  ps,
                  n,
                  "sensor-" + s.toLowerCase(),
                  s,
                  EnumSet.of(Role.SENSOR),
                  Optional.empty()));
        }
        sensors.put(nation, sensing);
        for (String other : NODES) {
          if (!other.equals(nation)) {
            Who peer =
                add(
                    ps,
                    n,
                    "node-" + other.toLowerCase(),
                    other,
                    EnumSet.of(Role.PEER),
                    Optional.of(nodeIdentities.get(other)));
            whos.add(peer);
            peerTokens.put(nation + ">" + other, peer.token());
          }
        }
      }
      principals.put(nation, whos);
    }
    for (NodeProcess n : nodes.values()) {
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        PeerStore peers = new PeerStore(ds);
        for (String other : pullsFrom(n.nation)) {
          NodeProcess o = nodes.get(other);
          peers.put(
              new Peer(
                  other.toLowerCase(),
                  other,
                  o.apiRoot(),
                  "node-" + n.nation.toLowerCase(),
                  peerTokens.get(other + ">" + n.nation),
                  "",
                  "",
                  FEDERATED,
                  List.of(),
                  Duration.ofMillis(400)));
        }
      }
    }
    startAll();
  }

  /** The chain: EST pulls from both ends, the ends pull from EST. */
  static List<String> pullsFrom(String nation) {
    return nation.equals("EST") ? List.of("FIN", "DEU") : List.of("EST");
  }

  /** The attacker nation on a node: a NATO contributor of a neighbouring node's nation. */
  static String otherNode(String nation) {
    return switch (nation) {
      case "FIN" -> "EST";
      case "EST" -> "FIN";
      default -> "EST";
    };
  }

  private static Who add(
      PrincipalStore ps,
      NodeProcess n,
      String name,
      String nation,
      Set<Role> roles,
      Optional<String> identity) {
    String token = ps.add(name, nation, roles, identity, 0, Optional.empty()).token();
    return new Who(n.nation, n.port, name, nation, roles, identity, token);
  }

  void startAll() throws Exception {
    for (NodeProcess n : nodes.values()) {
      n.start();
    }
    for (NodeProcess n : nodes.values()) {
      n.awaitUp(Duration.ofMinutes(3));
    }
  }

  void restart(String nation) throws Exception {
    NodeProcess n = nodes.get(nation);
    n.stop();
    n.start();
    n.awaitUp(Duration.ofMinutes(3));
  }

  Who who(String node, String name) {
    return principals.get(node).stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  List<Who> all(String node) {
    return principals.get(node);
  }

  int port(String node) {
    return nodes.get(node).port;
  }

  /**
   * Every object version a node holds in any collection, read from its database (the node's truth).
   */
  static List<StoredObject> held(NodeProcess node) {
    List<StoredObject> out = new ArrayList<>();
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(node.home), "bulwark", "", 1)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      for (CollectionInfo c : store.collections()) {
        long cursor = 0;
        while (true) {
          Page page =
              store.page(
                  new ObjectQuery(c.id(), cursor, Set.of(), Set.of(), Set.of(), 1000),
                  ReadFilter.SYSTEM);
          out.addAll(page.items());
          cursor = page.scannedUpToMicros();
          if (!page.more()) {
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * Waits until no node's store changes for a few seconds (federation has settled), at most a
   * minute.
   */
  void awaitSettled() throws InterruptedException {
    Map<String, Integer> last = Map.of();
    int stable = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, Integer> now = new LinkedHashMap<>();
      for (NodeProcess n : nodes.values()) {
        now.put(n.nation, held(n).size());
      }
      stable = now.equals(last) ? stable + 1 : 0;
      if (stable >= 3) {
        return;
      }
      last = now;
      Thread.sleep(1_000);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (NodeProcess n : nodes.values()) {
      n.close();
    }
  }
}
