package dev.bulwark.stix.pattern;

import java.util.Arrays;
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

  private AhoCorasick(
      int[] rootAscii, int[] first, char[] labels, int[] targets, int[] fail, int[][] outputs) {
    this.rootAscii = rootAscii;
    this.first = first;
    this.labels = labels;
    this.targets = targets;
    this.fail = fail;
    this.outputs = outputs;
  }

  /** The goto of a state on a char, or -1. */
  private int step(int state, char c) {
    return step(rootAscii, first, labels, targets, state, c);
  }

  private static int step(
      int[] rootAscii, int[] first, char[] labels, int[] targets, int state, char c) {
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
    // the trie, in primitive arrays: while an index is built beside matching threads, a map per
    // state would be millions of objects for the collector to copy
    TrieBuilder trie = new TrieBuilder();
    int[][] out = new int[16][];
    for (Map.Entry<String, int[]> e : literals.entrySet()) {
      int state = 0;
      String lit = e.getKey();
      for (int i = 0; i < lit.length(); i++) {
        state = trie.child(state, lit.charAt(i));
      }
      if (state >= out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, state + 1));
      }
      out[state] = concat(out[state] == null ? NONE : out[state], e.getValue());
    }
    int n = trie.size;
    out = Arrays.copyOf(out, n);
    // goto edges grouped by parent (one incoming edge per state), sorted by label
    int[] first = new int[n + 1];
    for (int st = 1; st < n; st++) {
      first[trie.parent[st] + 1]++;
    }
    for (int st = 0; st < n; st++) {
      first[st + 1] += first[st];
    }
    int[] fill = Arrays.copyOf(first, n);
    int[] targets = new int[Math.max(0, n - 1)];
    char[] labels = new char[targets.length];
    for (int st = 1; st < n; st++) {
      int at = fill[trie.parent[st]]++;
      targets[at] = st;
      labels[at] = trie.label[st];
    }
    for (int st = 0; st < n; st++) {
      sortEdges(labels, targets, first[st], first[st + 1]);
    }
    int[] rootAscii = new int[128];
    Arrays.fill(rootAscii, -1);
    for (int e = first[0]; e < first[1]; e++) {
      if (labels[e] < 128) {
        rootAscii[labels[e]] = targets[e];
      }
    }
    int[] fail = new int[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int e = first[0]; e < first[1]; e++) {
      queue[tail++] = targets[e];
    }
    while (head < tail) {
      int st = queue[head++];
      for (int e = first[st]; e < first[st + 1]; e++) {
        int child = targets[e];
        char c = labels[e];
        int f = fail[st];
        while (f != 0 && step(rootAscii, first, labels, targets, f, c) < 0) {
          f = fail[f];
        }
        int via = step(rootAscii, first, labels, targets, f, c);
        fail[child] = via < 0 || via == child ? 0 : via;
        int[] mine = out[child] == null ? NONE : out[child];
        int[] inherited = out[fail[child]] == null ? NONE : out[fail[child]];
        out[child] = concat(mine, inherited);
        queue[tail++] = child;
      }
    }
    for (int st = 0; st < n; st++) {
      if (out[st] == null || out[st].length == 0) {
        out[st] = NONE; // one shared empty array, not one per state
      }
    }
    return new AhoCorasick(rootAscii, first, labels, targets, fail, out);
  }

  private static void sortEdges(char[] labels, int[] targets, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      char l = labels[i];
      int t = targets[i];
      int j = i - 1;
      while (j >= from && labels[j] > l) {
        labels[j + 1] = labels[j];
        targets[j + 1] = targets[j];
        j--;
      }
      labels[j + 1] = l;
      targets[j + 1] = t;
    }
  }

  /** The trie while building: children found through one open-addressing table of (state, char). */
  private static final class TrieBuilder {
    int[] parent = new int[16];
    char[] label = new char[16];
    int size = 1; // the start state

    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int used;

    int child(int state, char c) {
      long key = ((long) state << 16 | c) + 1; // never 0: 0 marks an empty slot
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != 0) {
        if (keys[i] == key) {
          return values[i];
        }
        i = (i + 1) & mask;
      }
      int s = size++;
      if (s == parent.length) {
        parent = Arrays.copyOf(parent, s * 2);
        label = Arrays.copyOf(label, s * 2);
      }
      parent[s] = state;
      label[s] = c;
      keys[i] = key;
      values[i] = s;
      if (++used * 2 > keys.length) {
        grow();
      }
      return s;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = slot(oldKeys[j], mask);
          while (keys[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          values[i] = oldValues[j];
        }
      }
    }
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
