package dev.bulwark.stix.pattern;

/**
 * An exact-value table for the index: open addressing over a {@code long[]} of 64-bit fingerprints
 * of the values, and nothing else: no key string is kept. A lookup that misses (nearly every one:
 * most values are in no indicator) touches one array slot; a hit hands out the entries filed under
 * that fingerprint, which are candidates only — each is evaluated in full, so the astronomically
 * rare collision of two values' fingerprints costs one evaluation and never changes a result.
 * Keeping no strings makes the index small and leaves the collector almost nothing to copy while a
 * reload builds a new one. The entry indexes of all values share one array ({@link IdLists}). Built
 * once; immutable and thread-safe.
 */
final class StringTable {

  private final long[] fingerprints;

  /**
   * One bit per fingerprint (its top bits), 16 times smaller than the table: most misses end here.
   */
  private final long[] filter;

  private final int filterShift;
  private final IdLists ids;
  private final int mask;
  private final int size;

  /**
   * A table of {@code n} (value fingerprint, entry index) atoms; a value may come several times.
   *
   * @param atomFingerprints the values' {@link #fingerprint}s
   * @param atomIds the entry index of each
   * @param n how many
   */
  StringTable(long[] atomFingerprints, int[] atomIds, int n) {
    int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    fingerprints = new long[cap];
    mask = cap - 1;
    int[] slotOf = new int[n];
    int distinct = 0;
    for (int a = 0; a < n; a++) {
      long h = atomFingerprints[a];
      int i = (int) h & mask;
      while (fingerprints[i] != 0 && fingerprints[i] != h) {
        i = (i + 1) & mask;
      }
      if (fingerprints[i] == 0) {
        fingerprints[i] = h;
        distinct++;
      }
      slotOf[a] = i;
    }
    size = distinct;
    ids = new IdLists(cap, slotOf, atomIds, n);
    int filterBits = Integer.numberOfTrailingZeros(cap) + 2; // 4 bits per slot, over 64-bit words
    filter = new long[1 << (filterBits - 6 > 0 ? filterBits - 6 : 0)];
    filterShift = 64 - Math.max(filterBits, 6);
    for (int i = 0; i < cap; i++) {
      if (fingerprints[i] != 0) {
        int bit = (int) (fingerprints[i] >>> filterShift);
        filter[bit >>> 6] |= 1L << bit;
      }
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * Adds the entries filed under the value's fingerprint, if any.
   *
   * @param s the value
   * @param set where to add them
   */
  void find(String s, CandidateSet set) {
    long h = fingerprint(s);
    int bit = (int) (h >>> filterShift);
    if ((filter[bit >>> 6] & (1L << bit)) == 0) {
      return;
    }
    int i = (int) h & mask;
    long f;
    while ((f = fingerprints[i]) != 0) {
      if (f == h) {
        ids.addTo(i, set);
        return;
      }
      i = (i + 1) & mask;
    }
  }

  long estimatedBytes() {
    return fingerprints.length * 8L + filter.length * 8L + ids.estimatedBytes();
  }

  /**
   * A 64-bit hash of the chars (never 0: 0 marks an empty slot), two chars per step in two lanes so
   * that the multiplications of a long value (URLs, SHA-256 hashes) overlap.
   */
  static long fingerprint(String s) {
    int n = s.length();
    long a = 0x9E3779B97F4A7C15L ^ n;
    long b = 0xC2B2AE3D27D4EB4FL;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      a = (a ^ s.charAt(i)) * 0xBF58476D1CE4E5B9L;
      b = (b ^ s.charAt(i + 1)) * 0x94D049BB133111EBL;
    }
    if (i < n) {
      a = (a ^ s.charAt(i)) * 0xBF58476D1CE4E5B9L;
    }
    long h = a ^ Long.rotateLeft(b, 29);
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }
}
