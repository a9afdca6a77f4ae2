package dev.bulwark.node.taxii.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * TAXII timestamps (RFC 3339, UTC, "Z") to and from the store's microseconds since the epoch.
 * Stateless; thread-safe.
 */
public final class Timestamps {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats with microsecond precision, so that added_after round-trips exactly. */
  public static String format(long micros) {
    return MICROS.format(
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L));
  }

  /** Parses a TAXII timestamp (must end in Z); empty when malformed. */
  public static Optional<Long> parse(String text) {
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
}
