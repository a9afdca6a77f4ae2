package dev.bulwark.node.security;

import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.SearchAudience;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search prefilter's terms (issue 20), worked out by asking {@link ReleaseRule} itself, so that
 * the prefilter can only narrow what the one read gate ({@link AccessPolicy#readFilter}) then
 * decides object by object. A row carries:
 *
 * <ul>
 *   <li>{@code everyone} when the anonymous public may read it, {@code *} when any authenticated
 *       reader may;
 *   <li>{@code n:<ISO3>} for the origin and every nation its releasability markings name (groups
 *       expanded) that the rule lets in (a nation named nowhere is decided as {@code *});
 *   <li>{@code i:ID} for every identity a releasability marking names (a superset: the gate checks
 *       TLP:RED's every-list condition);
 *   <li>{@code u:COLLECTION} when the collection's default nations decide (no TLP, no releasability
 *       marking), matched against the defaults at search time, so a changed default applies at
 *       once;
 *   <li>{@link SearchAudience#ALWAYS} when a marking does not resolve yet (its definition may
 *       arrive later) and for marking-definitions (readable also by those they name).
 * </ul>
 *
 * A row's markings never change (a re-marked object is a new row), so the terms are fixed when it
 * is indexed. A reader carries {@code *}, {@code ?}, its {@code n:}, its {@code i:} and the {@code
 * u:} of every readable collection whose defaults include its nation; the anonymous reader {@code
 * everyone} and {@code ?}. Thread-safe.
 */
public final class ReleaseAudience implements SearchAudience {
  /** A nation no marking names and no group holds: what "any other nation" is decided as. */
  private static final String NOBODY_NAMED = "ZZZ";

  private static final int MEMO_LIMIT = 10_000;

  private final AccessPolicy policy;

  /** Resolved markings' terms by origin and refs (definitions are never replaced). */
  private final ConcurrentHashMap<String, Terms> memo = new ConcurrentHashMap<>();

  /** The terms of resolved markings, and whether the collection's defaults decide. */
  private record Terms(Set<String> terms, boolean byDefaults) {}

  public ReleaseAudience(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Set<String> of(StoredObject row) {
    if ("marking-definition".equals(row.type())) {
      return Set.of(ALWAYS);
    }
    String origin = row.originNation().toUpperCase(Locale.ROOT);
    String key = origin + '\n' + String.join("\n", row.markingRefs());
    Terms t = memo.get(key);
    if (t == null) {
      Optional<List<StixObject>> resolved = policy.resolveAll(row.markingRefs(), origin);
      if (resolved.isEmpty()) {
        return Set.of(ALWAYS); // not remembered: the definition may be stored later
      }
      t = terms(origin, resolved.get());
      if (memo.size() < MEMO_LIMIT) {
        memo.put(key, t);
      }
    }
    if (!t.byDefaults()) {
      return t.terms();
    }
    Set<String> out = new TreeSet<>(t.terms());
    out.add(unmarked(row.collectionId()));
    return out;
  }

  private static Terms terms(String origin, List<StixObject> markings) {
    Set<String> out = new TreeSet<>();
    if (ReleaseRule.mayRead(Reader.anonymous(), origin, markings, ReleaseRule.ORIGIN_ONLY)) {
      out.add("everyone");
    }
    if (ReleaseRule.mayRead(Reader.of(NOBODY_NAMED), origin, markings, ReleaseRule.ORIGIN_ONLY)) {
      out.add("*");
    }
    Set<String> candidates = new TreeSet<>();
    candidates.add(origin);
    boolean byDefaults = true;
    for (StixObject m : markings) {
      if (Tlp.fromMarkingId(m.id()).isPresent() || ReleasabilityMarking.carriesExtension(m)) {
        byDefaults = false;
      }
      ReleasabilityMarking.read(m)
          .ifPresent(
              r -> {
                r.nations().forEach(n -> candidates.addAll(NationGroups.expand(n)));
                r.recipients().forEach(i -> out.add("i:" + i));
              });
    }
    for (String n : candidates) {
      if (ReleaseRule.mayRead(Reader.of(n), origin, markings, ReleaseRule.ORIGIN_ONLY)) {
        out.add(nation(n));
      }
    }
    return new Terms(Set.copyOf(out), byDefaults);
  }

  /**
   * The terms this reader carries, reading these collections (their defaults decide unmarked rows).
   */
  public static Set<String> readerTerms(Reader reader, Collection<CollectionInfo> readable) {
    if (!reader.authenticated()) {
      return Set.of("everyone", ALWAYS);
    }
    Set<String> out = new TreeSet<>(List.of("*", ALWAYS, nation(reader.nation())));
    reader.identityId().ifPresent(i -> out.add("i:" + i));
    for (CollectionInfo c : readable) {
      for (String d : c.defaultNations()) {
        if (NationGroups.expand(d).contains(reader.nation())) {
          out.add(unmarked(c.id()));
        }
      }
    }
    return Set.copyOf(out);
  }

  private static String nation(String n) {
    return "n:" + n;
  }

  private static String unmarked(String collectionId) {
    return "u:" + collectionId;
  }
}
