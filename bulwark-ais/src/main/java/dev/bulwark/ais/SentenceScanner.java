package dev.bulwark.ais;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scanning, the first step of reading an encapsulated sentence ({@code !AIVDM,1,1,,A,...,0*hh}):
 * finds the end of the checksummed part (the {@code *}) and the field separators, and verifies the
 * checksum, in one pass over the line.
 *
 * <p>It reads eight bytes per step without a branch per byte: every {@code ','} and the first
 * {@code '*'} of a word are located from a bit mask, and the words are XOR-folded into the
 * checksum. This is most of the sentence layer's time, which is why it is kept apart from the field
 * parsing ({@link SentenceHeader}) that only reads the positions found here.
 *
 * <p>Not thread-safe: each decoder owns one and reuses it for every sentence, so scanning allocates
 * nothing.
 */
final class SentenceScanner {

  /** Separators of a well-formed sentence: count, number, sequence id, channel, payload, fill. */
  static final int FIELDS = 6;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  /** Positions of the six commas after the sentence's address field, valid after a scan. */
  final int[] commas = new int[FIELDS];

  /** Position of the {@code *} that ends the checksummed part, valid after a scan. */
  int star;

  /**
   * Scans the sentence {@code buf[p, end)} ({@code buf[p]} is its {@code !}): null when its
   * checksum is right and it has exactly six fields after the address, else why not.
   */
  RejectionCause scan(byte[] buf, int p, int end) {
    int found = -1;
    int[] c = commas;
    int nc = 0;
    long wordSum = 0;
    for (int i = p + 1; i < end; i += 8) {
      long w = word(buf, i, end);
      long stars = zeroBytes(w ^ ('*' * ONES));
      if (stars != 0) {
        // The bytes from the first '*' on are masked off the word.
        int k = Long.numberOfTrailingZeros(stars) >>> 3;
        found = i + k;
        w &= (1L << (8 * k)) - 1;
      }
      for (long m = zeroBytes(w ^ (',' * ONES)); m != 0; m &= m - 1) {
        if (nc < c.length) {
          c[nc] = i + (Long.numberOfTrailingZeros(m) >>> 3);
        }
        nc++;
      }
      wordSum ^= w;
      if (found >= 0) {
        break;
      }
    }
    star = found;
    if (found < 0) {
      return RejectionCause.MALFORMED_SENTENCE;
    }
    if (found + 3 > end) {
      return RejectionCause.BAD_CHECKSUM;
    }
    wordSum ^= wordSum >>> 32;
    wordSum ^= wordSum >>> 16;
    wordSum ^= wordSum >>> 8;
    if (!NmeaBytes.checksumMatches(buf, found, (int) wordSum)) {
      return RejectionCause.BAD_CHECKSUM;
    }
    return nc == FIELDS ? null : RejectionCause.MALFORMED_SENTENCE;
  }

  /** The bytes {@code buf[i, min(i + 8, end))} as the low bytes of a little-endian word. */
  private static long word(byte[] buf, int i, int end) {
    int n = end - i;
    if (n >= 8) {
      return (long) LONGS.get(buf, i);
    }
    if (end >= 8) {
      // The last word of the array slice, shifted so that bytes i.. are its low bytes.
      return (long) LONGS.get(buf, end - 8) >>> (8 * (8 - n));
    }
    long w = 0;
    for (int k = n - 1; k >= 0; k--) {
      w = (w << 8) | (buf[i + k] & 0xff);
    }
    return w;
  }

  /**
   * 0x80 in each byte of {@code v} that is zero, 0 in the others (exact: no carries between bytes).
   */
  private static long zeroBytes(long v) {
    return ~(((v & LOWS) + LOWS) | v | LOWS);
  }
}
