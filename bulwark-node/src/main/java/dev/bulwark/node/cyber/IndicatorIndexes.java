package dev.bulwark.node.cyber;

import dev.bulwark.cyber.match.Indicator;
import dev.bulwark.cyber.match.IndicatorFiles;
import dev.bulwark.cyber.warninglist.Warninglists;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.pattern.LiveIndex;
import dev.bulwark.stix.pattern.PatternIndex;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The indicators a sensor is matched against: for each reader (nation, and identity for TLP:RED),
 * exactly the indicators of the configured collections that the one read gate ({@link
 * AccessPolicy}) lets it read — never more, so a sensor cannot learn of another nation's indicator
 * through a sighting, a count, an error or the time an answer takes. Each reader's set is a {@link
 * LiveIndex} rebuilt after {@code bulwark.cyber.index-ttl} (copy-on-write: matching goes on against
 * the old one meanwhile). Thread-safe.
 */
final class IndicatorIndexes {
  /** What a reader's index knows of each indicator, for markings and warninglists. */
  record Known(String id, String originNation, List<String> markingRefs, Set<String> defaults) {}

  /** One reader's indicators. */
  record ReaderIndex(
      LiveIndex index, Map<String, Known> known, Set<String> heldBack, long builtMicros) {}

  private final ObjectStore store;
  private final AccessPolicy policy;
  private final CyberProperties properties;
  private final Warninglists warninglists;
  private final LongSupplier nowMicros;
  private final Map<String, ReaderIndex> byReader = new ConcurrentHashMap<>();
  private final GranularMarkings parts;

  IndicatorIndexes(
      ObjectStore store,
      AccessPolicy policy,
      CyberProperties properties,
      Warninglists warninglists,
      LongSupplier nowMicros) {
    this.store = store;
    this.policy = policy;
    this.properties = properties;
    this.warninglists = warninglists;
    this.nowMicros = nowMicros;
    this.parts = new GranularMarkings(policy);
  }

  /** The index of what this principal may read, rebuilt when older than the TTL. */
  ReaderIndex of(NodePrincipal p) {
    String key = p.nation() + "|" + p.identityId().orElse("");
    long now = nowMicros.getAsLong();
    long ttl = properties.indexTtl().toNanos() / 1000;
    return byReader.compute(
        key, (k, old) -> old != null && now - old.builtMicros() < ttl ? old : build(p, old, now));
  }

  /** Forgets every index (after indicators were added, e.g. by the demo). */
  void invalidate() {
    byReader.clear();
  }

  /** One indicator as a reader is served it (granular markings applied). */
  record Served(String json, Known known) {}

  /**
   * Exactly the indicators of the configured collections this principal may read, each as it would
   * be served to it, by id: the one read gate, page by page.
   */
  Map<String, Served> served(NodePrincipal p) {
    Map<String, Served> out = new LinkedHashMap<>();
    for (String c : properties.indicatorCollections()) {
      Optional<CollectionInfo> info = store.collection(c);
      if (info.isEmpty()) {
        continue;
      }
      // a granular marking may keep a part of an indicator (its pattern) from this reader: the
      // reader is matched against what it would be served, and not at all when withheld whole
      ReadFilter gate =
          parts.withholding(
              policy.readFilter(p, info.get()), p.reader(), info.get().defaultNations());
      long after = 0;
      while (true) {
        Page page =
            store.page(
                new ObjectQuery(c, after, Set.of("indicator"), Set.of(), Set.of(), 1000), gate);
        for (StoredObject o : page.items()) {
          Optional<String> json = parts.jsonFor(p.reader(), o, info.get().defaultNations());
          json.ifPresent(
              j ->
                  out.put(
                      o.objectId(),
                      new Served(
                          j,
                          new Known(
                              o.objectId(),
                              o.originNation(),
                              o.markingRefs(),
                              info.get().defaultNations()))));
        }
        if (!page.more()) {
          break;
        }
        after = page.scannedUpToMicros();
      }
    }
    return out;
  }

  /** Whether a warninglist entry is in the indicator's pattern (its hits are held back). */
  boolean heldBack(Indicator i) {
    return warninglists.hitInPattern(i.pattern()).isPresent();
  }

  private ReaderIndex build(NodePrincipal p, ReaderIndex old, long now) {
    Map<String, Known> known = new HashMap<>();
    StringBuilder lines = new StringBuilder();
    for (Served s : served(p).values()) {
      lines.append(s.json()).append('\n');
      known.put(s.known().id(), s.known());
    }
    List<Indicator> indicators;
    try {
      indicators =
          new IndicatorFiles().read(new StringReader(lines.toString()), "store").indicators();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> heldBack = new HashSet<>();
    for (Indicator i : indicators) {
      if (heldBack(i)) {
        heldBack.add(i.id());
      }
    }
    var entries = indicators.stream().map(Indicator::entry).toList();
    LiveIndex live;
    if (old == null) {
      live = new LiveIndex(PatternIndex.build(entries));
    } else {
      // the same holder: streams matching now keep going on the old index until the swap
      live = old.index();
      live.reload(entries);
    }
    return new ReaderIndex(live, Map.copyOf(known), Set.copyOf(heldBack), now);
  }

  /** The resolved markings of a known indicator (for the sighting's markings). */
  Optional<List<StixObject>> markingsOf(Known k) {
    return policy.resolveAll(k.markingRefs(), k.originNation());
  }
}
