package dev.bulwark.node.maritime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** STIX timestamps (RFC 3339, UTC, millisecond precision). Stateless; thread-safe. */
final class Stamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Stamps() {}

  static String of(long epochMillis) {
    return FORMAT.format(Instant.ofEpochMilli(epochMillis));
  }

  static String of(Instant instant) {
    return of(instant.toEpochMilli());
  }

  static long millis(String stamp) {
    return Instant.parse(stamp).toEpochMilli();
  }
}
