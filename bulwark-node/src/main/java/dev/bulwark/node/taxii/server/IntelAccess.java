package dev.bulwark.node.taxii.server;

import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.CollectionGrants;
import dev.bulwark.node.security.CommunityIdentities;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.ReleaseAudience;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.SearchQuery;
import dev.bulwark.node.store.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII's collections, grants and write path as the workbench uses them (issue 20), so that the
 * browser's reads and writes are decided exactly as TAXII's: which collections a principal may read
 * (its grants), one read filter across them (the access policy per collection, narrowed by granular
 * markings), the JSON a reader may receive, and adding objects through the same checks as an
 * envelope (validation, authorship, versions that never widen, markings), audited the same way.
 * Thread-safe.
 */
@Component
public final class IntelAccess {
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final TaxiiCollections collections;
  private final GranularMarkings parts;
  private final ObjectWrites writes;
  private final AuditLog audit;

  IntelAccess(
      ObjectStore store,
      AccessPolicy policy,
      TaxiiCollections collections,
      CommunityIdentities identities,
      AuditLog audit,
      @Value("${bulwark.nation:EST}") String nation) {
    this.store = store;
    this.policy = policy;
    this.collections = collections;
    this.parts = new GranularMarkings(policy);
    this.writes = new ObjectWrites(store, policy, collections, nation, identities);
    this.audit = audit;
  }

  /** The collections the principal's grants let it read, by store id. */
  public Map<String, CollectionInfo> readable(NodePrincipal p) {
    Map<String, CollectionInfo> out = new HashMap<>();
    for (CollectionInfo info : store.collections()) {
      collections
          .byAlias(info.id())
          .filter(t -> t.grants().canRead(p))
          .ifPresent(t -> out.put(info.id(), info));
    }
    return out;
  }

  /**
   * The reader's filter across every collection it may read (TAXII's, collection by collection).
   */
  public ReadFilter readFilter(NodePrincipal p) {
    return readFilter(p, readable(p));
  }

  private ReadFilter readFilter(NodePrincipal p, Map<String, CollectionInfo> readable) {
    Map<String, ReadFilter> per = new HashMap<>();
    readable.forEach(
        (id, info) ->
            per.put(
                id,
                parts.withholding(policy.readFilter(p, info), p.reader(), info.defaultNations())));
    return AccessPolicy.acrossCollections(per);
  }

  /**
   * A reader's search: its read filter (the gate every candidate passes) and the prefilter the
   * engine applies first, the collections its grants let it read and its audience terms ({@link
   * ReleaseAudience}); the collections are read once for both.
   */
  public SearchScope searchScope(NodePrincipal p) {
    Map<String, CollectionInfo> readable = readable(p);
    return new SearchScope(
        readFilter(p, readable),
        Set.copyOf(readable.keySet()),
        ReleaseAudience.readerTerms(p.reader(), readable.values()));
  }

  /**
   * What one reader's search may ask of the engine, and the gate its candidates then pass.
   *
   * @param filter the reader's read filter ({@link #readFilter})
   * @param collections the collections it may read (store ids)
   * @param audience its audience terms
   */
  public record SearchScope(ReadFilter filter, Set<String> collections, Set<String> audience) {
    /** The search narrowed to what this reader might read; the filter still decides each row. */
    public SearchQuery narrow(SearchQuery q) {
      Set<String> ids = new HashSet<>(collections);
      if (!q.collections().isEmpty()) {
        ids.retainAll(q.collections());
      }
      // Nothing readable: a collection id no row holds keeps the answer empty (not unfiltered).
      return q.forReader(audience, ids.isEmpty() ? Set.of("") : ids);
    }
  }

  /** The JSON of a permitted object as this reader may receive it (granular parts removed). */
  public Optional<String> jsonFor(NodePrincipal p, StoredObject o) {
    return store
        .collection(o.collectionId())
        .flatMap(info -> parts.jsonFor(p.reader(), o, info.defaultNations()));
  }

  /**
   * The JSON of each object as this reader may receive it, in the order given (empty where
   * withheld), reading each collection once: a page of 50 hits no longer costs 50 collection reads.
   */
  public List<Optional<String>> jsonForEach(NodePrincipal p, List<StoredObject> objects) {
    Map<String, Optional<CollectionInfo>> infos = new HashMap<>();
    List<Optional<String>> out = new ArrayList<>(objects.size());
    for (StoredObject o : objects) {
      out.add(
          infos
              .computeIfAbsent(o.collectionId(), store::collection)
              .flatMap(info -> parts.jsonFor(p.reader(), o, info.defaultNations())));
    }
    return out;
  }

  /** A collection and its grants, for the administration page. */
  public record CollectionAccess(CollectionInfo info, CollectionGrants grants) {}

  /** Every collection with its grants. */
  public List<CollectionAccess> grants() {
    List<CollectionAccess> out = new ArrayList<>();
    for (CollectionInfo info : store.collections()) {
      collections
          .byAlias(info.id())
          .ifPresent(t -> out.add(new CollectionAccess(info, t.grants())));
    }
    return out;
  }

  /** The outcome of one object written: stored (or already held) or refused, with the reason. */
  public record WriteOutcome(String id, String version, boolean stored, String message) {}

  /** Why a write was not attempted. */
  public enum Refusal {
    NO_SUCH_COLLECTION,
    NO_WRITE_GRANT
  }

  /**
   * Adds the objects to a collection as one TAXII envelope would be (the same checks, the same
   * audit records); empty with the refusal when the collection is unknown or not writable.
   */
  public Result add(NodePrincipal p, String collectionId, List<JsonNode> objects) {
    Optional<TaxiiCollection> c = collections.byAlias(collectionId);
    if (c.isEmpty() || !c.get().grants().canRead(p)) {
      return new Result(Optional.of(Refusal.NO_SUCH_COLLECTION), List.of());
    }
    if (c.get().grants().writeRefusal(p).isPresent()) {
      return new Result(Optional.of(Refusal.NO_WRITE_GRANT), List.of());
    }
    ObjectNode envelope = TaxiiResponses.JSON.createObjectNode();
    ArrayNode list = envelope.putArray("objects");
    objects.forEach(list::add);
    String statusId = UUID.randomUUID().toString();
    List<ObjectWrites.Outcome> outcomes =
        writes.add(
            c.get(),
            p,
            envelope,
            (connection, o) ->
                audit.appendAll(connection, AddStatus.auditEntries(p, c.get(), statusId, o)));
    return new Result(
        Optional.empty(),
        outcomes.stream()
            .map(o -> new WriteOutcome(o.id(), o.version(), o.success(), o.message()))
            .toList());
  }

  /** What {@link #add} did: a refusal of the whole write, or every object's outcome. */
  public record Result(Optional<Refusal> refusal, List<WriteOutcome> outcomes) {}
}
