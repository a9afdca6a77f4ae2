package dev.bulwark.cyber.sensor.tree;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * Reads sensor timestamps as microseconds since the epoch: RFC 3339 with or without an offset
 * ({@code 2017-01-30T16:12:26.985026+0100} as Suricata writes it, {@code ...Z} as Zeek's JSON
 * writer does; no offset means UTC, as in Suricata 2.0) and epoch seconds with a fraction (Zeek's
 * {@code ts}). Hand-written because it runs once per event on the hot path. Stateless and
 * thread-safe.
 */
public final class TreeTimes {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private TreeTimes() {}

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
        i++;
      } else if (c == '+' || c == '-') {
        String rest = s.substring(i + 1).replace(":", "");
        if (rest.length() != 4 || digits(rest, 0, 4) < 0) {
          return OptionalLong.empty();
        }
        offsetSeconds =
            (digits(rest, 0, 2) * 3600L + digits(rest, 2, 4) * 60L) * (c == '-' ? -1 : 1);
        i = n;
      }
      if (i != n) {
        return OptionalLong.empty();
      }
    }
    long days;
    try {
      days = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return OptionalLong.empty();
    }
    long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return OptionalLong.of(seconds * MICROS_PER_SECOND + micros);
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
