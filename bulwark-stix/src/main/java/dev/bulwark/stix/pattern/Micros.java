package dev.bulwark.stix.pattern;

import dev.bulwark.stix.StixTimestamps;
import java.util.Optional;

/**
 * Epoch microseconds of a STIX timestamp, computed from its digits: {@link
 * StixTimestamps#parseMicros} goes through {@code Instant.parse} (a formatter, a field map, a
 * resolver), which was a tenth of the time of parsing a pattern with a {@code t'…'} constant. Only
 * the plain case is done here (valid per {@link StixTimestamps#isValid}, second below 60, at most
 * nine fraction digits); anything else (a leap second, more digits) goes the JDK's way, so the
 * result is always the JDK's. Stateless and thread-safe.
 */
final class Micros {

  private Micros() {}

  /**
   * The instant of a timestamp.
   *
   * @param s the text (without {@code t'…'})
   * @return epoch microseconds (sub-microsecond digits truncated); empty when not a valid STIX
   *     timestamp
   */
  static Optional<Long> of(String s) {
    if (!StixTimestamps.isValid(s)) {
      return Optional.empty();
    }
    int second = num(s, 17, 2);
    int fraction = s.length() == 20 ? 0 : s.length() - 21;
    if (second > 59 || fraction > 9) {
      return StixTimestamps.parseMicros(s); // leap second or odd precision: the JDK decides
    }
    return Optional.of(fast(s, second, fraction));
  }

  /** Epoch micros of a valid timestamp with a second below 60 and at most 9 fraction digits. */
  static long fast(String s, int second, int fraction) {
    long days = daysFromCivil(num(s, 0, 4), num(s, 5, 2), num(s, 8, 2));
    long secs = days * 86_400L + num(s, 11, 2) * 3_600L + num(s, 14, 2) * 60L + second;
    int micros = 0;
    for (int i = 0; i < 6; i++) {
      micros = micros * 10 + (i < fraction ? s.charAt(20 + i) - '0' : 0);
    }
    return secs * 1_000_000L + micros;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static int num(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
