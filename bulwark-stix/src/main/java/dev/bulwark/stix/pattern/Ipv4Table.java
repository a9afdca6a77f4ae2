package dev.bulwark.stix.pattern;

import java.util.Map;

/**
 * Exact IPv4 values of the index as 32-bit ints: the keys written as plain dotted quads (no leading
 * zeros, which map one to one onto ints) live here instead of the string table, in open addressing
 * over an {@code int[]}: no string kept, one slot touched by a miss. Built once; immutable and
 * thread-safe.
 */
final class Ipv4Table {

  private final int[] keys;
  private final boolean[] used;
  private final int[][] values;
  private final int mask;
  private final int size;

  Ipv4Table(Map<Long, int[]> entries) {
    int cap = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new int[cap];
    used = new boolean[cap];
    values = new int[cap][];
    mask = cap - 1;
    size = entries.size();
    for (Map.Entry<Long, int[]> e : entries.entrySet()) {
      int k = (int) (long) e.getKey();
      int i = slot(k);
      while (used[i]) {
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = k;
      values[i] = e.getValue();
    }
  }

  private int slot(int k) {
    int h = k * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * The entries of an address.
   *
   * @param address the address as an unsigned 32-bit value
   * @return its entry indexes, or null
   */
  int[] get(long address) {
    int k = (int) address;
    int i = slot(k);
    while (used[i]) {
      if (keys[i] == k) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  long estimatedBytes() {
    long b = keys.length * (4L + 1 + 4);
    for (int[] v : values) {
      b += v == null ? 0 : 16 + 4L * v.length;
    }
    return b;
  }

  @Override
  public String toString() {
    return "Ipv4Table[" + size + " addresses in " + keys.length + " slots]";
  }
}
