package dev.bulwark.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one STIX/TAXII timestamp helper (STIX 2.1 section 3.2, {@code YYYY-MM-DDTHH:mm:ss[.s+]Z}, UTC
 * only): writing with millisecond precision (what STIX requires of {@code created} and {@code
 * modified}) or microsecond precision (TAXII's {@code date_added}, so that {@code added_after}
 * round-trips exactly), reading back to epoch milliseconds or microseconds, and checking and
 * ordering the text by hand (the validator calls these several times per object, so no regular
 * expression and no {@link Instant} on that path).
 *
 * <p>Stateless and thread-safe.
 */
public final class StixTimestamps {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private StixTimestamps() {}

  /**
   * Millisecond precision, as STIX requires of {@code created} and {@code modified}.
   *
   * @param epochMillis milliseconds since the epoch
   * @return e.g. {@code 2026-11-28T10:15:00.250Z}
   */
  public static String formatMillis(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * Millisecond precision (anything finer is truncated).
   *
   * @param instant the instant
   * @return e.g. {@code 2026-11-28T10:15:00.250Z}
   */
  public static String formatMillis(Instant instant) {
    return formatMillis(instant.toEpochMilli());
  }

  /**
   * Microsecond precision, as TAXII's {@code date_added} needs (the store counts in microseconds).
   *
   * @param epochMicros microseconds since the epoch
   * @return e.g. {@code 2026-11-28T10:15:00.250001Z}
   */
  public static String formatMicros(long epochMicros) {
    return MICROS.format(
        Instant.ofEpochSecond(
            Math.floorDiv(epochMicros, 1_000_000L),
            Math.floorMod(epochMicros, 1_000_000L) * 1_000L));
  }

  /**
   * Milliseconds since the epoch of a timestamp (sub-millisecond digits truncated).
   *
   * @param stamp an RFC 3339 UTC timestamp
   * @return epoch milliseconds
   * @throws DateTimeParseException when the text is not a timestamp
   */
  public static long toMillis(String stamp) {
    return Instant.parse(stamp).toEpochMilli();
  }

  /**
   * Microseconds since the epoch of a timestamp that ends in {@code Z}; empty when malformed or out
   * of range (what a TAXII filter answers with 400).
   *
   * @param text the timestamp, possibly null
   * @return epoch microseconds (sub-microsecond digits truncated)
   */
  public static Optional<Long> parseMicros(String text) {
    if (text == null || !text.endsWith("Z") || !text.contains("T")) {
      return Optional.empty();
    }
    try {
      Instant i = Instant.parse(text);
      return Optional.of(
          Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000L));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the text is a valid STIX timestamp denoting a real instant (leap second 60 allowed).
   *
   * @param s the text
   * @return true when valid
   */
  public static boolean isValid(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || !shape(s)) {
      return false;
    }
    if (n > 20) {
      // ".s+" : a dot and at least one digit; a bare dot is not allowed.
      if (s.charAt(19) != '.' || n == 21 || !digits(s, 20, n - 21)) {
        return false;
      }
    }
    int year = num(s, 0, 4);
    int month = num(s, 5, 2);
    int day = num(s, 8, 2);
    if (month < 1
        || month > 12
        || day < 1
        || day > DAYS[month - 1]
        || num(s, 11, 2) > 23
        || num(s, 14, 2) > 59
        || num(s, 17, 2) > 60) {
      return false;
    }
    return month != 2 || day != 29 || leap(year);
  }

  /**
   * Number of sub-second digits (0 when absent).
   *
   * @param s a timestamp that is {@link #isValid}
   * @return the digits after the dot
   */
  public static int fractionDigits(String s) {
    return s.length() == 20 ? 0 : s.length() - 21;
  }

  /**
   * Orders two valid timestamps by the instant they denote, whatever their precisions.
   *
   * @param a a timestamp that is {@link #isValid}
   * @param b a timestamp that is {@link #isValid}
   * @return negative, zero or positive as {@code a} is before, at or after {@code b}
   */
  public static int compare(String a, String b) {
    int c = a.substring(0, 19).compareTo(b.substring(0, 19));
    if (c != 0) {
      return c;
    }
    String fa = a.length() > 20 ? a.substring(20, a.length() - 1) : "";
    String fb = b.length() > 20 ? b.substring(20, b.length() - 1) : "";
    int len = Math.max(fa.length(), fb.length());
    for (int i = 0; i < len; i++) {
      char x = i < fa.length() ? fa.charAt(i) : '0';
      char y = i < fb.length() ? fb.charAt(i) : '0';
      if (x != y) {
        return x - y;
      }
    }
    return 0;
  }

  /** {@code YYYY-MM-DDTHH:mm:ss} in the first 19 characters. */
  private static boolean shape(String s) {
    return digits(s, 0, 4)
        && s.charAt(4) == '-'
        && digits(s, 5, 2)
        && s.charAt(7) == '-'
        && digits(s, 8, 2)
        && s.charAt(10) == 'T'
        && digits(s, 11, 2)
        && s.charAt(13) == ':'
        && digits(s, 14, 2)
        && s.charAt(16) == ':'
        && digits(s, 17, 2);
  }

  private static boolean leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  private static boolean digits(String s, int from, int len) {
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
