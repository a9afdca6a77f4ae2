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
 * the LIKE and MATCHES patterns whose required literal occurs in a value. Built once; immutable and
 * thread-safe.
 */
final class AhoCorasick {

  private final List<Map<Character, Integer>> next;
  private final int[] fail;
  private final int[][] outputs;

  private AhoCorasick(List<Map<Character, Integer>> next, int[] fail, int[][] outputs) {
    this.next = next;
    this.fail = fail;
    this.outputs = outputs;
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
      Integer s = next.get(state).get(c);
      while (s == null && state != 0) {
        state = fail[state];
        s = next.get(state).get(c);
      }
      state = s == null ? 0 : s;
      if (outputs[state].length > 0) {
        set.addAll(outputs[state]);
      }
    }
  }

  int states() {
    return fail.length;
  }
}
