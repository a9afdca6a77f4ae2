package dev.bulwark.stix.pattern;

import java.util.Arrays;

/**
 * The entry indexes of every slot of a hash table, in one {@code int[]} (slot {@code s} owns {@code
 * pool[start[s]] .. pool[start[s + 1]]}), instead of one small array per key: two objects per table
 * whatever its size, which keeps an index cheap to hold and to copy for the collector. Immutable
 * once built; thread-safe.
 */
final class IdLists {

  private final int[] start;
  private final int[] pool;

  /**
   * Groups the ids by slot, keeping their order within a slot and dropping a repeat of the same id
   * in a row (an indicator naming one value twice).
   *
   * @param slots number of slots
   * @param slotOf the slot of each atom
   * @param ids the entry index of each atom
   * @param n how many atoms
   */
  IdLists(int slots, int[] slotOf, int[] ids, int n) {
    int[] count = new int[slots + 1];
    for (int i = 0; i < n; i++) {
      count[slotOf[i] + 1]++;
    }
    for (int s = 0; s < slots; s++) {
      count[s + 1] += count[s];
    }
    int[] fill = count.clone();
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[fill[slotOf[i]]++] = ids[i];
    }
    // drop repeats in a row (ids of one slot arrive in ascending entry order)
    int[] packed = new int[slots + 1];
    int out = 0;
    for (int s = 0; s < slots; s++) {
      packed[s] = out;
      for (int i = count[s]; i < count[s + 1]; i++) {
        if (i == count[s] || p[i] != p[out - 1]) {
          p[out++] = p[i];
        }
      }
    }
    packed[slots] = out;
    this.start = packed;
    this.pool = out == n ? p : Arrays.copyOf(p, out);
  }

  void addTo(int slot, CandidateSet set) {
    set.addRange(pool, start[slot], start[slot + 1]);
  }

  long estimatedBytes() {
    return 4L * (start.length + pool.length) + 32;
  }
}
