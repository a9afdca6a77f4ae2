package dev.bulwark.node.security;

import dev.bulwark.node.exchange.CollectionInfo;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.ReadFilter;
import dev.bulwark.node.exchange.StoredObject;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that decides whether a reader may see a stored object: it resolves the object's
 * marking refs (the official TLP definitions built in, the others from the store) and applies
 * {@link ReleaseRule}. A ref that cannot be resolved denies. Every read path of the node (TAXII
 * objects, object, versions, manifest, status, federation) asks through {@link #readFilter}.
 *
 * <p>Marking definitions are immutable, so resolved ones are cached; unresolved ones are looked up
 * again next time, because the definition may arrive later. Thread-safe.
 */
public final class AccessPolicy {
  private static final int CACHE_LIMIT = 10_000;

  private final ObjectStore store;
  private final StixCodec codec = new StixCodec();
  private final ConcurrentHashMap<String, StixObject> markings = new ConcurrentHashMap<>();

  public AccessPolicy(ObjectStore store) {
    this.store = store;
  }

  /**
   * The filter for this principal reading this collection. A peer node never reads a TLP:RED object,
   * whatever recipients it names: RED is never federated (issue 14, finding 4).
   */
  public ReadFilter readFilter(NodePrincipal principal, CollectionInfo collection) {
    ReadFilter rule = readFilter(principal.reader(), collection.defaultNations());
    return principal.has(Role.PEER) ? object -> !carriesRed(object.markingRefs()) && rule.permits(object) : rule;
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

  /** The filter for any reader (anonymous for public reports) and a collection's unmarked default. */
  public ReadFilter readFilter(Reader reader, Set<String> unmarkedDefaultNations) {
    return object -> mayRead(reader, object, unmarkedDefaultNations);
  }

  /** The decision for one object. */
  public boolean mayRead(Reader reader, StoredObject object, Set<String> unmarkedDefaultNations) {
    return ReleaseRule.mayRead(
        reader, object.originNation(), object.markingRefs(), this::resolve, unmarkedDefaultNations);
  }

  /** Resolves a marking-definition id: TLP from the library, others from the store. */
  public Optional<StixObject> resolve(String markingRef) {
    Optional<Tlp> tlp = Tlp.fromMarkingId(markingRef);
    if (tlp.isPresent()) {
      return Optional.of(tlp.get().definition());
    }
    StixObject cached = markings.get(markingRef);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> json = store.markingDefinition(markingRef);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      StixObject m = codec.parseObject(json.get());
      if (markings.size() < CACHE_LIMIT) {
        markings.put(markingRef, m);
      }
      return Optional.of(m);
    } catch (StixParseException e) {
      return Optional.empty();
    }
  }

  /** The resolved markings of a list of refs; empty when any cannot be resolved. */
  public Optional<List<StixObject>> resolveAll(List<String> refs) {
    java.util.ArrayList<StixObject> out = new java.util.ArrayList<>(refs.size());
    for (String ref : refs) {
      Optional<StixObject> m = resolve(ref);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      out.add(m.get());
    }
    return Optional.of(out);
  }
}
