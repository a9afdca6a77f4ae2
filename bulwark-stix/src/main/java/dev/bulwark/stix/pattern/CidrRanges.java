package dev.bulwark.stix.pattern;

import java.util.Arrays;

/**
 * IPv4 CIDR blocks as sorted address ranges: the block boundaries cut the address space into
 * segments, each listing the blocks that cover it (CIDR blocks nest or are disjoint, so a sweep
 * with a stack finds them). A lookup jumps through a table of the top address bits to a few
 * segments and binary-searches them — about three memory reads, where a bit-by-bit trie read a node
 * per bit. Everything lives in a handful of {@code int[]}. Built once by {@link Builder}; immutable
 * and thread-safe.
 */
final class CidrRanges {

  private final int[] segStart; // unsigned addresses, ascending; segStart[0] == 0
  private final int[] idFrom; // segment s owns pool[idFrom[s] .. idFrom[s + 1]]
  private final int[] pool;
  private final int[] bucket; // bucket[h]: segments starting below h << shift
  private final int shift;

  /** Bit h: some block covers an address of h.0.0/16 — most addresses stop at this bit. */
  private final long[] covered16 = new long[1 << 10];

  private final int blocks;

  private CidrRanges(int[] segStart, int[] idFrom, int[] pool, int blocks) {
    this.segStart = segStart;
    this.idFrom = idFrom;
    this.pool = pool;
    this.blocks = blocks;
    int bits = Math.max(1, Math.min(16, 32 - Integer.numberOfLeadingZeros(segStart.length)));
    this.shift = 32 - bits;
    this.bucket = new int[(1 << bits) + 1];
    int s = 0;
    for (int h = 0; h <= 1 << bits; h++) {
      long limit = (long) h << shift;
      while (s < segStart.length && Integer.toUnsignedLong(segStart[s]) < limit) {
        s++;
      }
      bucket[h] = s;
    }
    for (int i = 0; i < segStart.length; i++) {
      if (idFrom[i + 1] > idFrom[i]) {
        long first = Integer.toUnsignedLong(segStart[i]);
        long last =
            i + 1 < segStart.length ? Integer.toUnsignedLong(segStart[i + 1]) - 1 : 0xFFFFFFFFL;
        for (long h = first >>> 16; h <= last >>> 16; h++) {
          covered16[(int) (h >>> 6)] |= 1L << h;
        }
      }
    }
  }

  /**
   * Adds the entries of every block containing the address; for a block (an observed CIDR value)
   * every block containing its first address, a superset of those containing the whole block
   * (candidates are evaluated in full).
   *
   * @param address the address bits
   * @param prefix the value's own prefix length (32 for an address)
   * @param out where to add them
   */
  void find(long address, int prefix, CandidateSet out) {
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long a = address & mask;
    int h16 = (int) (a >>> 16);
    if ((covered16[h16 >>> 6] & (1L << h16)) == 0) {
      return;
    }
    int h = (int) (a >>> shift);
    int lo = Math.max(0, bucket[h] - 1);
    int hi = bucket[h + 1] - 1;
    while (lo < hi) { // the last segment starting at or below a
      int mid = (lo + hi + 1) >>> 1;
      if (Integer.toUnsignedLong(segStart[mid]) <= a) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    out.addRange(pool, idFrom[lo], idFrom[lo + 1]);
  }

  int nodes() {
    return segStart.length;
  }

  long estimatedBytes() {
    return 4L * (segStart.length + idFrom.length + pool.length + bucket.length) + 8L * 1024 + 64;
  }

  @Override
  public String toString() {
    return "CidrRanges[" + blocks + " blocks, " + segStart.length + " segments]";
  }

  /** Collects blocks. Not thread-safe. */
  static final class Builder {
    private long[] start = new long[16];
    private byte[] prefix = new byte[16];
    private int[] ids = new int[16];
    private int size;

    void add(long address, int prefixLength, int ix) {
      if (size == start.length) {
        start = Arrays.copyOf(start, size * 2);
        prefix = Arrays.copyOf(prefix, size * 2);
        ids = Arrays.copyOf(ids, size * 2);
      }
      long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
      start[size] = address & mask;
      prefix[size] = (byte) prefixLength;
      ids[size++] = ix;
    }

    boolean isEmpty() {
      return size == 0;
    }

    private long end(int b) {
      return start[b] + (1L << (32 - prefix[b])) - 1;
    }

    CidrRanges build() {
      if (size >= 1 << 25) {
        throw new IllegalStateException("more than 2^25 CIDR blocks on one path");
      }
      // blocks by start, then the larger (outer) first, then in entry order
      long[] order = new long[size];
      for (int b = 0; b < size; b++) {
        order[b] = (start[b] << 31) | ((long) prefix[b] << 25) | b;
      }
      Arrays.sort(order);
      long[] bounds = new long[2 * size + 1];
      int nb = 0;
      bounds[nb++] = 0;
      for (int b = 0; b < size; b++) {
        bounds[nb++] = start[b];
        bounds[nb++] = end(b) + 1; // may be 2^32: past the last segment
      }
      Arrays.sort(bounds, 0, nb);
      int segs = 0;
      for (int i = 0; i < nb; i++) {
        if (bounds[i] < 1L << 32 && (segs == 0 || bounds[i] != bounds[segs - 1])) {
          bounds[segs++] = bounds[i];
        }
      }
      int[] segStart = new int[segs];
      int[] idFrom = new int[segs + 1];
      int[] pool = new int[16];
      int used = 0;
      int[] stack = new int[34 + size];
      int depth = 0;
      int next = 0;
      for (int s = 0; s < segs; s++) {
        long b = bounds[s];
        segStart[s] = (int) b;
        while (depth > 0 && end(stack[depth - 1]) < b) {
          depth--;
        }
        while (next < size && (order[next] >>> 31) == b) {
          stack[depth++] = (int) (order[next++] & ((1 << 25) - 1));
        }
        idFrom[s] = used;
        if (used + depth > pool.length) {
          pool = Arrays.copyOf(pool, Math.max(pool.length * 2, used + depth));
        }
        for (int d = 0; d < depth; d++) {
          pool[used++] = ids[stack[d]];
        }
      }
      idFrom[segs] = used;
      return new CidrRanges(segStart, idFrom, Arrays.copyOf(pool, used), size);
    }
  }
}
