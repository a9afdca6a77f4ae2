package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.databind.JsonNode;

/**
 * Many indicators' patterns, indexed by their atoms ({@link Atoms}) so that an observation is fully
 * evaluated only against the patterns it could match: per object type and object path ({@link
 * PathProbe}), exact values, CIDR ranges and required literals; patterns without usable atoms are
 * checked against every observation. The candidates may be a superset (a fingerprint collision, an
 * observed CIDR block): every candidate is evaluated in full ({@link StixPattern}), so the index
 * never changes a result, only the work. Matching allocates nothing for an observation that matches
 * nothing. Built once, immutable and thread-safe; {@link LiveIndex} swaps whole indexes for
 * reloads.
 */
public final class PatternIndex {

  /** Per thread, the candidates of the observation being matched (reused, see CandidateSet). */
  private static final ThreadLocal<CandidateSet> SCRATCH =
      ThreadLocal.withInitial(() -> new CandidateSet(1));

  private final String[] ids;
  private final String[] texts;
  private final long[] validFrom;
  private final long[] validUntil;
  private final boolean[] single;

  /**
   * Each entry's compiled pattern, made on its first candidacy: the build compiles every pattern
   * once (to report errors and find its atoms) and drops the tree, so that the index holds a few
   * objects per indicator instead of a syntax tree each — less memory, and far less for the
   * collector to copy while a reload builds beside matching threads (the reload pauses were young
   * collections copying the new index's trees).
   */
  private final AtomicReferenceArray<Entry> compiled;

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
      Kept kept, Map<String, List<PathProbe>> probesByType, List<IndexError> errors) {
    int n = kept.size;
    this.ids = Arrays.copyOf(kept.ids, n);
    this.texts = Arrays.copyOf(kept.texts, n);
    this.validFrom = Arrays.copyOf(kept.from, n);
    this.validUntil = Arrays.copyOf(kept.until, n);
    this.single = Arrays.copyOf(kept.single, n);
    this.compiled = new AtomicReferenceArray<>(n);
    this.probesByType = probesByType;
    this.unindexed = Arrays.copyOf(kept.unindexed, kept.unindexedSize);
    this.errors = List.copyOf(errors);
  }

  /** The kept indicators while building, in growing parallel arrays (few objects). */
  private static final class Kept {
    String[] ids = new String[1024];
    String[] texts = new String[1024];
    long[] from = new long[1024];
    long[] until = new long[1024];
    boolean[] single = new boolean[1024];
    int size;
    int[] unindexed = new int[16];
    int unindexedSize;

    int add(IndicatorEntry in, boolean singleObservation) {
      if (size == ids.length) {
        int cap = size * 2;
        ids = Arrays.copyOf(ids, cap);
        texts = Arrays.copyOf(texts, cap);
        from = Arrays.copyOf(from, cap);
        until = Arrays.copyOf(until, cap);
        single = Arrays.copyOf(single, cap);
      }
      ids[size] = in.id();
      texts[size] = in.pattern();
      from[size] = in.validFrom() == null ? Long.MIN_VALUE : micros(in.validFrom());
      until[size] = in.validUntil() == null ? Long.MAX_VALUE : micros(in.validUntil());
      single[size] = singleObservation;
      return size++;
    }

    void unindexed(int ix) {
      if (unindexedSize == unindexed.length) {
        unindexed = Arrays.copyOf(unindexed, unindexedSize * 2);
      }
      unindexed[unindexedSize++] = ix;
    }
  }

  /**
   * Builds an index. Revoked entries are left out; entries whose pattern does not compile are left
   * out and reported in {@link #errors()}.
   *
   * @param indicators the indicators
   * @return the index
   */
  public static PatternIndex build(Collection<IndicatorEntry> indicators) {
    Kept kept = new Kept();
    List<IndexError> errors = new ArrayList<>();
    Map<String, Map<String, PathProbe.Builder>> probes = new LinkedHashMap<>();
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
      int ix = kept.add(in, p.singleObservation());
      List<Atoms.Atom> atoms = atoms(p);
      if (atoms == null) {
        kept.unindexed(ix);
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
    return new PatternIndex(kept, byType, errors);
  }

  /** The atoms of every bracketed expression of a pattern; null when one has none usable. */
  private static List<Atoms.Atom> atoms(StixPattern p) {
    List<Atoms.Atom> atoms = new ArrayList<>();
    for (Simple leaf : p.leaves()) {
      List<Atoms.Atom> a = Atoms.of(leaf.comparison());
      if (a == null) {
        return null;
      }
      atoms.addAll(a);
    }
    return atoms;
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
    return ids.length;
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
    CandidateSet set = gather(obs);
    if (set.size() == 0) {
      return List.of();
    }
    set.sort();
    List<IndexMatch> out = null;
    for (int i = 0; i < set.size(); i++) {
      int ix = set.get(i);
      if (validAt(ix, obs) && evaluate(entry(ix).pattern(), obs)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(
            new IndexMatch(
                ids[ix], instant(obs.firstMicros()), instant(obs.lastMicros()), List.of(obs.id())));
      }
    }
    return out == null ? List.of() : out;
  }

  private boolean validAt(int ix, Observation obs) {
    return obs.lastMicros() >= validFrom[ix] && obs.firstMicros() < validUntil[ix];
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
    return gather(obs).toSortedArray();
  }

  /** The candidates in this thread's scratch set (valid until the thread's next call). */
  private CandidateSet gather(Observation obs) {
    CandidateSet set = SCRATCH.get();
    set.reset(ids.length);
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
    return set;
  }

  /**
   * One entry, its pattern compiled on first use (compiling is deterministic: a racing thread
   * compiles an equal pattern, and the first one stored wins).
   */
  Entry entry(int ix) {
    Entry e = compiled.get(ix);
    if (e == null) {
      e =
          new Entry(
              ids[ix], StixPattern.compile(texts[ix]), validFrom[ix], validUntil[ix], single[ix]);
      if (!compiled.compareAndSet(ix, null, e)) {
        e = compiled.get(ix);
      }
    }
    return e;
  }

  /**
   * A rough estimate of the index's own memory (keys, tables, entries; not the patterns' syntax
   * trees), for the benchmark report.
   *
   * @return bytes
   */
  public long estimatedKeyBytes() {
    long total = 32L * ids.length; // the per-entry arrays and slots (strings are the caller's)
    for (List<PathProbe> l : probesByType.values()) {
      for (PathProbe p : l) {
        total += p.estimatedBytes();
      }
    }
    return total;
  }
}
