package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.CommunityIdentities;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.RelayRules;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.security.WriteRules;
import dev.bulwark.node.store.AddOutcome;
import dev.bulwark.node.store.BatchRecords;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoreException;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * loosening the markings; for a peer, the provenance it claims) and stores the accepted ones in one
 * batch, together with the caller's record of the envelope. Each object gets its own outcome, so
 * one bad object never costs the others, except for markings: a ref that does not resolve against
 * the object's origin, or a marking-definition id that is not available, refuses the envelope whole
 * ({@link EnvelopeMarkings}). Objects of different origins are different objects even under one
 * identifier. Thread-safe.
 */
final class ObjectWrites {
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final TaxiiCollections collections;

  /** This node's nation: a peer never hands over an object of this origin. */
  private final String localNation;

  private final StixValidator validator = new StixValidator();
  private final EnvelopeMarkings markings;

  /** Whose identities a contributor may not author as (another principal's, a node's). */
  private final CommunityIdentities identities;

  ObjectWrites(
      ObjectStore store,
      AccessPolicy policy,
      TaxiiCollections collections,
      String localNation,
      CommunityIdentities identities) {
    this.store = store;
    this.identities = identities;
    this.policy = policy;
    this.collections = collections;
    this.localNation = localNation.toUpperCase(Locale.ROOT);
    this.markings = new EnvelopeMarkings(store, policy);
  }

  /** The outcome of one object: stored (or already held), or refused with the reason. */
  record Outcome(String id, String version, boolean success, String message) {}

  /**
   * What the caller keeps about an envelope in the same transaction as its objects (status
   * resource, audit records), given every object's outcome in order; see {@link BatchRecords}.
   */
  @FunctionalInterface
  interface Recorder {
    void record(Connection c, List<Outcome> outcomes) throws SQLException;
  }

  /**
   * Checks and stores the objects of an envelope; {@code recorder} writes its rows in the
   * transaction that stores them, so that they commit together. Returns every object's outcome, in
   * the order recorded.
   *
   * <p>Each object is stored under its provenance: the principal's nation, or for a peer principal
   * the origin and relays it claims in the envelope's {@value ProvenanceClaim#PROPERTY} (checked by
   * {@link RelayRules}; anyone else's claim is ignored). Every check that looks at stored rows
   * looks only at rows of that origin, or at rows the principal may read: the answer, the status
   * resource and the work done never depend on an object the principal may not see (issue 14,
   * finding 5).
   */
  List<Outcome> add(
      TaxiiCollection collection, NodePrincipal principal, JsonNode envelope, Recorder recorder) {
    // Every stage appends its refusals to one list, so that the outcomes keep this order: items
    // that are not objects, then refusals by the checks in the order of the stages, then the
    // objects stored.
    List<Outcome> outcomes = new ArrayList<>();
    Received received = parse(principal, envelope, outcomes);
    Map<String, List<StoredObject>> held = held(received.objects());
    Candidates candidates = validate(collection.alias(), principal, received, held, outcomes);
    Accepted accepted = authorise(collection, principal, candidates, held, outcomes);
    Optional<List<Outcome>> refusedWhole =
        refusedWhole(outcomes, accepted.objects(), candidates::originOf, accepted.unavailable());
    if (refusedWhole.isPresent()) {
      store.addAll(
          collection.alias(),
          List.of(),
          new Provenance(principal.nation(), principal.name()),
          (c, none) -> recorder.record(c, refusedWhole.get()));
      return refusedWhole.get();
    }
    return store(collection.alias(), principal, accepted, outcomes, recorder);
  }

  /** The objects of an envelope, each with the provenance it would be stored under. */
  private record Received(List<StixObject> objects, List<Intake> intakes) {}

  /**
   * Stage 1, parse: the envelope's objects and their provenance claims; an item that is not a JSON
   * object is refused on the spot.
   */
  private static Received parse(NodePrincipal principal, JsonNode envelope, List<Outcome> out) {
    JsonNode objects = envelope.path("objects");
    List<StixObject> received = new ArrayList<>();
    List<Intake> intakes = new ArrayList<>();
    Optional<List<ProvenanceClaim>> claims =
        principal.has(Role.PEER) && objects.isArray()
            ? ProvenanceClaim.ofEnvelope(envelope, objects.size())
            : Optional.empty();
    int position = 0;
    for (JsonNode node : objects.isArray() ? objects : List.<JsonNode>of()) {
      int at = position++;
      if (node instanceof ObjectNode o) {
        received.add(StixObject.of(o));
        intakes.add(intake(principal, claims.map(c -> c.get(at))));
      } else {
        out.add(new Outcome("", "", false, "not a JSON object"));
      }
    }
    return new Received(received, intakes);
  }

  /** The rows held under the received objects' ids, in every collection and of every origin. */
  private Map<String, List<StoredObject>> held(List<StixObject> received) {
    Map<String, List<StoredObject>> held = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    received.forEach(s -> ids.add(s.id()));
    for (StoredObject h : store.headersOf(ids)) {
      held.computeIfAbsent(h.objectId(), k -> new ArrayList<>()).add(h);
    }
    return held;
  }

  /** The objects that passed validation, and the provenance each would be stored under. */
  private record Candidates(List<StixObject> objects, Map<StixObject, Intake> intakeOf) {
    String originOf(StixObject s) {
      return intakeOf.get(s).provenance().originNation();
    }
  }

  /**
   * Stage 2, validate: a peer's claim it may not make is refused, a version the collection already
   * holds is a duplicate, and what is left must be valid STIX 2.1.
   */
  private Candidates validate(
      String collectionId,
      NodePrincipal principal,
      Received received,
      Map<String, List<StoredObject>> held,
      List<Outcome> outcomes) {
    List<StixObject> candidates = new ArrayList<>();
    // the provenance each candidate would be stored under (objects compared by identity)
    Map<StixObject, Intake> intakeOf = new IdentityHashMap<>();
    for (int i = 0; i < received.objects().size(); i++) {
      StixObject s = received.objects().get(i);
      Intake in = received.intakes().get(i);
      String version = version(s);
      Optional<String> claimRefused = claimRefusal(principal, in, s);
      if (claimRefused.isPresent()) {
        outcomes.add(new Outcome(s.id(), version, false, claimRefused.get()));
        continue;
      }
      if (!EnvelopeMarkings.isDefinition(s)
          && sameOrigin(held.get(s.id()), in).stream()
              .anyMatch(
                  h -> h.collectionId().equals(collectionId) && h.version().equals(version))) {
        // This version is already in the collection: storing it again is a no-op whoever sends it,
        // so it is not validated again (peers re-send what a pull already brought, by the
        // thousand).
        outcomes.add(new Outcome(s.id(), version, true, "already held (duplicate)"));
        continue;
      }
      ValidationResult result = validator.validate(s);
      if (!result.valid()) {
        outcomes.add(new Outcome(s.id(), version, false, invalid(result)));
        continue;
      }
      candidates.add(s);
      intakeOf.put(s, in);
    }
    return new Candidates(candidates, intakeOf);
  }

  private static String invalid(ValidationResult result) {
    Finding e = result.errors().get(0);
    return "invalid STIX 2.1: "
        + e.path()
        + ": "
        + e.message()
        + " (section "
        + e.section()
        + ")"
        + (result.errors().size() > 1 ? " and " + (result.errors().size() - 1) + " more" : "");
  }

  /**
   * The objects to store, in order, with their provenance; and the marking-definitions whose id is
   * not available (they refuse the envelope whole, see {@link #refusedWhole}).
   */
  private record Accepted(
      List<NewObject> records,
      List<StixObject> objects,
      List<Provenance> provenances,
      Map<StixObject, String> unavailable) {}

  /**
   * Stage 3, authorise: whether this principal may add each candidate (a peer's relay, no
   * impersonation, the write rules, no collision with an object of another origin it may read).
   */
  private Accepted authorise(
      TaxiiCollection collection,
      NodePrincipal principal,
      Candidates candidates,
      Map<String, List<StoredObject>> held,
      List<Outcome> outcomes) {
    Readability readability = new Readability(principal, collection);
    Function<StixObject, String> originOf = candidates::originOf;
    // a definition id that is not available gets one answer, before any other check could say more
    Map<StixObject, String> unavailable =
        markings.unavailableDefinitions(candidates.objects(), originOf);
    Map<String, Map<String, StixObject>> definitionsByOrigin =
        definitionsByOrigin(candidates.objects(), originOf);
    Accepted accepted =
        new Accepted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), unavailable);
    for (StixObject s : candidates.objects()) {
      Intake in = candidates.intakeOf().get(s);
      Optional<Outcome> refused =
          unavailable.containsKey(s)
              ? Optional.empty()
              : refusal(
                  collection,
                  principal,
                  s,
                  in,
                  held.getOrDefault(s.id(), List.of()),
                  readability,
                  definitionsByOrigin);
      if (refused.isPresent()) {
        outcomes.add(refused.get());
        continue;
      }
      try {
        accepted.records().add(NewObject.from(s));
        accepted.objects().add(s);
        accepted.provenances().add(in.provenance());
      } catch (IllegalArgumentException e) {
        outcomes.add(new Outcome(s.id(), version(s), false, e.getMessage()));
      }
    }
    return accepted;
  }

  /** Why this principal may not add this object; or the collision's outcome; empty if it may. */
  private Optional<Outcome> refusal(
      TaxiiCollection collection,
      NodePrincipal principal,
      StixObject s,
      Intake in,
      List<StoredObject> rows,
      Readability readability,
      Map<String, Map<String, StixObject>> definitionsByOrigin) {
    Optional<String> refusal = relayRefusal(principal, collection, in, s, definitionsByOrigin);
    if (refusal.isEmpty() && !principal.isAdmin() && !principal.has(Role.PEER)) {
      refusal = s.createdByRef().flatMap(author -> identities.impersonation(principal, author));
    }
    if (refusal.isEmpty()) {
      refusal =
          WriteRules.refusal(
              principal, s, collection.alias(), sameOrigin(rows, in), readability::permits);
    }
    if (refusal.isPresent()) {
      return Optional.of(new Outcome(s.id(), version(s), false, refusal.get()));
    }
    return collision(collection, s, in, rows, readability);
  }

  /**
   * Stage 4, store: the accepted objects in one batch with the caller's records; if the database
   * refuses the batch, object by object, then the records on their own.
   */
  private List<Outcome> store(
      String collectionId,
      NodePrincipal principal,
      Accepted accepted,
      List<Outcome> outcomes,
      Recorder recorder) {
    List<NewObject> records = accepted.records();
    List<Provenance> provenances = accepted.provenances();
    List<Outcome> checked = List.copyOf(outcomes);
    // the outcomes last recorded are those of the transaction that committed (a failed group is
    // retried batch by batch, calling the recorder again): they are what the caller gets back
    AtomicReference<List<Outcome>> recorded = new AtomicReference<>();
    try {
      store.addAll(
          collectionId,
          records,
          provenances,
          (c, stored) -> {
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
      for (int i = 0; i < records.size(); i++) {
        NewObject n = records.get(i);
        try {
          outcomes.add(success(store.add(collectionId, n, provenances.get(i))));
        } catch (StoreException e) {
          outcomes.add(
              new Outcome(n.objectId(), n.version(), false, "not stored: " + e.getMessage()));
        }
      }
      Provenance anyProvenance = new Provenance(principal.nation(), principal.name());
      store.addAll(
          collectionId, List.of(), anyProvenance, (c, none) -> recorder.record(c, outcomes));
    }
    return outcomes;
  }

  /**
   * Under which provenance an object is taken: the principal's nation, or for a peer the origin and
   * relays it claims (plus its own nation as the last relay), or its nation when it claims nothing.
   *
   * @param claim empty when the principal is not a peer or the envelope carries no claims
   */
  record Intake(Provenance provenance, Optional<ProvenanceClaim> claim) {}

  private static Intake intake(NodePrincipal p, Optional<ProvenanceClaim> claim) {
    if (claim.isPresent() && claim.get().valid()) {
      return new Intake(claim.get().receivedFrom(p.nation(), p.name()), claim);
    }
    return new Intake(new Provenance(p.nation(), p.name()), claim);
  }

  /** For a peer: what refuses its claim outright (unreadable, our own nation's object, TLP:RED). */
  private Optional<String> claimRefusal(NodePrincipal p, Intake in, StixObject s) {
    return p.has(Role.PEER)
        ? RelayRules.claimRefusal(localNation, in.claim(), s.objectMarkingRefs())
        : Optional.empty();
  }

  /**
   * For a peer: refused when its nation may not read the object under its origin's rule, the
   * object's markings resolved against this node's definitions and those in the envelope of the
   * same origin.
   */
  private Optional<String> relayRefusal(
      NodePrincipal p,
      TaxiiCollection c,
      Intake in,
      StixObject s,
      Map<String, Map<String, StixObject>> definitionsByOrigin) {
    if (!p.has(Role.PEER)) {
      return Optional.empty();
    }
    String origin = in.provenance().originNation();
    Map<String, StixObject> inEnvelope = definitionsByOrigin.getOrDefault(origin, Map.of());
    return RelayRules.unreadableByRelay(
        p.nation(),
        origin,
        s,
        ref ->
            inEnvelope.containsKey(ref)
                ? Optional.of(inEnvelope.get(ref))
                : policy.resolve(ref, origin),
        c.info().defaultNations());
  }

  /** The marking-definitions among the candidates, by the origin they are stored under, then id. */
  private static Map<String, Map<String, StixObject>> definitionsByOrigin(
      List<StixObject> candidates, Function<StixObject, String> originOf) {
    Map<String, Map<String, StixObject>> out = new HashMap<>();
    for (StixObject s : candidates) {
      if (EnvelopeMarkings.isDefinition(s)) {
        out.computeIfAbsent(originOf.apply(s), k -> new HashMap<>()).putIfAbsent(s.id(), s);
      }
    }
    return out;
  }

  /** The held rows of the write's own origin: the only ones that make up "this object". */
  private static List<StoredObject> sameOrigin(List<StoredObject> rows, Intake in) {
    if (rows == null || rows.isEmpty()) {
      return List.of();
    }
    String origin = in.provenance().originNation();
    return rows.stream().filter(h -> h.originNation().equals(origin)).toList();
  }

  /** See {@link WriteRules#collision}: objects of another origin the principal may read. */
  private static Optional<Outcome> collision(
      TaxiiCollection c,
      StixObject s,
      Intake in,
      List<StoredObject> rows,
      Readability readability) {
    return WriteRules.collision(
            s, in.provenance().originNation(), c.alias(), rows, readability::permits)
        .map(x -> new Outcome(s.id(), version(s), x.duplicate(), x.message()));
  }

  /**
   * Whether the principal may read a held row: it has the read grant of the row's collection and
   * the access policy lets it see the row (with that collection's default for unmarked objects).
   * Collections are looked up once per envelope. Not thread-safe: one per request.
   */
  private final class Readability {
    private final NodePrincipal principal;
    private final Map<String, ReadFilter> filters = new HashMap<>();

    Readability(NodePrincipal principal, TaxiiCollection collection) {
      this.principal = principal;
      filters.put(collection.alias(), filterOf(collection));
    }

    boolean permits(StoredObject row) {
      return filters
          .computeIfAbsent(
              row.collectionId(),
              id -> collections.byAlias(id).map(this::filterOf).orElse(o -> false))
          .permits(row);
    }

    private ReadFilter filterOf(TaxiiCollection c) {
      return c.grants().canRead(principal) ? policy.readFilter(principal, c.info()) : o -> false;
    }
  }

  /**
   * The outcomes of an envelope refused whole because an object it would store fails a marking
   * check ({@link EnvelopeMarkings}): that object gets the reason (which ref, or which definition
   * id), every other object a failure naming it, and nothing of the envelope is stored; empty when
   * the markings pass. Refusals made before (invalid, not the writer's to add) keep their own
   * reasons.
   */
  private Optional<List<Outcome>> refusedWhole(
      List<Outcome> checked,
      List<StixObject> accepted,
      Function<StixObject, String> originOf,
      Map<StixObject, String> unavailable) {
    Map<StixObject, String> problems = markings.problems(accepted, originOf, unavailable);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    String first = accepted.stream().filter(problems::containsKey).findFirst().orElseThrow().id();
    String whole =
        "not stored: the envelope is refused whole because of the markings of "
            + first
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
