package dev.bulwark.node.misp;

import dev.bulwark.misp.EventRefusedException;
import dev.bulwark.misp.EventSink;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.RelayRules;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node believes a MISP peer about an event before {@link MispEventSink} stores it
 * ("provenance is not the last hop"). An event counts for the nation its creator organisation
 * ({@code Orgc}) maps to; a peer could write any organisation there, so the federation's rules
 * ({@link RelayRules}) apply, event by event, all or nothing:
 *
 * <ul>
 *   <li>an origin equal to this node's own nation never comes from a peer;
 *   <li>the peer is trusted only for the origins configured for it (by default its own nation);
 *   <li>TLP:RED is never federated (any object of the event carrying it refuses the event);
 *   <li>a relay cannot hold what its nation may not read under the origin's rule;
 *   <li>a newer version never widens the audience of the latest held version of an object of the
 *       same origin ({@link AudienceWidening}).
 * </ul>
 *
 * A refused event is stored nowhere, recorded with its MISP uuid ({@link MispRefusals}) and thrown
 * as {@link EventRefusedException}, which the import counts as rejected. Events already held pass
 * straight to the sink (nothing is written for them). The local {@code misp import} of an
 * administrator does not use this class: the operator is trusted. Not thread-safe: one per pull.
 */
final class MispPeerIntake implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(MispPeerIntake.class);

  private final MispPeer peer;
  private final String localNation;
  private final MispEventSink sink;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final MispRefusals refusals;
  private final Set<String> alsoAsk;

  MispPeerIntake(
      MispPeer peer,
      String localNation,
      Set<String> otherNations,
      MispEventSink sink,
      ObjectStore store,
      AccessPolicy policy,
      MispRefusals refusals) {
    this.peer = peer;
    this.localNation = localNation;
    this.sink = sink;
    this.store = store;
    this.policy = policy;
    this.refusals = refusals;
    Set<String> ask = new LinkedHashSet<>(otherNations);
    ask.add(localNation);
    ask.add(peer.nation());
    ask.addAll(peer.trustedOrigins());
    this.alsoAsk = Set.copyOf(ask);
  }

  @Override
  public Stored accept(EventConversion c) {
    if (sink.held(c.eventUuid(), c.eventTimestamp()).isPresent()) {
      return sink.accept(c);
    }
    String origin = sink.originOf(c);
    Optional<Refusal> refusal = refusal(c, origin);
    if (refusal.isPresent()) {
      String path = refusal.get().path();
      String reason = refusal.get().reason();
      log.warn(
          "MISP peer {} sent event {} for {}, not stored: {}",
          peer.name(),
          c.eventUuid(),
          peer.collection(),
          reason);
      refusals.record(
          peer.collection(), peer.name(), c.eventUuid(), c.eventTimestamp(), path, reason);
      throw new EventRefusedException(c.eventUuid(), path, reason);
    }
    return sink.accept(c);
  }

  /** Why an event is refused: where in it (a JSON path or a STIX id) and the reason. */
  private record Refusal(String path, String reason) {}

  /** The path and reason of the event's refusal, or empty when it may be stored. */
  private Optional<Refusal> refusal(EventConversion c, String origin) {
    Optional<String> own =
        RelayRules.claimRefusal(
            localNation, Optional.of(ProvenanceClaim.of(origin, List.of())), List.of());
    if (own.isPresent()) {
      return Optional.of(
          new Refusal(
              "Event.Orgc",
              "its creator organisation counts for "
                  + origin
                  + ", this node's own nation; its events never come from a peer"));
    }
    if (!peer.trustedOrigins().contains(origin)) {
      return Optional.of(
          new Refusal(
              "Event.Orgc",
              "its creator organisation counts for "
                  + origin
                  + "; peer "
                  + peer.name()
                  + " is trusted only for events of "
                  + String.join(", ", peer.trustedOrigins())));
    }
    Map<String, StixObject> brought = new HashMap<>();
    for (StixObject o : c.objects()) {
      if ("marking-definition".equals(o.type())) {
        brought.put(o.id(), o);
      }
    }
    Function<String, Optional<StixObject>> stored = ref -> policy.resolve(ref, origin);
    Function<String, Optional<StixObject>> fresh =
        ref -> brought.containsKey(ref) ? Optional.of(brought.get(ref)) : stored.apply(ref);
    Set<String> defaults =
        store.collection(peer.collection()).map(CollectionInfo::defaultNations).orElse(Set.of());
    for (StixObject o : c.objects()) {
      if ("marking-definition".equals(o.type())) {
        continue;
      }
      Optional<String> r =
          RelayRules.claimRefusal(
                  localNation,
                  Optional.of(ProvenanceClaim.of(origin, List.of())),
                  o.objectMarkingRefs())
              .or(() -> RelayRules.unreadableByRelay(peer.nation(), origin, o, fresh, defaults));
      if (r.isPresent()) {
        return Optional.of(new Refusal(o.id(), r.get()));
      }
    }
    return widening(c, origin, fresh, stored, defaults);
  }

  /** The first object whose new version widens its latest held version's audience, if any. */
  private Optional<Refusal> widening(
      EventConversion c,
      String origin,
      Function<String, Optional<StixObject>> fresh,
      Function<String, Optional<StixObject>> stored,
      Set<String> defaults) {
    Map<String, StixObject> byId = new HashMap<>();
    for (StixObject o : c.objects()) {
      if (!"marking-definition".equals(o.type())) {
        byId.put(o.id(), o);
      }
    }
    Map<String, StoredObject> latest = new HashMap<>();
    for (StoredObject h : store.headersOf(byId.keySet())) {
      if (h.originNation().equals(origin)) {
        latest.merge(
            h.objectId(),
            h,
            (a, b) ->
                Comparator.comparingLong(StoredObject::versionMicros).compare(a, b) >= 0 ? a : b);
      }
    }
    for (StoredObject held : latest.values()) {
      StixObject o = byId.get(held.objectId());
      List<String> widened =
          AudienceWidening.widenedTo(
              origin, held.markingRefs(), stored, o.objectMarkingRefs(), fresh, alsoAsk, defaults);
      if (!widened.isEmpty()) {
        return Optional.of(
            new Refusal(
                o.id(),
                "this version widens the audience of the version held ("
                    + held.version()
                    + ") to "
                    + String.join(", ", widened)
                    + "; a version never widens"));
      }
    }
    return Optional.empty();
  }
}
