package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Many indicators' patterns, indexed by their atoms ({@link Atoms}) so that an observation is fully
 * evaluated only against the patterns it could match: per object type and object path, a hash map
 * from exact value to patterns and a table of CIDR blocks by prefix length; patterns without usable
 * atoms are checked against every observation. Every candidate is then evaluated in full ({@link
 * StixPattern}), so the index never changes a result, only the work. Built once, immutable and
 * thread-safe; {@link LiveIndex} swaps whole indexes for reloads.
 */
public final class PatternIndex {

  private final Entry[] entries;
  private final Map<String, List<PathProbe>> probesByType;
  private final int[] unindexed;
  private final List<IndexError> errors;

  /** One indexed indicator. */
  record Entry(
      String id,
      StixPattern pattern,
      long validFromMicros,
      long validUntilMicros,
      boolean single) {}

  private PatternIndex(
      Entry[] entries,
      Map<String, List<PathProbe>> probesByType,
      int[] unindexed,
      List<IndexError> errors) {
    this.entries = entries;
    this.probesByType = probesByType;
    this.unindexed = unindexed;
    this.errors = List.copyOf(errors);
  }

  /**
   * Builds an index. Revoked entries are left out; entries whose pattern does not compile are left
   * out and reported in {@link #errors()}.
   *
   * @param indicators the indicators
   * @return the index
   */
  public static PatternIndex build(Collection<IndicatorEntry> indicators) {
    List<Entry> kept = new ArrayList<>();
    List<IndexError> errors = new ArrayList<>();
    Map<String, Map<String, PathProbe.Builder>> probes = new LinkedHashMap<>();
    List<Integer> unindexed = new ArrayList<>();
    for (IndicatorEntry in : indicators) {
      if (in.revoked()) {
        continue;
      }
      StixPattern p;
      try {
        p = StixPattern.compile(in.pattern());
      } catch (PatternException e) {
        errors.add(new IndexError(in.id(), e.getMessage()));
        continue;
      }
      int ix = kept.size();
      kept.add(
          new Entry(
              in.id(),
              p,
              in.validFrom() == null ? Long.MIN_VALUE : micros(in.validFrom()),
              in.validUntil() == null ? Long.MAX_VALUE : micros(in.validUntil()),
              p.singleObservation()));
      List<Atoms.Atom> atoms = new ArrayList<>();
      for (Simple leaf : p.leaves()) {
        List<Atoms.Atom> a = Atoms.of(leaf.comparison());
        if (a == null) {
          atoms = null;
          break;
        }
        atoms.addAll(a);
      }
      if (atoms == null) {
        unindexed.add(ix);
        continue;
      }
      for (Atoms.Atom a : atoms) {
        probes
            .computeIfAbsent(a.path().objectType(), t -> new LinkedHashMap<>())
            .computeIfAbsent(a.path().toString(), k -> new PathProbe.Builder(a.path()))
            .add(a, ix);
      }
    }
    Map<String, List<PathProbe>> byType = new HashMap<>();
    probes.forEach(
        (type, paths) -> {
          List<PathProbe> list = new ArrayList<>();
          paths.values().forEach(b -> list.add(b.build()));
          byType.put(type, List.copyOf(list));
        });
    return new PatternIndex(
        kept.toArray(new Entry[0]),
        byType,
        unindexed.stream().mapToInt(Integer::intValue).toArray(),
        errors);
  }

  static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /**
   * The indicators that could not be indexed.
   *
   * @return the errors
   */
  public List<IndexError> errors() {
    return errors;
  }

  /**
   * How many indicators are indexed.
   *
   * @return the count
   */
  public int size() {
    return entries.length;
  }

  /**
   * How many indicators have no usable atom (checked against every observation).
   *
   * @return the count
   */
  public int unindexedCount() {
    return unindexed.length;
  }

  /**
   * The indicators whose pattern matches this one observation alone and is valid at its time.
   * Patterns that need several observations (AND, FOLLOWEDBY, REPEATS between observation
   * expressions) match here only when this observation's {@code number_observed} satisfies them;
   * {@link StreamMatcher} matches them across a stream. A pattern that cannot be evaluated on this
   * observation (a type error) does not match.
   *
   * @param obs the observation
   * @return the matches, in indicator order
   */
  public List<IndexMatch> match(Observation obs) {
    List<IndexMatch> out = new ArrayList<>(2);
    for (int ix : candidates(obs)) {
      Entry e = entries[ix];
      if (validAt(e, obs) && evaluate(e.pattern(), obs)) {
        out.add(
            new IndexMatch(
                e.id(), instant(obs.firstMicros()), instant(obs.lastMicros()), List.of(obs.id())));
      }
    }
    return out;
  }

  static boolean validAt(Entry e, Observation obs) {
    return obs.lastMicros() >= e.validFromMicros() && obs.firstMicros() < e.validUntilMicros();
  }

  static boolean evaluate(StixPattern p, Observation obs) {
    try {
      return p.matches(obs);
    } catch (PatternEvaluationException e) {
      return false;
    }
  }

  static boolean evaluate(StixPattern p, List<Observation> obs) {
    try {
      return p.matches(obs);
    } catch (PatternEvaluationException e) {
      return false;
    }
  }

  /**
   * The indexes (into this index's entries, ascending, distinct) of the indicators that could match
   * the observation.
   *
   * @param obs the observation
   * @return candidate entry indexes
   */
  int[] candidates(Observation obs) {
    CandidateSet set = new CandidateSet(entries.length);
    for (int ix : unindexed) {
      set.add(ix);
    }
    JsonNode[] objects = obs.objectArray();
    String[] typeOf = obs.typeArray();
    for (int i = 0; i < objects.length; i++) {
      List<PathProbe> probes = typeOf[i] == null ? null : probesByType.get(typeOf[i]);
      if (probes != null) {
        for (PathProbe p : probes) {
          p.probe(objects[i], obs, set);
        }
      }
    }
    return set.toSortedArray();
  }

  Entry entry(int ix) {
    return entries[ix];
  }

  /**
   * A rough estimate of the index's own memory (keys, tables, entries; not the patterns' syntax
   * trees), for the benchmark report.
   *
   * @return bytes
   */
  public long estimatedKeyBytes() {
    long total = 64L * entries.length;
    for (List<PathProbe> l : probesByType.values()) {
      for (PathProbe p : l) {
        total += p.estimatedBytes();
      }
    }
    return total;
  }
}
