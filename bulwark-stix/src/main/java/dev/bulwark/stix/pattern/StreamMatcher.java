package dev.bulwark.stix.pattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a stream of observations (one sensor's events, in time order) against a {@link
 * LiveIndex}, including patterns that need several observations (AND, OR, FOLLOWEDBY, REPEATS and
 * WITHIN between observation expressions). For each such pattern it keeps the most recent
 * observations that satisfied one of its bracketed expressions, at most {@code maxPerPattern} of
 * them (bounded state per pattern), and evaluates the pattern over them when a new one arrives; a
 * match is reported once and its observations are dropped, so the same observations are not
 * reported twice; under a WITHIN at the top, observations older than the window before the newest
 * one are dropped too (the stream is taken to arrive in time order). Single-observation patterns
 * are reported for every matching observation. One per stream; not thread-safe.
 */
public final class StreamMatcher {

  private final LiveIndex index;
  private final int maxPerPattern;
  private final Map<String, ArrayDeque<Observation>> pending = new HashMap<>();

  /**
   * A matcher over a live index.
   *
   * @param index the indicators
   * @param maxPerPattern how many observations to keep per multi-observation pattern (≥ 1)
   */
  public StreamMatcher(LiveIndex index, int maxPerPattern) {
    if (maxPerPattern < 1) {
      throw new IllegalArgumentException("maxPerPattern must be at least 1");
    }
    this.index = index;
    this.maxPerPattern = maxPerPattern;
  }

  /**
   * Takes the next observation.
   *
   * @param obs the observation
   * @return the indicators matched now
   */
  public List<IndexMatch> accept(Observation obs) {
    PatternIndex ix = index.current();
    List<IndexMatch> out = new ArrayList<>(2);
    for (int c : ix.candidates(obs)) {
      PatternIndex.Entry e = ix.entry(c);
      if (!PatternIndex.validAt(e, obs)) {
        continue;
      }
      if (e.single()) {
        if (PatternIndex.evaluate(e.pattern(), obs)) {
          out.add(match(e.id(), List.of(obs)));
        }
      } else if (hitsLeaf(e.pattern(), obs)) {
        String key = e.id() + '\u0000' + e.pattern().text();
        ArrayDeque<Observation> q = pending.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (e.pattern().ast() instanceof ObservationExpression.Within w) {
          // observations too old to share a window with this one can join no new match
          q.removeIf(old -> old.lastMicros() + w.micros() < obs.firstMicros());
        }
        q.addLast(obs);
        if (q.size() > maxPerPattern) {
          q.removeFirst();
        }
        List<Observation> window = new ArrayList<>(q);
        if (PatternIndex.evaluate(e.pattern(), window)) {
          out.add(match(e.id(), window));
          pending.remove(key);
        }
      }
    }
    return out;
  }

  /**
   * How many observations are held for multi-observation patterns.
   *
   * @return the count over all patterns
   */
  public int pendingObservations() {
    int n = 0;
    for (ArrayDeque<Observation> q : pending.values()) {
      n += q.size();
    }
    return n;
  }

  private static boolean hitsLeaf(StixPattern p, Observation obs) {
    for (ObservationExpression.Simple leaf : p.leaves()) {
      try {
        if (p.leafMatches(leaf, obs)) {
          return true;
        }
      } catch (PatternEvaluationException e) {
        // this observation cannot satisfy the leaf
      }
    }
    return false;
  }

  private static IndexMatch match(String id, List<Observation> obs) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    List<String> ids = new ArrayList<>(obs.size());
    for (Observation o : obs) {
      first = Math.min(first, o.firstMicros());
      last = Math.max(last, o.lastMicros());
      ids.add(o.id());
    }
    return new IndexMatch(id, PatternIndex.instant(first), PatternIndex.instant(last), ids);
  }
}
