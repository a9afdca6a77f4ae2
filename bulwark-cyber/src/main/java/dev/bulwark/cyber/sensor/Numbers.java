package dev.bulwark.cyber.sensor;

/**
 * Numbers read from a range of characters without making a String: whole numbers exactly as {@link
 * Long#parseLong(String)} reads them, and plain decimals ({@code 1517422326.539915}) as {@link
 * Double#parseDouble(String)} would (exact: a mantissa below 2^53 divided by an exact power of ten
 * rounds once, as the JDK does). Stateless and thread-safe.
 */
final class Numbers {
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Numbers() {}

  /** Whether {@link Long#parseLong(String)} accepts the characters (sign, Unicode digits). */
  static boolean isLong(char[] s, int from, int to) {
    return scanLong(s, from, to, true) != 1;
  }

  /** The value of characters {@link #isLong} accepts. */
  static long longValue(char[] s, int from, int to) {
    return scanLong(s, from, to, false);
  }

  /**
   * The JDK's algorithm (negative accumulation); when {@code check}, returns 1 for "not a long" and
   * 0 otherwise.
   */
  private static long scanLong(char[] s, int from, int to, boolean check) {
    int i = from;
    if (i == to) {
      return 1;
    }
    boolean negative = false;
    char first = s[i];
    if (first == '-' || first == '+') {
      negative = first == '-';
      if (++i == to) {
        return 1;
      }
    }
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multmin = limit / 10;
    long result = 0;
    while (i < to) {
      int d = Character.digit(s[i++], 10);
      if (d < 0 || result < multmin) {
        return 1;
      }
      result *= 10;
      if (result < limit + d) {
        return 1;
      }
      result -= d;
    }
    if (check) {
      return 0;
    }
    return negative ? result : -result;
  }

  /**
   * Whether the characters are {@code [+-]digits[.digits]} (ASCII), which Java reads as a double.
   */
  static boolean isPlainDecimal(char[] s, int from, int to) {
    int i = from;
    if (i < to && (s[i] == '-' || s[i] == '+')) {
      i++;
    }
    int digits = 0;
    while (i < to && s[i] >= '0' && s[i] <= '9') {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < to && s[i] == '.') {
      i++;
      int fraction = 0;
      while (i < to && s[i] >= '0' && s[i] <= '9') {
        i++;
        fraction++;
      }
      if (fraction == 0) {
        return false;
      }
    }
    return i == to;
  }

  /**
   * The value of a plain decimal whose digits fit the exact fast path, else NaN (the caller then
   * asks {@link Double#parseDouble}).
   */
  static double plainDecimal(char[] s, int from, int to) {
    if (!isPlainDecimal(s, from, to)) {
      return Double.NaN;
    }
    int i = from;
    boolean negative = s[i] == '-';
    if (s[i] == '-' || s[i] == '+') {
      i++;
    }
    long mantissa = 0;
    int scale = -1;
    for (; i < to; i++) {
      char c = s[i];
      if (c == '.') {
        scale = 0;
        continue;
      }
      if (mantissa >= (1L << 53) / 10) {
        return Double.NaN;
      }
      mantissa = mantissa * 10 + (c - '0');
      if (scale >= 0) {
        scale++;
      }
    }
    scale = Math.max(scale, 0);
    if (scale >= POW10.length || mantissa >= 1L << 53) {
      return Double.NaN;
    }
    double v = mantissa / POW10[scale];
    return negative ? -v : v;
  }
}
