package dev.bulwark.node.federation;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.RelayRules;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.security.WriteRules;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which of the objects pulled from a peer are stored, and under which provenance: the
 * origin and relays the peer claims ({@link ProvenanceClaim}; the peer's own nation when an older
 * peer claims nothing), with the peer's nation added as the last relay. The same rules as for a
 * peer that POSTs (issue 14, findings 4 and 6): {@link RelayRules} (never our own nation's objects,
 * never TLP:RED, never what the peer's nation may not read under the origin's rule), {@link
 * WriteRules} for a relay against the rows of the same origin (a new version never loosens the
 * markings), and no second visible object under an identifier the peer can see. Objects of our own
 * nation coming back (an echo) are dropped without being counted as refused.
 *
 * <p>Runs on the store's thread of a pull, after the page before it is stored, so that the marking
 * definitions of earlier pages resolve. Not thread-safe.
 */
final class PeerIntake {
  private static final Logger log = LoggerFactory.getLogger(PeerIntake.class);

  private final Peer peer;
  private final String collection;
  private final String localNation;
  private final ObjectStore store;
  private final AccessPolicy policy;

  /** The peer as a relaying principal: how the write rules and the read rule see it. */
  private final NodePrincipal relay;

  PeerIntake(
      Peer peer, String collection, String localNation, ObjectStore store, AccessPolicy policy) {
    this.peer = peer;
    this.collection = collection;
    this.localNation = localNation.toUpperCase(Locale.ROOT);
    this.store = store;
    this.policy = policy;
    this.relay =
        new NodePrincipal(
            peer.addedBy(), peer.nation(), Set.of(Role.PEER), Optional.empty(), 0L, 0L, 0L);
  }

  /** A valid object of a page, with what the peer said of its provenance. */
  record Pulled(StixObject object, NewObject row, Optional<ProvenanceClaim> claim) {}

  /** What is stored (objects and their provenances, aligned) and how many were refused. */
  record Admitted(List<NewObject> objects, List<Provenance> provenances, long refused) {}

  Admitted admit(List<Pulled> page) {
    CollectionInfo info =
        store
            .collection(collection)
            .orElse(new CollectionInfo(collection, collection, "", Set.of()));
    Claimed claimed = claims(page);
    Map<String, Map<String, StixObject>> definitions =
        definitionsByOrigin(claimed.pulled(), claimed.provenances());
    Map<String, List<StoredObject>> held = held(claimed.pulled());
    ReadFilter peerMayRead = policy.readFilter(relay, info);
    List<NewObject> objects = new ArrayList<>(claimed.pulled().size());
    List<Provenance> admitted = new ArrayList<>(claimed.pulled().size());
    long refused = claimed.refused();
    for (int i = 0; i < claimed.pulled().size(); i++) {
      Pulled p = claimed.pulled().get(i);
      Provenance provenance = claimed.provenances().get(i);
      List<StoredObject> rows = held.getOrDefault(p.row().objectId(), List.of());
      Verdict verdict = verdict(p, provenance, rows, definitions, info, peerMayRead);
      if (verdict.refusal() != null) {
        refused++;
        warn(p, verdict.refusal());
      } else if (verdict.store()) {
        objects.add(p.row());
        admitted.add(provenance);
      }
    }
    return new Admitted(objects, admitted, refused);
  }

  /** The objects whose provenance claim is admissible, with that provenance; the others counted. */
  private record Claimed(List<Pulled> pulled, List<Provenance> provenances, long refused) {}

  /**
   * Stage 1: the claims. An object of our own nation coming back is dropped quietly; a claim the
   * peer may not make (unreadable, TLP:RED) is refused.
   */
  private Claimed claims(List<Pulled> page) {
    List<Pulled> claimed = new ArrayList<>(page.size());
    List<Provenance> provenances = new ArrayList<>(page.size());
    long refused = 0;
    for (Pulled p : page) {
      Optional<ProvenanceClaim> claim = p.claim();
      Optional<String> refusal = RelayRules.claimRefusal(localNation, claim, p.row().markingRefs());
      if (refusal.isPresent()) {
        if (claim.isPresent() && claim.get().valid() && claim.get().origin().equals(localNation)) {
          log.debug(
              "peer {} sent back {} of our own nation in {}: dropped",
              peer.name(),
              p.row().objectId(),
              collection);
        } else {
          refused++;
          warn(p, refusal.get());
        }
        continue;
      }
      claimed.add(p);
      provenances.add(
          claim.isPresent()
              ? claim.get().receivedFrom(peer.nation(), peer.addedBy())
              : new Provenance(peer.nation(), peer.addedBy()));
    }
    return new Claimed(claimed, provenances, refused);
  }

  /** The rows held under the objects' ids, in every collection and of every origin. */
  private Map<String, List<StoredObject>> held(List<Pulled> claimed) {
    Set<String> ids = new LinkedHashSet<>();
    claimed.forEach(p -> ids.add(p.row().objectId()));
    Map<String, List<StoredObject>> held = new HashMap<>();
    for (StoredObject h : store.headersOf(ids)) {
      held.computeIfAbsent(h.objectId(), k -> new ArrayList<>()).add(h);
    }
    return held;
  }

  /**
   * What becomes of one object: stored, dropped quietly (our own coming back, a duplicate), or
   * refused for the reason given.
   */
  private record Verdict(boolean store, String refusal) {
    static final Verdict STORE = new Verdict(true, null);
    static final Verdict DROP = new Verdict(false, null);

    static Verdict of(Optional<String> refusal) {
      return refusal.map(r -> new Verdict(false, r)).orElse(STORE);
    }
  }

  /**
   * Stage 2: the checks a TAXII write makes, for the relay: the relay's nation may read the object
   * under its origin's rule, the write rules, no collision with what the relay may read here.
   */
  private Verdict verdict(
      Pulled p,
      Provenance provenance,
      List<StoredObject> rows,
      Map<String, Map<String, StixObject>> definitions,
      CollectionInfo info,
      ReadFilter peerMayRead) {
    String origin = provenance.originNation();
    if (p.claim().isEmpty()
        && rows.stream()
            .anyMatch(
                h ->
                    h.originNation().equals(localNation)
                        && h.versionMicros() == p.row().versionMicros())) {
      return Verdict.DROP; // an older peer that says nothing of provenance sending back our own
    }
    Map<String, StixObject> ofOrigin = definitions.getOrDefault(origin, Map.of());
    Optional<String> refusal =
        RelayRules.unreadableByRelay(
            peer.nation(),
            origin,
            p.object(),
            ref ->
                ofOrigin.containsKey(ref)
                    ? Optional.of(ofOrigin.get(ref))
                    : policy.resolve(ref, origin),
            info.defaultNations());
    if (refusal.isEmpty()) {
      List<StoredObject> sameOrigin =
          rows.stream().filter(h -> h.originNation().equals(origin)).toList();
      refusal = WriteRules.refusal(relay, p.object(), collection, sameOrigin, peerMayRead::permits);
    }
    if (refusal.isEmpty()) {
      Optional<WriteRules.Collision> collision =
          WriteRules.collision(
              p.object(),
              origin,
              collection,
              rows,
              h -> h.collectionId().equals(collection) && peerMayRead.permits(h));
      if (collision.isPresent() && collision.get().duplicate()) {
        return Verdict.DROP;
      }
      refusal = collision.map(WriteRules.Collision::message);
    }
    return Verdict.of(refusal);
  }

  private void warn(Pulled p, String reason) {
    log.warn(
        "peer {} sent {} in {}, not stored: {}",
        peer.name(),
        p.row().objectId(),
        collection,
        reason);
  }

  /** The marking-definitions of the page, by the origin they are stored under, then id. */
  private static Map<String, Map<String, StixObject>> definitionsByOrigin(
      List<Pulled> page, List<Provenance> provenances) {
    Map<String, Map<String, StixObject>> out = new HashMap<>();
    for (int i = 0; i < page.size(); i++) {
      StixObject s = page.get(i).object();
      if ("marking-definition".equals(s.type())) {
        out.computeIfAbsent(provenances.get(i).originNation(), k -> new HashMap<>())
            .putIfAbsent(s.id(), s);
      }
    }
    return out;
  }
}
