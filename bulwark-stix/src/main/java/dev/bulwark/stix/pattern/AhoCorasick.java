package dev.bulwark.stix.pattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over UTF-16 chars: finds, in one pass over a text, every one of many
 * literal strings it contains, and hands out the entry indexes registered for each. Used to find
 * the LIKE and MATCHES patterns whose required literal occurs in a value. The goto edges live in
 * flat sorted arrays (a dense table for the start state's ASCII chars), not a map per state. Built
 * once; immutable and thread-safe.
 */
final class AhoCorasick {

  private static final int[] NONE = new int[0];

  /** Goto of the start state for chars below 128: the first char of a text mostly lands here. */
  private final int[] rootAscii;

  /** State s's goto edges: labels[first[s] .. first[s + 1]] sorted, with their targets. */
  private final int[] first;

  private final char[] labels;
  private final int[] targets;
  private final int[] fail;
  private final int[][] outputs;

  private AhoCorasick(List<Map<Character, Integer>> next, int[] fail, int[][] outputs) {
    int n = next.size();
    int edges = 0;
    for (Map<Character, Integer> m : next) {
      edges += m.size();
    }
    this.first = new int[n + 1];
    this.labels = new char[edges];
    this.targets = new int[edges];
    int e = 0;
    for (int s = 0; s < n; s++) {
      first[s] = e;
      Character[] keys = next.get(s).keySet().toArray(new Character[0]);
      Arrays.sort(keys);
      for (Character c : keys) {
        labels[e] = c;
        targets[e++] = next.get(s).get(c);
      }
    }
    first[n] = e;
    this.rootAscii = new int[128];
    Arrays.fill(rootAscii, -1);
    next.get(0)
        .forEach(
            (c, t) -> {
              if (c < 128) {
                rootAscii[c] = t;
              }
            });
    this.fail = fail;
    for (int i = 0; i < outputs.length; i++) {
      if (outputs[i].length == 0) {
        outputs[i] = NONE; // one shared empty array, not one per state
      }
    }
    this.outputs = outputs;
  }

  /** The goto of a state on a char, or -1. */
  private int step(int state, char c) {
    if (state == 0 && c < 128) {
      return rootAscii[c];
    }
    int lo = first[state];
    int hi = first[state + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char l = labels[mid];
      if (l < c) {
        lo = mid + 1;
      } else if (l > c) {
        hi = mid - 1;
      } else {
        return targets[mid];
      }
    }
    return -1;
  }

  /**
   * Builds the automaton.
   *
   * @param literals each literal (non-empty) with the entry indexes it stands for
   * @return the automaton
   */
  static AhoCorasick build(Map<String, int[]> literals) {
    List<Map<Character, Integer>> next = new ArrayList<>();
    List<int[]> out = new ArrayList<>();
    next.add(new HashMap<>());
    out.add(new int[0]);
    for (Map.Entry<String, int[]> e : literals.entrySet()) {
      int state = 0;
      for (char c : e.getKey().toCharArray()) {
        Integer s = next.get(state).get(c);
        if (s == null) {
          s = next.size();
          next.get(state).put(c, s);
          next.add(new HashMap<>());
          out.add(new int[0]);
        }
        state = s;
      }
      out.set(state, concat(out.get(state), e.getValue()));
    }
    int[] fail = new int[next.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>(next.get(0).values());
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (Map.Entry<Character, Integer> t : next.get(s).entrySet()) {
        int child = t.getValue();
        int f = fail[s];
        while (f != 0 && !next.get(f).containsKey(t.getKey())) {
          f = fail[f];
        }
        Integer via = next.get(f).get(t.getKey());
        fail[child] = via == null || via == child ? 0 : via;
        out.set(child, concat(out.get(child), out.get(fail[child])));
        queue.add(child);
      }
    }
    return new AhoCorasick(next, fail, out.toArray(new int[0][]));
  }

  private static int[] concat(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /**
   * Adds the entries of every literal the text contains.
   *
   * @param text the text
   * @param set where to add them
   */
  void scan(String text, CandidateSet set) {
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int s = step(state, c);
      while (s < 0 && state != 0) {
        state = fail[state];
        s = step(state, c);
      }
      state = s < 0 ? 0 : s;
      if (outputs[state].length > 0) {
        set.addAll(outputs[state]);
      }
    }
  }

  /**
   * Adds the entries of every literal the NFC form of the text contains: {@code scan(Nfc.of(text),
   * set)} without a separate pass over the text to check it is NFC already (the common case: no
   * char at or above U+0300). On the first such char the NFC form is scanned instead; what the raw
   * prefix added stays, which is harmless, candidates being evaluated in full.
   *
   * @param text the text, as observed
   * @param set where to add them
   */
  void scanNfc(String text, CandidateSet set) {
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0300') {
        scan(Nfc.of(text), set);
        return;
      }
      int s = step(state, c);
      while (s < 0 && state != 0) {
        state = fail[state];
        s = step(state, c);
      }
      state = s < 0 ? 0 : s;
      if (outputs[state].length > 0) {
        set.addAll(outputs[state]);
      }
    }
  }

  int states() {
    return fail.length;
  }
}
