package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObservationExpression.FollowedBy;
import dev.bulwark.stix.pattern.ObservationExpression.Repeats;
import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import dev.bulwark.stix.pattern.ObservationExpression.StartStop;
import dev.bulwark.stix.pattern.ObservationExpression.Within;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The observation-expression level: is there a set of observations (a "binding") that satisfies an
 * observation expression? A binding is a multiset of observation indexes, each used at most {@code
 * number_observed} times (the reference matcher's instances of one observed-data, collapsed so that
 * a large {@code number_observed} costs nothing): AND and REPEATS need disjoint bindings,
 * FOLLOWEDBY needs the right side observed no earlier than the left ({@code max(first_observed) ≤
 * min(last_observed)}), WITHIN needs all of a binding's observations to fit in the window, START …
 * STOP needs each to overlap [start, stop). Bindings are generated lazily, as the reference does,
 * so that a match is found without enumerating every combination; two exact shortcuts answer the
 * common {@code [..] REPEATS n TIMES [WITHIN d SECONDS]} by counting. The work is bounded: beyond
 * {@link #MAX_STEPS} combination steps evaluation stops with an error rather than running away. One
 * instance per evaluation; not thread-safe.
 */
final class Bindings {

  static final long MAX_STEPS = 5_000_000L;

  private final List<Observation> observations;
  private final boolean[][] leafHits;
  private final Map<Simple, Integer> leafIndex;
  private long steps;

  /**
   * @param observations the observations, indexed
   * @param leafHits for each distinct leaf, which observations it matched
   * @param leafIndex each leaf node of the expression (by identity) to its row in leafHits
   */
  Bindings(List<Observation> observations, boolean[][] leafHits, Map<Simple, Integer> leafIndex) {
    this.observations = observations;
    this.leafHits = leafHits;
    this.leafIndex = leafIndex;
  }

  private boolean[] hitsOf(Simple s) {
    return leafHits[leafIndex.get(s)];
  }

  /** Whether some binding satisfies the expression. */
  boolean exists(ObservationExpression e) {
    if (e instanceof Repeats r && r.inner() instanceof Simple s) {
      return instances(hitsOf(s), Long.MIN_VALUE, Long.MAX_VALUE) >= r.times();
    }
    if (e instanceof Within w && w.inner() instanceof Repeats r && r.inner() instanceof Simple s) {
      boolean[] hits = hitsOf(s);
      for (int i = 0; i < hits.length; i++) {
        long from = observations.get(i).lastMicros();
        if (hits[i] && instances(hits, from, from + w.micros()) >= r.times()) {
          return true;
        }
      }
      return false;
    }
    return stream(e).next() != null;
  }

  /** Instances of the hit observations that overlap [from, to]. */
  private long instances(boolean[] hits, long from, long to) {
    long n = 0;
    for (int i = 0; i < hits.length; i++) {
      Observation o = observations.get(i);
      if (hits[i] && o.lastMicros() >= from && o.firstMicros() <= to) {
        n += o.numberObserved();
      }
    }
    return n;
  }

  /** A lazy stream of bindings; {@code next()} returns null when there are no more. */
  interface Stream {
    int[] next();
  }

  Stream stream(ObservationExpression e) {
    if (e instanceof Simple s) {
      boolean[] hits = hitsOf(s);
      int[] at = {0};
      return () -> {
        while (at[0] < hits.length) {
          int i = at[0]++;
          if (hits[i]) {
            return new int[] {i};
          }
        }
        return null;
      };
    }
    if (e instanceof ObservationExpression.And and) {
      Stream acc = stream(and.operands().get(0));
      for (int i = 1; i < and.operands().size(); i++) {
        acc = new Join(acc, stream(and.operands().get(i)), false);
      }
      return acc;
    }
    if (e instanceof ObservationExpression.Or or) {
      List<Stream> parts = new ArrayList<>();
      or.operands().forEach(x -> parts.add(stream(x)));
      return interleave(parts);
    }
    if (e instanceof FollowedBy f) {
      return new Join(stream(f.left()), stream(f.right()), true);
    }
    if (e instanceof Within w) {
      Stream inner = stream(w.inner());
      return filter(inner, b -> maxFirst(b) - minLast(b) <= w.micros());
    }
    if (e instanceof StartStop ss) {
      if (ss.startMicros() >= ss.stopMicros()) {
        return () -> null;
      }
      Stream inner = stream(ss.inner());
      return filter(inner, b -> inWindow(b, ss.startMicros(), ss.stopMicros()));
    }
    Repeats r = (Repeats) e;
    Stream inner = stream(r.inner());
    return r.times() == 1 ? inner : new Combinations(inner, r.times());
  }

  private interface Check {
    boolean ok(int[] b);
  }

  private Stream filter(Stream s, Check check) {
    return () -> {
      for (int[] b = s.next(); b != null; b = s.next()) {
        step();
        if (check.ok(b)) {
          return b;
        }
      }
      return null;
    };
  }

  private static Stream interleave(List<Stream> parts) {
    boolean[] done = new boolean[parts.size()];
    int[] turn = {0};
    return () -> {
      for (int tries = 0; tries < parts.size() * 2; tries++) {
        int i = turn[0];
        turn[0] = (turn[0] + 1) % parts.size();
        if (!done[i]) {
          int[] b = parts.get(i).next();
          if (b != null) {
            return b;
          }
          done[i] = true;
        }
      }
      return null;
    };
  }

  private void step() {
    if (++steps > MAX_STEPS) {
      throw new PatternEvaluationException(
          "more than "
              + MAX_STEPS
              + " combinations of observations checked; narrow the"
              + " observations or the pattern");
    }
  }

  /**
   * Disjoint unions of a left and a right binding (ordered in time for FOLLOWEDBY), produced
   * diagonally from both sides' caches so that neither side has to be exhausted first.
   */
  private final class Join implements Stream {
    private final Stream left;
    private final Stream right;
    private final boolean ordered;
    private final List<int[]> leftSeen = new ArrayList<>();
    private final List<int[]> rightSeen = new ArrayList<>();
    private final List<int[]> ready = new ArrayList<>();
    private boolean leftDone;
    private boolean rightDone;
    private boolean pullRight = true;

    Join(Stream left, Stream right, boolean ordered) {
      this.left = left;
      this.right = right;
      this.ordered = ordered;
    }

    @Override
    public int[] next() {
      while (ready.isEmpty() && !(leftDone && rightDone)) {
        if (pullRight && !rightDone) {
          int[] r = right.next();
          if (r == null) {
            rightDone = true;
          } else {
            for (int[] l : leftSeen) {
              offer(l, r);
            }
            rightSeen.add(r);
          }
        } else if (!leftDone) {
          int[] l = left.next();
          if (l == null) {
            leftDone = true;
          } else {
            for (int[] r : rightSeen) {
              offer(l, r);
            }
            leftSeen.add(l);
          }
        }
        pullRight = !pullRight;
        if ((leftDone && leftSeen.isEmpty()) || (rightDone && rightSeen.isEmpty())) {
          return null;
        }
      }
      return ready.isEmpty() ? null : ready.remove(ready.size() - 1);
    }

    private void offer(int[] l, int[] r) {
      step();
      if (ordered && maxFirst(l) > minLast(r)) {
        return;
      }
      int[] m = merge(l, r);
      if (fits(m)) {
        ready.add(m);
      }
    }
  }

  /**
   * n bindings at a time, pairwise disjoint: for each new binding from the inner stream, the
   * combinations of it with n-1 earlier ones (repeats allowed where {@code number_observed} leaves
   * room), found by a depth-first search that yields each as soon as it is complete.
   */
  private final class Combinations implements Stream {
    private final Stream inner;
    private final int n;
    private final List<int[]> seen = new ArrayList<>();
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private boolean done;

    /** A partial combination: what it holds, the next earlier binding to try, how many to add. */
    private final class Frame {
      final int[] acc;
      int next;
      final int left;

      Frame(int[] acc, int next, int left) {
        this.acc = acc;
        this.next = next;
        this.left = left;
      }
    }

    Combinations(Stream inner, int n) {
      this.inner = inner;
      this.n = n;
    }

    @Override
    public int[] next() {
      while (true) {
        if (stack.isEmpty()) {
          if (done) {
            return null;
          }
          int[] b = inner.next();
          if (b == null) {
            done = true;
            return null;
          }
          seen.add(b);
          stack.push(new Frame(b, seen.size() - 1, n - 1));
        }
        Frame top = stack.peek();
        if (top.left == 0) {
          stack.pop();
          return top.acc;
        }
        if (top.next < 0) {
          stack.pop();
          continue;
        }
        int i = top.next--;
        step();
        int[] m = merge(top.acc, seen.get(i));
        if (fits(m) && (top.left == 1 || enoughRoom(m, i, top.left - 1, seen))) {
          stack.push(new Frame(m, i, top.left - 1));
        }
      }
    }
  }

  /**
   * Whether the bindings up to index max that still fit beside acc leave enough free instances for
   * {@code left} more bindings (each needs at least the smallest one's size): prunes dead ends.
   */
  private boolean enoughRoom(int[] acc, int max, int left, List<int[]> seen) {
    Map<Integer, Integer> used = new HashMap<>();
    for (int o : acc) {
      used.merge(o, 1, Integer::sum);
    }
    Set<Integer> free = new HashSet<>();
    int minLen = Integer.MAX_VALUE;
    for (int j = 0; j <= max; j++) {
      step();
      int[] c = seen.get(j);
      if (fits(merge(acc, c))) {
        minLen = Math.min(minLen, c.length);
        for (int o : c) {
          free.add(o);
        }
      }
    }
    long instances = 0;
    for (int o : free) {
      instances += observations.get(o).numberObserved() - used.getOrDefault(o, 0);
    }
    return minLen != Integer.MAX_VALUE && instances >= (long) left * minLen;
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
}
