package dev.bulwark.ais;

/**
 * Small parsers over ASCII bytes that the sentence layer shares: no regular expressions, no
 * splitting, nothing allocated, so a line is read where it lies in the caller's buffer.
 *
 * <p>Stateless; thread-safe.
 */
final class NmeaBytes {

  private NmeaBytes() {}

  /** The first index of {@code b} in {@code buf[from, to)}, or -1. */
  static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  static boolean startsWith(byte[] buf, int p, int end, byte[] prefix) {
    if (end - p < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[p + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The value of one hexadecimal digit (either case), or -1. */
  static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** Whether the two hexadecimal digits after {@code star} spell the low byte of {@code sum}. */
  static boolean checksumMatches(byte[] buf, int star, int sum) {
    int h1 = hex(buf[star + 1]);
    int h2 = hex(buf[star + 2]);
    return h1 >= 0 && h2 >= 0 && ((h1 << 4) | h2) == (sum & 0xff);
  }

  /** The digit that is the whole of {@code buf[from, to)}, or -1. */
  static int singleDigit(byte[] buf, int from, int to) {
    if (to - from != 1) {
      return -1;
    }
    int d = buf[from] - '0';
    return d >= 0 && d <= 9 ? d : -1;
  }

  /** A non-negative decimal number of up to 18 digits, or -1. */
  static long number(byte[] buf, int from, int to) {
    if (to <= from || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
