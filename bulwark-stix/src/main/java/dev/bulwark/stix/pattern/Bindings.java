package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObservationExpression.FollowedBy;
import dev.bulwark.stix.pattern.ObservationExpression.Repeats;
import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import dev.bulwark.stix.pattern.ObservationExpression.StartStop;
import dev.bulwark.stix.pattern.ObservationExpression.Within;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The observation-expression level: which sets of observations ("bindings") satisfy an observation
 * expression. A binding is a multiset of observation indexes, each used at most {@code
 * number_observed} times: AND and REPEATS need disjoint bindings (as the reference matcher's
 * instances of one observed-data), FOLLOWEDBY needs the right side observed no earlier than the
 * left ({@code max(first_observed) ≤ min(last_observed)}), WITHIN needs all of a binding's
 * observations to fit in the window, START … STOP needs each to overlap [start, stop). Only minimal
 * bindings are kept (a larger binding can only fail where a smaller one succeeds), and their number
 * is bounded: beyond {@link #MAX_BINDINGS} evaluation stops with an error rather than running away.
 * One instance per evaluation; not thread-safe.
 */
final class Bindings {

  static final int MAX_BINDINGS = 20_000;

  private final List<Observation> observations;
  private final Map<Simple, boolean[]> leafHits;

  /**
   * @param observations the observations, indexed
   * @param leafHits for each simple observation expression, which observations it matched
   */
  Bindings(List<Observation> observations, Map<Simple, boolean[]> leafHits) {
    this.observations = observations;
    this.leafHits = leafHits;
  }

  /** Whether some binding satisfies the expression. */
  boolean exists(ObservationExpression e) {
    if (e instanceof Repeats r && r.inner() instanceof Simple s) {
      return instances(leafHits.get(s)) >= r.times(); // shortcut: any r.times() instances do
    }
    return !of(e).isEmpty();
  }

  private long instances(boolean[] hits) {
    long n = 0;
    for (int i = 0; i < hits.length; i++) {
      if (hits[i]) {
        n += observations.get(i).numberObserved();
      }
    }
    return n;
  }

  List<int[]> of(ObservationExpression e) {
    if (e instanceof Simple s) {
      boolean[] hits = leafHits.get(s);
      List<int[]> out = new ArrayList<>();
      for (int i = 0; i < hits.length; i++) {
        if (hits[i]) {
          out.add(new int[] {i});
        }
      }
      return out;
    }
    if (e instanceof ObservationExpression.And and) {
      List<int[]> acc = of(and.operands().get(0));
      for (int i = 1; i < and.operands().size() && !acc.isEmpty(); i++) {
        acc = join(acc, of(and.operands().get(i)), false);
      }
      return acc;
    }
    if (e instanceof ObservationExpression.Or or) {
      Set<Key> all = new LinkedHashSet<>();
      for (ObservationExpression x : or.operands()) {
        for (int[] b : of(x)) {
          add(all, b);
        }
      }
      return minimal(all);
    }
    if (e instanceof FollowedBy f) {
      List<int[]> left = of(f.left());
      return left.isEmpty() ? left : join(left, of(f.right()), true);
    }
    if (e instanceof Within w) {
      List<int[]> out = new ArrayList<>();
      for (int[] b : of(w.inner())) {
        if (maxFirst(b) - minLast(b) <= w.micros()) {
          out.add(b);
        }
      }
      return out;
    }
    if (e instanceof StartStop ss) {
      List<int[]> out = new ArrayList<>();
      if (ss.startMicros() < ss.stopMicros()) {
        for (int[] b : of(ss.inner())) {
          if (inWindow(b, ss.startMicros(), ss.stopMicros())) {
            out.add(b);
          }
        }
      }
      return out;
    }
    Repeats r = (Repeats) e;
    List<int[]> base = of(r.inner());
    List<int[]> acc = base;
    for (int i = 1; i < r.times() && !acc.isEmpty(); i++) {
      acc = join(acc, base, false);
    }
    return acc;
  }

  private boolean inWindow(int[] b, long start, long stop) {
    for (int i : b) {
      Observation o = observations.get(i);
      if (!(o.firstMicros() < stop && o.lastMicros() >= start)) {
        return false;
      }
    }
    return true;
  }

  private long maxFirst(int[] b) {
    long m = Long.MIN_VALUE;
    for (int i : b) {
      m = Math.max(m, observations.get(i).firstMicros());
    }
    return m;
  }

  private long minLast(int[] b) {
    long m = Long.MAX_VALUE;
    for (int i : b) {
      m = Math.min(m, observations.get(i).lastMicros());
    }
    return m;
  }

  /** Disjoint unions of one binding from each side; ordered ones for FOLLOWEDBY. */
  private List<int[]> join(List<int[]> left, List<int[]> right, boolean ordered) {
    Set<Key> out = new LinkedHashSet<>();
    for (int[] a : left) {
      long aFirst = ordered ? maxFirst(a) : 0;
      for (int[] b : right) {
        if (ordered && aFirst > minLast(b)) {
          continue;
        }
        int[] m = merge(a, b);
        if (fits(m)) {
          add(out, m);
        }
      }
    }
    return minimal(out);
  }

  private void add(Set<Key> set, int[] b) {
    set.add(new Key(b));
    if (set.size() > MAX_BINDINGS) {
      throw new PatternEvaluationException(
          "more than "
              + MAX_BINDINGS
              + " combinations of observations to check; narrow the"
              + " observations or the pattern");
    }
  }

  private static int[] merge(int[] a, int[] b) {
    int[] m = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      m[k++] = a[i] <= b[j] ? a[i++] : b[j++];
    }
    while (i < a.length) {
      m[k++] = a[i++];
    }
    while (j < b.length) {
      m[k++] = b[j++];
    }
    return m;
  }

  /** Each observation used no more often than it was observed. */
  private boolean fits(int[] sorted) {
    int run = 0;
    for (int i = 0; i < sorted.length; i++) {
      run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
      if (run > observations.get(sorted[i]).numberObserved()) {
        return false;
      }
    }
    return true;
  }

  /** Drops bindings that contain another (as multisets): they can only do worse. */
  private static List<int[]> minimal(Set<Key> set) {
    List<int[]> all = new ArrayList<>(set.size());
    set.forEach(k -> all.add(k.b));
    if (all.size() > 2_000) {
      return all;
    }
    all.sort((x, y) -> Integer.compare(x.length, y.length));
    List<int[]> out = new ArrayList<>();
    for (int[] b : all) {
      boolean dominated = false;
      for (int[] m : out) {
        if (m.length < b.length && contains(b, m)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        out.add(b);
      }
    }
    return out;
  }

  private static boolean contains(int[] big, int[] small) {
    int i = 0;
    for (int x : big) {
      if (i < small.length && small[i] == x) {
        i++;
      }
    }
    return i == small.length;
  }

  /** A binding as a hash key. */
  private record Key(int[] b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.b, b);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(b);
    }

    @Override
    public String toString() {
      return Arrays.toString(b);
    }
  }
}
