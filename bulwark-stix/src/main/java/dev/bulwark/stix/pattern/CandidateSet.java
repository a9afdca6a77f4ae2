package dev.bulwark.stix.pattern;

import java.util.Arrays;

/**
 * The entry indexes gathered for one observation, distinct and in the order added until {@link
 * #sort()}. A per-thread scratch object: {@link #reset(int)} starts a new observation without
 * clearing anything (a generation counter per entry index says whether it was added since), so
 * matching an observation allocates nothing here. Not thread-safe.
 */
final class CandidateSet {

  private int[] items = new int[16];
  private int size;
  private int[] stamps;
  private int generation = 1;

  CandidateSet(int universe) {
    stamps = new int[Math.max(universe, 1)];
  }

  /** Empties the set for an index of {@code universe} entries. */
  void reset(int universe) {
    size = 0;
    if (stamps.length < universe) {
      stamps = new int[universe];
      generation = 1;
    } else if (++generation == 0) {
      Arrays.fill(stamps, 0); // after 2^32 observations: stamps of old generations would collide
      generation = 1;
    }
  }

  void add(int ix) {
    if (stamps[ix] != generation) {
      stamps[ix] = generation;
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = ix;
    }
  }

  void addAll(int[] ixs) {
    for (int ix : ixs) {
      add(ix);
    }
  }

  void addRange(int[] pool, int from, int to) {
    for (int i = from; i < to; i++) {
      add(pool[i]);
    }
  }

  int size() {
    return size;
  }

  int get(int i) {
    return items[i];
  }

  /** Puts the gathered indexes in ascending order (few: an insertion sort). */
  void sort() {
    if (size > 32) {
      Arrays.sort(items, 0, size);
      return;
    }
    for (int i = 1; i < size; i++) {
      int v = items[i];
      int j = i - 1;
      while (j >= 0 && items[j] > v) {
        items[j + 1] = items[j];
        j--;
      }
      items[j + 1] = v;
    }
  }

  int[] toSortedArray() {
    sort();
    return Arrays.copyOf(items, size);
  }
}
