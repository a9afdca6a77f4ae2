package dev.bulwark.stix.pattern;

import java.util.Arrays;

/**
 * A small set of entry indexes gathered for one observation: an append list with a bitmap to drop
 * duplicates. One per observation; not thread-safe.
 */
final class CandidateSet {

  private final long[] seen;
  private int[] items = new int[8];
  private int size;

  CandidateSet(int universe) {
    this.seen = new long[(universe + 63) >>> 6];
  }

  void add(int ix) {
    long bit = 1L << ix;
    if ((seen[ix >>> 6] & bit) != 0) {
      return;
    }
    seen[ix >>> 6] |= bit;
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = ix;
  }

  void addAll(int[] ixs) {
    for (int ix : ixs) {
      add(ix);
    }
  }

  int[] toSortedArray() {
    int[] out = Arrays.copyOf(items, size);
    Arrays.sort(out);
    return out;
  }
}
