package dev.bulwark.ais;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the lines around a sentence say about it: NMEA 4.10 tag blocks ({@code
 * \s:...,c:...,g:...*hh\}, on the sentence's own line or on a line of their own) and Gatehouse
 * {@code $PGHP} headers. It holds the receive time, source and tag group of the current line, and
 * the time and source of header lines still waiting for the sentence they describe.
 *
 * <p>Not thread-safe: each decoder owns one. Nothing is allocated per line except the source name,
 * and that only when it differs from the previous line's.
 */
final class LineHeaders {

  /** No receive time known. */
  static final long NO_TIME = Long.MIN_VALUE;

  static final byte[] PGHP = "$PGHP,".getBytes(StandardCharsets.US_ASCII);

  /** What a {@code $PGHP} line was. */
  enum Pghp {
    /** A type-1 header: its receive time waits for the next sentence. */
    HEADER,
    /** Another Gatehouse header type, which carries no receive time. */
    IGNORED,
    /** Malformed, or a wrong checksum. */
    REJECTED
  }

  // Context of the current line, and of header lines (tag block alone, $PGHP) waiting for a
  // sentence.
  long lineTime;
  String lineSource;
  int lineGroupId;
  private long pendingTime = NO_TIME;
  private String pendingSource;

  private byte[] lastSourceBytes = new byte[0];
  private String lastSourceString = "";
  private final long[] pghpFields = new long[8];

  /** Forgets the previous line's tag block; called for every line. */
  void startLine() {
    lineTime = NO_TIME;
    lineSource = null;
    lineGroupId = -1;
  }

  /** A tag block alone on its line describes the sentence that follows. */
  void holdForNextSentence() {
    if (lineTime != NO_TIME) {
      pendingTime = lineTime;
    }
    if (lineSource != null) {
      pendingSource = lineSource;
    }
  }

  /** The receive time of the sentence on this line: its own tag block's, else a header line's. */
  long sentenceTime() {
    return lineTime != NO_TIME ? lineTime : pendingTime;
  }

  /** The source of the sentence on this line: its own tag block's, else a header line's. */
  String sentenceSource() {
    return lineSource != null ? lineSource : pendingSource;
  }

  /** Header lines describe one sentence only: forgets them once it has been read. */
  void clearPending() {
    pendingTime = NO_TIME;
    pendingSource = null;
  }

  /**
   * Parses the tag block between {@code buf[from]} (after the opening backslash) and {@code to}
   * (the closing one) into this line's context; false when it is malformed or its checksum wrong.
   */
  boolean parseTagBlock(byte[] buf, int from, int to) {
    int star = -1;
    int sum = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '*') {
        star = i;
        break;
      }
      sum ^= buf[i];
    }
    if (star < 0 || star + 3 != to || !NmeaBytes.checksumMatches(buf, star, sum)) {
      return false;
    }
    int p = from;
    while (p < star) {
      int comma = NmeaBytes.indexOf(buf, p, star, (byte) ',');
      if (comma < 0) {
        comma = star;
      }
      if (!tagField(buf, p, comma)) {
        return false;
      }
      p = comma + 1;
    }
    return true;
  }

  /** One {@code key:value} field of a tag block; unknown keys are skipped. */
  private boolean tagField(byte[] buf, int p, int end) {
    int colon = NmeaBytes.indexOf(buf, p, end, (byte) ':');
    if (colon < 0) {
      return false;
    }
    int keyLen = colon - p;
    int v = colon + 1;
    if (keyLen == 1 && buf[p] == 'c') {
      long t = NmeaBytes.number(buf, v, end);
      if (t < 0) {
        return false;
      }
      // seconds, or milliseconds when the number is that large
      lineTime = t >= 100_000_000_000L ? t : t * 1000;
    } else if ((keyLen == 1 && buf[p] == 's')
        || (keyLen == 2 && buf[p] == 's' && buf[p + 1] == 'i')) {
      if (lineSource == null || keyLen == 1) {
        lineSource = sourceString(buf, v, end);
      }
    } else if (keyLen == 1 && (buf[p] == 'g' || buf[p] == 'G')) {
      // g:<sentence>-<total>-<group id>
      int d1 = NmeaBytes.indexOf(buf, v, end, (byte) '-');
      int d2 = d1 < 0 ? -1 : NmeaBytes.indexOf(buf, d1 + 1, end, (byte) '-');
      if (d2 < 0) {
        return false;
      }
      long id = NmeaBytes.number(buf, d2 + 1, end);
      if (id < 0 || id > Integer.MAX_VALUE) {
        return false;
      }
      lineGroupId = (int) id;
    }
    return true;
  }

  private String sourceString(byte[] buf, int from, int to) {
    int n = to - from;
    if (n == lastSourceBytes.length && Arrays.equals(lastSourceBytes, 0, n, buf, from, to)) {
      return lastSourceString;
    }
    lastSourceBytes = Arrays.copyOfRange(buf, from, to);
    lastSourceString = new String(lastSourceBytes, StandardCharsets.ISO_8859_1);
    return lastSourceString;
  }

  /** Parses the {@code $PGHP} line {@code buf[p, end)}. */
  Pghp parsePghp(byte[] buf, int p, int end) {
    // $PGHP,1,yyyy,m,d,h,min,s,ms,...*hh
    // One pass finds the '*' and sums the bytes before it.
    int sum = 0;
    int star = -1;
    for (int i = p + 1; i < end; i++) {
      byte c = buf[i];
      if (c == '*') {
        star = i;
        break;
      }
      sum ^= c;
    }
    if (star < 0 || star + 3 > end) {
      return Pghp.REJECTED;
    }
    if (!NmeaBytes.checksumMatches(buf, star, sum)) {
      return Pghp.REJECTED;
    }
    int q = p + PGHP.length;
    long[] f = pghpFields;
    for (int i = 0; i < f.length; i++) {
      // One pass finds the field's end and reads its digits: the same value as
      // NmeaBytes.number(buf, q, comma), -1 unless 1 to 18 decimal digits.
      long v = 0;
      boolean digits = true;
      int comma = q;
      for (; comma < star; comma++) {
        int d = buf[comma] - '0';
        if (d == ',' - '0') {
          break;
        }
        if (d < 0 || d > 9) {
          digits = false;
        }
        v = v * 10 + d;
      }
      f[i] = digits && comma > q && comma - q <= 18 ? v : -1;
      q = comma + 1;
      if (q > star && i < f.length - 1) {
        return Pghp.REJECTED;
      }
    }
    if (f[0] != 1) {
      return Pghp.IGNORED;
    }
    if (!validTime(f)) {
      return Pghp.REJECTED;
    }
    long days = daysFromCivil(f[1], f[2], f[3]);
    pendingTime = ((days * 24 + f[4]) * 60 + f[5]) * 60_000 + f[6] * 1000 + f[7];
    if (lineSource != null) {
      pendingSource = lineSource;
    }
    return Pghp.HEADER;
  }

  /** Year, month, day, hour, minute, second, millisecond of {@code f[1..7]} in range. */
  private static boolean validTime(long[] f) {
    return f[1] >= 1970
        && f[1] <= 9999
        && f[2] >= 1
        && f[2] <= 12
        && f[3] >= 1
        && f[3] <= 31
        && f[4] >= 0
        && f[4] <= 23
        && f[5] >= 0
        && f[5] <= 59
        && f[6] >= 0
        && f[6] <= 60
        && f[7] >= 0
        && f[7] <= 999;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long daysFromCivil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
