package dev.bulwark.node.store;

import dev.bulwark.stix.StixObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * An object ready to be stored: the fields the store indexes, taken once from a validated STIX
 * object. Immutable.
 */
public record NewObject(
    String objectId,
    String type,
    String version,
    long versionMicros,
    String specVersion,
    List<String> markingRefs,
    String json) {

  public NewObject {
    Objects.requireNonNull(objectId, "objectId");
    markingRefs = List.copyOf(markingRefs);
  }

  /**
   * The store's view of a STIX object. The version is {@code modified}, else {@code created}, else
   * empty (unversioned cyber observables, whose deterministic identifiers already say what they
   * are).
   *
   * @throws IllegalArgumentException when the version timestamp is not RFC 3339 (validation rejects
   *     such objects before they get here)
   */
  public static NewObject from(StixObject object) {
    String version = object.modified().or(object::created).orElse("");
    return new NewObject(
        object.id(),
        object.type(),
        version,
        version.isEmpty() ? 0L : micros(version),
        object.specVersion().orElse("2.1"),
        object.objectMarkingRefs(),
        object.toJson());
  }

  /**
   * Microseconds since the epoch of an RFC 3339 timestamp. The form STIX requires ({@code
   * YYYY-MM-DDTHH:MM:SS[.fraction]Z}) is read directly; anything else goes to {@link
   * Instant#parse}, which was a tenth of the cost of storing an object pulled from a peer.
   */
  public static long micros(String timestamp) {
    long fast = utcMicros(timestamp);
    if (fast != NOT_SIMPLE) {
      return fast;
    }
    try {
      Instant instant = Instant.parse(timestamp);
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("not an RFC 3339 timestamp: " + timestamp, e);
    }
  }

  private static final long NOT_SIMPLE = Long.MIN_VALUE;

  /** The value of {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z} with fields in range, else NOT_SIMPLE. */
  private static long utcMicros(String t) {
    int n = t.length();
    if (n < 20
        || n > 30
        || t.charAt(n - 1) != 'Z'
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return NOT_SIMPLE;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return NOT_SIMPLE;
    }
    long micros = 0;
    if (n > 20) {
      if (t.charAt(19) != '.' || n == 21) {
        return NOT_SIMPLE;
      }
      int fractionDigits = n - 21;
      int fraction = digits(t, 20, fractionDigits);
      if (fraction < 0) {
        return NOT_SIMPLE;
      }
      // keep microseconds, drop finer digits (as Instant's nanoseconds / 1000 does)
      for (int i = fractionDigits; i < 6; i++) {
        fraction *= 10;
      }
      for (int i = 6; i < fractionDigits; i++) {
        fraction /= 10;
      }
      micros = fraction;
    }
    if (day > YearMonth.of(year, month).lengthOfMonth()) {
      return NOT_SIMPLE;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
  }

  /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
