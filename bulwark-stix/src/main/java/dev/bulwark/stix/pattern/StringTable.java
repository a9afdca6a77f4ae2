package dev.bulwark.stix.pattern;

import java.util.Map;

/**
 * An exact-value table for the index: open addressing over a {@code long[]} of 64-bit fingerprints,
 * so that a lookup that misses (nearly every one: most values are in no indicator) touches one
 * array slot, and a fingerprint hit is verified against the stored string. Built once; immutable
 * and thread-safe.
 */
final class StringTable {

  private final long[] fingerprints;
  private final String[] keys;
  private final int[][] values;
  private final int mask;

  StringTable(Map<String, int[]> entries) {
    int cap = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    fingerprints = new long[cap];
    keys = new String[cap];
    values = new int[cap][];
    mask = cap - 1;
    for (Map.Entry<String, int[]> e : entries.entrySet()) {
      long h = fingerprint(e.getKey());
      int i = (int) h & mask;
      while (fingerprints[i] != 0) {
        i = (i + 1) & mask;
      }
      fingerprints[i] = h;
      keys[i] = e.getKey();
      values[i] = e.getValue();
    }
  }

  int size() {
    int n = 0;
    for (String k : keys) {
      n += k == null ? 0 : 1;
    }
    return n;
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The entries of a value.
   *
   * @param s the value
   * @return its entry indexes, or null
   */
  int[] get(String s) {
    long h = fingerprint(s);
    int i = (int) h & mask;
    long f;
    while ((f = fingerprints[i]) != 0) {
      if (f == h && keys[i].equals(s)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  long estimatedBytes() {
    long b = fingerprints.length * (8L + 4 + 4);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        b += 40 + keys[i].length() + 16 + 4L * values[i].length;
      }
    }
    return b;
  }

  /** A 64-bit hash of the chars (never 0: 0 marks an empty slot). */
  static long fingerprint(String s) {
    long h = 0x9E3779B97F4A7C15L ^ s.length();
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0xBF58476D1CE4E5B9L;
    }
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }
}
