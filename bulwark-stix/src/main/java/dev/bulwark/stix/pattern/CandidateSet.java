package dev.bulwark.stix.pattern;

import java.util.Arrays;

/**
 * The entry indexes gathered for one observation: an append list, sorted and made distinct at the
 * end (an observation touches few candidates, so this beats a bitmap over all entries). One per
 * observation; not thread-safe.
 */
final class CandidateSet {

  private int[] items = new int[8];
  private int size;

  CandidateSet(int universe) {
    // the universe is not needed by this representation; kept for callers that know it
  }

  void add(int ix) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = ix;
  }

  void addAll(int[] ixs) {
    if (size + ixs.length > items.length) {
      items = Arrays.copyOf(items, Math.max(size * 2, size + ixs.length));
    }
    System.arraycopy(ixs, 0, items, size, ixs.length);
    size += ixs.length;
  }

  int[] toSortedArray() {
    if (size == 0) {
      return new int[0];
    }
    Arrays.sort(items, 0, size);
    int n = 1;
    for (int i = 1; i < size; i++) {
      if (items[i] != items[n - 1]) {
        items[n++] = items[i];
      }
    }
    return Arrays.copyOf(items, n);
  }
}
