package dev.bulwark.node.workbench;

import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectRows;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.server.IntelAccess;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * An object as one reader may see it: its newest readable version (across collections), every
 * readable version, and who may read it ({@link Audience}). A version the reader may not see is as
 * absent as one that does not exist. Thread-safe.
 */
@Component
final class IntelObjects {
  private final ObjectRows rows;
  private final ObjectStore store;
  private final IntelAccess access;
  private final AccessPolicy policy;
  private final PrincipalStore principals;
  private final PeerStore peers;

  IntelObjects(
      ObjectRows rows,
      ObjectStore store,
      IntelAccess access,
      AccessPolicy policy,
      PrincipalStore principals,
      PeerStore peers) {
    this.rows = rows;
    this.store = store;
    this.access = access;
    this.policy = policy;
    this.principals = principals;
    this.peers = peers;
  }

  /** A readable version with the JSON the reader receives. */
  record Seen(StoredObject row, String json) {}

  /** Every readable version, oldest first (several collections or origins may hold it). */
  List<Seen> versions(NodePrincipal p, String id) {
    List<StoredObject> all = rows.everyVersion(id, access.readFilter(p));
    // Each collection read once for all the versions (it was one read per version).
    List<Optional<String>> jsons = access.jsonForEach(p, all);
    List<Seen> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      StoredObject o = all.get(i);
      jsons.get(i).ifPresent(j -> out.add(new Seen(o, j)));
    }
    return out;
  }

  /** The newest readable version. */
  Optional<Seen> latest(NodePrincipal p, String id) {
    List<Seen> all = versions(p, id);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Who may read this stored version, by the rule every read applies. */
  Audience audience(StoredObject o) {
    Set<String> defaults =
        store.collection(o.collectionId()).map(c -> c.defaultNations()).orElse(Set.of());
    return Audience.of(
        o.originNation(),
        policy.resolveAll(o.markingRefs(), o.originNation()),
        defaults,
        this::known);
  }

  /** Who could read an object this principal would write with these (resolved) markings. */
  Audience preview(NodePrincipal p, Optional<List<StixObject>> markings, Set<String> defaults) {
    return Audience.of(p.nation(), markings, defaults, this::known);
  }

  /** The nations the node knows: its principals' (not peers') and its peers'. */
  private Set<String> known() {
    Set<String> out = new TreeSet<>();
    principals.list().forEach(n -> out.add(n.nation()));
    peers.list().forEach(peer -> out.add(peer.nation()));
    return out;
  }

  /** Whether the principal may use the workbench's reads (an analyst, not a sensor or a node). */
  static boolean analyst(NodePrincipal p) {
    return p.has(Role.READER) || p.has(Role.CONTRIBUTOR) || p.has(Role.ADMIN);
  }
}
