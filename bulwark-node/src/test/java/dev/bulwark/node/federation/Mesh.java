package dev.bulwark.node.federation;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A full mesh of node processes, written into their databases before they start: each node issues
 * one peer principal per other nation, and each node gets a peer entry for every other node that
 * signs in with the token issued for it there. The federation ITs of several features set their
 * nodes up this way; the feature-specific content (collections, principals, objects) stays in each
 * test. Not thread-safe: one test thread fills one mesh.
 */
public final class Mesh {
  /** Tokens keyed {@code "X>Y"}: issued at X's node for Y's node. */
  private final Map<String, String> peerTokens = new HashMap<>();

  /**
   * Issues, in {@code nation}'s principal store, a peer principal {@code node-<other>} for every
   * other nation of the mesh.
   */
  public void issuePeerTokens(
      PrincipalStore principals, String nation, Collection<String> nations) {
    for (String other : nations) {
      if (!other.equals(nation)) {
        String token =
            principals
                .add(
                    "node-" + other.toLowerCase(),
                    other,
                    Set.of(Role.PEER),
                    Optional.empty(),
                    0,
                    Optional.empty())
                .token();
        peerTokens.put(nation + ">" + other, token);
      }
    }
  }

  /**
   * Writes, in every node's database, a peer entry for every other node: pulling {@code pull} and
   * pushing {@code push} every 500 ms.
   */
  public void connect(Collection<NodeProcess> nodes, List<String> pull, List<String> push)
      throws Exception {
    for (NodeProcess n : nodes) {
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        PeerStore peers = new PeerStore(ds);
        for (NodeProcess other : nodes) {
          if (other != n) {
            peers.put(
                new Peer(
                    other.nation.toLowerCase(),
                    other.nation,
                    other.apiRoot(),
                    "",
                    peerTokens.get(other.nation + ">" + n.nation),
                    "",
                    "",
                    pull,
                    push,
                    Duration.ofMillis(500)));
          }
        }
      }
    }
  }

  /** Starts every node, then waits until each answers. */
  public static void start(Collection<NodeProcess> nodes) throws Exception {
    for (NodeProcess n : nodes) {
      n.start();
    }
    for (NodeProcess n : nodes) {
      n.awaitUp(Duration.ofMinutes(3));
    }
  }
}
