package dev.bulwark.node.exchange.taxii;

import dev.bulwark.node.exchange.AddOutcome;
import dev.bulwark.node.exchange.BatchRecords;
import dev.bulwark.node.exchange.NewObject;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.Provenance;
import dev.bulwark.node.exchange.StoreException;
import dev.bulwark.node.exchange.StoredObject;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.security.WriteRules;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write side of TAXII: checks each object of an envelope (valid STIX 2.1, authored by the
 * principal's own identity unless it is an admin, not a newer version of someone else's object, not
 * loosening the markings) and stores the accepted ones in one batch, together with the caller's record
 * of the envelope. Each object gets its own outcome, so one bad object never costs the others, except
 * for markings: a ref that does not resolve against the object's origin, or a marking-definition id
 * that is not available, refuses the envelope whole ({@link EnvelopeMarkings}). Thread-safe.
 */
final class ObjectWrites {
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final StixValidator validator = new StixValidator();
  private final EnvelopeMarkings markings;

  ObjectWrites(ObjectStore store, AccessPolicy policy) {
    this.store = store;
    this.policy = policy;
    this.markings = new EnvelopeMarkings(store, policy);
  }

  /** The outcome of one object: stored (or already held), or refused with the reason. */
  record Outcome(String id, String version, boolean success, String message) {}

  /**
   * What the caller keeps about an envelope in the same transaction as its objects (status resource,
   * audit records), given every object's outcome in order; see {@link BatchRecords}.
   */
  @FunctionalInterface
  interface Recorder {
    void record(Connection c, List<Outcome> outcomes) throws SQLException;
  }

  /**
   * Checks and stores the objects; {@code recorder} writes its rows in the transaction that stores
   * them, so that they commit together. Returns every object's outcome, in the order recorded.
   */
  List<Outcome> add(
      String collectionId, NodePrincipal principal, JsonNode objects, Recorder recorder) {
    List<Outcome> outcomes = new ArrayList<>();
    List<StixObject> received = new ArrayList<>();
    for (JsonNode node : objects) {
      if (node instanceof ObjectNode o) {
        received.add(StixObject.of(o));
      } else {
        outcomes.add(new Outcome("", "", false, "not a JSON object"));
      }
    }
    Map<String, List<StoredObject>> held = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    received.forEach(s -> ids.add(s.id()));
    for (StoredObject h : store.headersOf(ids)) {
      held.computeIfAbsent(h.objectId(), k -> new ArrayList<>()).add(h);
    }
    List<StixObject> candidates = new ArrayList<>();
    for (StixObject s : received) {
      String version = version(s);
      if (!EnvelopeMarkings.isDefinition(s) && held.getOrDefault(s.id(), List.of()).stream()
          .anyMatch(h -> h.collectionId().equals(collectionId) && h.version().equals(version))) {
        // This version is already in the collection: storing it again is a no-op whoever sends it, so
        // it is not validated again (peers re-send what a pull already brought, by the thousand).
        outcomes.add(new Outcome(s.id(), version, true, "already held (duplicate)"));
        continue;
      }
      ValidationResult result = validator.validate(s);
      if (!result.valid()) {
        Finding e = result.errors().get(0);
        outcomes.add(new Outcome(s.id(), version(s), false,
            "invalid STIX 2.1: " + e.path() + ": " + e.message() + " (section " + e.section() + ")"
                + (result.errors().size() > 1 ? " and " + (result.errors().size() - 1) + " more" : "")));
        continue;
      }
      candidates.add(s);
    }
    Provenance provenance = new Provenance(principal.nation(), principal.name());
    Function<StixObject, String> originOf = s -> provenance.originNation();
    // a definition id that is not available gets one answer, before any other check could say more
    Map<StixObject, String> unavailable =
        markings.unavailableDefinitions(candidates, originOf, principal.has(Role.PEER));
    List<NewObject> accepted = new ArrayList<>();
    List<StixObject> acceptedObjects = new ArrayList<>();
    for (StixObject s : candidates) {
      Optional<String> refusal = unavailable.containsKey(s)
          ? Optional.empty()
          : WriteRules.refusal(principal, s, held.getOrDefault(s.id(), List.of()));
      if (refusal.isPresent()) {
        outcomes.add(new Outcome(s.id(), version(s), false, refusal.get()));
        continue;
      }
      try {
        accepted.add(NewObject.from(s));
        acceptedObjects.add(s);
      } catch (IllegalArgumentException e) {
        outcomes.add(new Outcome(s.id(), version(s), false, e.getMessage()));
      }
    }
    Optional<List<Outcome>> refusedWhole =
        refusedWhole(outcomes, acceptedObjects, originOf, unavailable);
    if (refusedWhole.isPresent()) {
      store.addAll(
          collectionId, List.of(), provenance, (c, none) -> recorder.record(c, refusedWhole.get()));
      return refusedWhole.get();
    }
    List<Outcome> checked = List.copyOf(outcomes);
    // the outcomes last recorded are those of the transaction that committed (a failed group is
    // retried batch by batch, calling the recorder again): they are what the caller gets back
    AtomicReference<List<Outcome>> recorded = new AtomicReference<>();
    try {
      store.addAll(collectionId, accepted, provenance, (c, stored) -> {
        List<Outcome> all = new ArrayList<>(checked.size() + stored.size());
        all.addAll(checked);
        stored.forEach(a -> all.add(success(a)));
        recorder.record(c, all);
        recorded.set(all);
      });
      return recorded.get();
    } catch (StoreException batchFailed) {
      // One object the database refuses must not cost the others theirs: store them one by one,
      // then record the outcomes on their own.
      for (NewObject n : accepted) {
        try {
          outcomes.add(success(store.add(collectionId, n, provenance)));
        } catch (StoreException e) {
          outcomes.add(new Outcome(n.objectId(), n.version(), false, "not stored: " + e.getMessage()));
        }
      }
      store.addAll(collectionId, List.of(), provenance, (c, none) -> recorder.record(c, outcomes));
    }
    return outcomes;
  }

  /**
   * The outcomes of an envelope refused whole because an object it would store fails a marking check
   * ({@link EnvelopeMarkings}): that object gets the reason (which ref, or which definition id), every
   * other object a failure naming it, and nothing of the envelope is stored; empty when the markings
   * pass. Refusals made before (invalid, not the writer's to add) keep their own reasons.
   */
  private Optional<List<Outcome>> refusedWhole(List<Outcome> checked, List<StixObject> accepted,
      Function<StixObject, String> originOf, Map<StixObject, String> unavailable) {
    Map<StixObject, String> problems = markings.problems(accepted, originOf, unavailable);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    String first = accepted.stream().filter(problems::containsKey).findFirst().orElseThrow().id();
    String whole = "not stored: the envelope is refused whole because of the markings of " + first
        + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more" : "");
    List<Outcome> all = new ArrayList<>(checked.size() + accepted.size());
    for (Outcome o : checked) {
      all.add(o.success() ? new Outcome(o.id(), o.version(), false, whole) : o);
    }
    for (StixObject s : accepted) {
      all.add(new Outcome(s.id(), version(s), false, problems.getOrDefault(s, whole)));
    }
    return Optional.of(all);
  }

  private static Outcome success(AddOutcome a) {
    return new Outcome(
        a.objectId(),
        a.version(),
        true,
        a.status() == AddOutcome.Status.STORED ? "stored" : "already held (duplicate)");
  }

  private static String version(StixObject s) {
    return s.modified().or(s::created).orElse("");
  }
}
