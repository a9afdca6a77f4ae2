package dev.bulwark.node.security;

import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that decides whether a reader may see a stored object: it resolves the object's
 * marking refs and applies {@link ReleaseRule}. Every read path of the node (TAXII objects, object,
 * versions, manifest, status, federation) asks through {@link #readFilter}.
 *
 * <p>A ref resolves only to a built-in TLP definition or to a marking-definition of the object's
 * own originating nation (definitions are bound to their origin when stored): nobody can define,
 * pre-empt or shadow the marking of another nation's objects (issue 14, finding 3). A ref that does
 * not resolve that way denies. A releasability marking-definition, read as an object, is also
 * readable by the nations and recipients it names ({@link ReleaseRule#mayReadDefinition}), so that
 * those an object is released to can resolve its marking.
 *
 * <p>Marking definitions are never replaced, so resolved ones are cached; unresolved ones are
 * looked up again next time, because the definition may arrive later. Thread-safe.
 */
public final class AccessPolicy {
  private static final int CACHE_LIMIT = 10_000;

  private final ObjectStore store;
  private final StixCodec codec = new StixCodec();

  /** Resolved definitions by origin nation and id ({@link #cacheKey}). */
  private final ConcurrentHashMap<String, StixObject> markings = new ConcurrentHashMap<>();

  public AccessPolicy(ObjectStore store) {
    this.store = store;
  }

  /**
   * The filter for this principal reading this collection. A peer node never reads a TLP:RED
   * object, whatever recipients it names: RED is never federated (issue 14, finding 4).
   */
  public ReadFilter readFilter(NodePrincipal principal, CollectionInfo collection) {
    ReadFilter rule = readFilter(principal.reader(), collection.defaultNations());
    return principal.has(Role.PEER)
        ? object -> !carriesRed(object.markingRefs()) && rule.permits(object)
        : rule;
  }

  /**
   * One filter over several collections (the workbench reads across them): each object is decided
   * by its own collection's filter, made by {@link #readFilter(NodePrincipal, CollectionInfo)}
   * (possibly narrowed by a documented wrapper); an object of a collection not given is denied.
   */
  public static ReadFilter acrossCollections(Map<String, ReadFilter> perCollection) {
    Map<String, ReadFilter> copy = Map.copyOf(perCollection);
    return object -> {
      ReadFilter f = copy.get(object.collectionId());
      return f != null && f.permits(object);
    };
  }

  /** Whether the refs include TLP:RED (the TLP 2.0 or the STIX 2.1 TLP 1.0 definition). */
  public static boolean carriesRed(List<String> markingRefs) {
    for (String ref : markingRefs) {
      if (Tlp.fromMarkingId(ref).filter(t -> t == Tlp.RED).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The filter for any reader (anonymous for public reports) and a collection's unmarked default.
   */
  public ReadFilter readFilter(Reader reader, Set<String> unmarkedDefaultNations) {
    return object -> mayRead(reader, object, unmarkedDefaultNations);
  }

  /** The decision for one object. */
  public boolean mayRead(Reader reader, StoredObject object, Set<String> unmarkedDefaultNations) {
    String origin = object.originNation();
    if (ReleaseRule.mayRead(
        reader,
        origin,
        object.markingRefs(),
        ref -> resolve(ref, origin),
        unmarkedDefaultNations)) {
      return true;
    }
    // a releasability definition is also readable by those it names (ReleaseRule.mayReadDefinition)
    return "marking-definition".equals(object.type())
        && definitionItself(object).map(d -> ReleaseRule.namedBy(d, reader)).orElse(false);
  }

  /**
   * The stored definition itself: its row's JSON, or (for header-only rows) its origin's
   * definition.
   */
  private Optional<StixObject> definitionItself(StoredObject object) {
    if (object.json().isEmpty()) {
      return resolve(object.objectId(), object.originNation());
    }
    try {
      return Optional.of(codec.parseObject(object.json()));
    } catch (StixParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Resolves a marking-definition id named by an object of this originating nation: TLP from the
   * library, others only from the definitions of that origin.
   */
  public Optional<StixObject> resolve(String markingRef, String originNation) {
    Optional<Tlp> tlp = Tlp.fromMarkingId(markingRef);
    if (tlp.isPresent()) {
      return Optional.of(tlp.get().definition());
    }
    String key = cacheKey(markingRef, originNation);
    StixObject cached = markings.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> json = store.markingDefinition(markingRef, originNation);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      StixObject m = codec.parseObject(json.get());
      if (markings.size() < CACHE_LIMIT) {
        markings.put(key, m);
      }
      return Optional.of(m);
    } catch (StixParseException e) {
      return Optional.empty();
    }
  }

  /** The resolved markings of an object of this origin; empty when any ref cannot be resolved. */
  public Optional<List<StixObject>> resolveAll(List<String> refs, String originNation) {
    ArrayList<StixObject> out = new ArrayList<>(refs.size());
    for (String ref : refs) {
      Optional<StixObject> m = resolve(ref, originNation);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      out.add(m.get());
    }
    return Optional.of(out);
  }

  private static String cacheKey(String markingRef, String originNation) {
    return originNation + '\n' + markingRef;
  }
}
