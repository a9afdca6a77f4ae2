package dev.bulwark.node.incidents;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.markings.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register's only way to read the store: every object it shows, counts, suggests, maps or
 * publishes is read here through the {@link AccessPolicy} filter of the reader (with granular
 * markings applied), so a hidden object is never seen, counted or named by the register. For an
 * object with several versions the latest version the reader may read is taken; versions of another
 * origin under the same id are another object. Thread-safe (stateless over the store).
 */
public final class RegisterReads {
  /** The register's collection. */
  public static final String COLLECTION = IncidentCollections.INCIDENTS;

  private static final int PAGE = 5_000;

  private final ObjectStore store;
  private final AccessPolicy policy;
  private final GranularMarkings parts;

  public RegisterReads(ObjectStore store, AccessPolicy policy) {
    this.store = store;
    this.policy = policy;
    this.parts = new GranularMarkings(policy);
  }

  /** Who reads: the principal's reader and filter, or the anonymous public. */
  public record Viewer(Reader reader, ReadFilter filter, String label, Set<String> defaults) {}

  /** One object as a viewer may see it: its stored header and the JSON it may receive. */
  public record Seen(StoredObject header, ObjectNode json) {
    public String id() {
      return header.objectId();
    }

    public String type() {
      return header.type();
    }
  }

  /** The viewer of an authenticated principal (a peer never reads TLP:RED). */
  public Viewer viewer(NodePrincipal p, String collection) {
    CollectionInfo info = info(collection);
    Reader r = p.reader();
    return new Viewer(
        r,
        parts.withholding(policy.readFilter(p, info), r, info.defaultNations()),
        p.name(),
        info.defaultNations());
  }

  /** The anonymous public reader (TLP:CLEAR only, by the policy). */
  public Viewer publicViewer(String collection) {
    CollectionInfo info = info(collection);
    Reader r = Reader.anonymous();
    return new Viewer(
        r,
        parts.withholding(policy.readFilter(r, info.defaultNations()), r, info.defaultNations()),
        "public",
        info.defaultNations());
  }

  /** Whether the anonymous public may read this object (its object markings, by the policy). */
  public boolean publicMayRead(StoredObject header) {
    return policy.mayRead(Reader.anonymous(), header, info(header.collectionId()).defaultNations());
  }

  /** The latest readable version of every object of these types in a collection. */
  public List<Seen> latest(Viewer v, String collection, Set<String> types) {
    return latestAddedAfter(v, collection, types, 0L);
  }

  /**
   * As {@link #latest}, over the rows added after {@code afterMicros} only (what changed since a
   * view was built).
   */
  public List<Seen> latestAddedAfter(
      Viewer v, String collection, Set<String> types, long afterMicros) {
    Map<String, StoredObject> newest = new LinkedHashMap<>();
    long after = afterMicros;
    while (true) {
      Page page =
          store.page(
              new ObjectQuery(collection, after, types, Set.of(), Set.of(), PAGE), v.filter());
      for (StoredObject o : page.items()) {
        String key = o.objectId() + '\n' + o.originNation();
        StoredObject held = newest.get(key);
        if (held == null || o.versionMicros() >= held.versionMicros()) {
          newest.put(key, o);
        }
      }
      if (!page.more()) {
        break;
      }
      after = page.scannedUpToMicros();
    }
    List<Seen> out = new ArrayList<>(newest.size());
    for (StoredObject o : newest.values()) {
      seen(v, o).ifPresent(out::add);
    }
    return out;
  }

  /** The latest readable version of one object in a collection. */
  public Optional<Seen> get(Viewer v, String collection, String id) {
    List<Seen> all = history(v, collection, id);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * Every readable version of one object, oldest first; of the origin of the latest readable
   * version only (another origin under the same id is another object).
   */
  public List<Seen> history(Viewer v, String collection, String id) {
    List<StoredObject> versions = store.versions(collection, id, v.filter());
    if (versions.isEmpty()) {
      return List.of();
    }
    String origin = versions.get(versions.size() - 1).originNation();
    List<Seen> out = new ArrayList<>();
    for (StoredObject o : versions) {
      if (o.originNation().equals(origin)) {
        seen(v, o).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The marking-definition for a ref of an object of this origin, when it resolves. */
  public Optional<JsonNode> marking(String ref, String origin) {
    return policy.resolve(ref, origin).map(m -> (JsonNode) m.json());
  }

  private Optional<Seen> seen(Viewer v, StoredObject o) {
    Optional<String> json = parts.jsonFor(v.reader(), o, v.defaults());
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = RegisterStix.JSON.readTree(json.get());
      return n instanceof ObjectNode on ? Optional.of(new Seen(o, on)) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private CollectionInfo info(String collection) {
    return store
        .collection(collection)
        .orElse(new CollectionInfo(collection, collection, "", Set.of()));
  }
}
