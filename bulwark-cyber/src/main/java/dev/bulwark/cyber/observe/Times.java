package dev.bulwark.cyber.observe;

import dev.bulwark.stix.StixTimestamps;
import java.util.OptionalLong;

/**
 * Reads sensor timestamps as microseconds since the epoch: RFC 3339 with or without an offset
 * ({@code 2017-01-30T16:12:26.985026+0100} as Suricata writes it, {@code ...Z} as Zeek's JSON
 * writer does; no offset means UTC, as in Suricata 2.0) and epoch seconds with a fraction (Zeek's
 * {@code ts}), and writes STIX timestamps; hand-written (no {@code LocalDate}, no formatter, no
 * substring) because it runs once per event on the hot path. Stateless and thread-safe.
 */
public final class Times {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long DAYS_0000_TO_1970 = (146_097L * 5L) - (30L * 365L + 7L);

  private Times() {}

  /** Epoch seconds with an optional fraction ({@code 1517422326.539915}) as micros. */
  public static OptionalLong epochSeconds(double seconds) {
    if (Double.isNaN(seconds) || seconds < 0 || seconds > 32_503_680_000d) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.round(seconds * MICROS_PER_SECOND));
  }

  /** Epoch seconds written as text (Zeek TSV). */
  public static OptionalLong epochSeconds(String text) {
    try {
      return epochSeconds(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** An RFC 3339 / ISO 8601 date-time as micros; empty when it is not one. */
  public static OptionalLong rfc3339(String s) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return OptionalLong.empty();
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) {
      return OptionalLong.empty();
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 60) {
      return OptionalLong.empty();
    }
    int i = 19;
    long micros = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      long scale = 100_000L;
      while (i < n && Character.isDigit(s.charAt(i))) {
        micros += (s.charAt(i) - '0') * scale;
        scale /= 10;
        i++;
      }
      if (i == start) {
        return OptionalLong.empty();
      }
    }
    long offsetSeconds = 0;
    if (i < n) {
      char c = s.charAt(i);
      if (c == 'Z' || c == 'z') {
        if (i + 1 != n) {
          return OptionalLong.empty();
        }
      } else if (c == '+' || c == '-') {
        int offset = offsetMinutes(s, i + 1);
        if (offset < 0) {
          return OptionalLong.empty();
        }
        offsetSeconds = offset * 60L * (c == '-' ? -1 : 1);
      } else {
        return OptionalLong.empty();
      }
    }
    if (day > daysIn(year, month)) {
      return OptionalLong.empty();
    }
    long seconds =
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return OptionalLong.of(seconds * MICROS_PER_SECOND + micros);
  }

  /**
   * The offset after the sign, {@code hhmm} with any colons among the digits (as the earlier {@code
   * replace(":", "")} read it), as minutes; -1 when it is not four digits.
   */
  private static int offsetMinutes(String s, int from) {
    int v = 0;
    int count = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        continue;
      }
      if (c < '0' || c > '9' || ++count > 4) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return count == 4 ? v / 100 * 60 + v % 100 : -1;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@code LocalDate}). */
  static long epochDay(long year, int month, int day) {
    long total = 365 * year;
    if (year >= 0) {
      total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    } else {
      total -= year / -4 - year / -100 + year / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }

  /**
   * A time as STIX writes it with microseconds, {@code 2017-01-30T15:12:26.985026Z}, without a
   * formatter; the same text as {@code StixTimestamps.formatMicros} (which it falls back to for
   * years outside 1..9999).
   */
  public static String formatMicros(long micros) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    long fraction = Math.floorMod(micros, MICROS_PER_SECOND);
    long days = Math.floorDiv(seconds, 86_400L);
    long secondOfDay = Math.floorMod(seconds, 86_400L);
    long zeroDay = days + DAYS_0000_TO_1970 - 60;
    long adjust = 0;
    if (zeroDay < 0) {
      long cycles = (zeroDay + 1) / 146_097 - 1;
      adjust = cycles * 400;
      zeroDay += -cycles * 146_097;
    }
    long yearEst = (400 * zeroDay + 591) / 146_097;
    long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    if (doyEst < 0) {
      yearEst--;
      doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    }
    yearEst += adjust;
    int marchDoy0 = (int) doyEst;
    int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
    int month = (marchMonth0 + 2) % 12 + 1;
    int dom = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
    long year = yearEst + marchMonth0 / 10;
    if (year < 1 || year > 9999) {
      return StixTimestamps.formatMicros(micros);
    }
    char[] out = new char[27];
    put(out, 0, year, 4);
    out[4] = '-';
    put(out, 5, month, 2);
    out[7] = '-';
    put(out, 8, dom, 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    out[19] = '.';
    put(out, 20, fraction, 6);
    out[26] = 'Z';
    return new String(out);
  }

  private static void put(char[] out, int at, long value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
