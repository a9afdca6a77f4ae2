package dev.bulwark.stix.pattern;

/**
 * Exact IPv4 values of the index as 32-bit ints: the keys written as plain dotted quads (no leading
 * zeros, which map one to one onto ints) live here instead of the string table, in open addressing
 * over an {@code int[]}: no string kept, one slot touched by a miss; the entry indexes of all
 * addresses share one array ({@link IdLists}). Built once; immutable and thread-safe.
 */
final class Ipv4Table {

  private static final long USED = 1L << 32;

  /** Per slot {@code 1 << 32 | address}, 0 when empty: one array read per probe. */
  private final long[] slots;

  private final long[] filter; // one bit per address hash, 16 times smaller than the slots
  private final int filterMask;
  private final IdLists ids;
  private final int mask;
  private final int size;

  /**
   * A table of {@code n} (address, entry index) atoms; an address may come several times.
   *
   * @param addresses the addresses (unsigned 32-bit values in ints)
   * @param atomIds the entry index of each
   * @param n how many
   */
  Ipv4Table(int[] addresses, int[] atomIds, int n) {
    int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    slots = new long[cap];
    mask = cap - 1;
    int[] slotOf = new int[n];
    int distinct = 0;
    for (int a = 0; a < n; a++) {
      int k = addresses[a];
      long key = USED | Integer.toUnsignedLong(k);
      int i = slot(k);
      while (slots[i] != 0 && slots[i] != key) {
        i = (i + 1) & mask;
      }
      if (slots[i] == 0) {
        slots[i] = key;
        distinct++;
      }
      slotOf[a] = i;
    }
    size = distinct;
    ids = new IdLists(cap, slotOf, atomIds, n);
    int bits = Math.max(64, cap * 4);
    filter = new long[bits >>> 6];
    filterMask = bits - 1;
    for (int a = 0; a < n; a++) {
      int bit = filterBit(addresses[a]);
      filter[bit >>> 6] |= 1L << bit;
    }
  }

  private int filterBit(int k) {
    int h = k * 0x85EBCA6B;
    return (h ^ (h >>> 15)) & filterMask;
  }

  private int slot(int k) {
    int h = k * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * Adds the entries of an address, if any.
   *
   * @param address the address as an unsigned 32-bit value
   * @param set where to add them
   */
  void find(long address, CandidateSet set) {
    int k = (int) address;
    int bit = filterBit(k);
    if ((filter[bit >>> 6] & (1L << bit)) == 0) {
      return;
    }
    long key = USED | Integer.toUnsignedLong(k);
    int i = slot(k);
    long v;
    while ((v = slots[i]) != 0) {
      if (v == key) {
        ids.addTo(i, set);
        return;
      }
      i = (i + 1) & mask;
    }
  }

  long estimatedBytes() {
    return slots.length * 8L + filter.length * 8L + ids.estimatedBytes();
  }

  @Override
  public String toString() {
    return "Ipv4Table[" + size + " addresses in " + slots.length + " slots]";
  }
}
