package dev.bulwark.ais;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Type 4 (base station report) and type 11 (UTC/date response): UTC time and position of the
 * station. Raw units: {@code lon}/{@code lat} 1/10000 minute; year 0, month 0, day 0, hour 24,
 * minute 60, second 60 mean "not available". Immutable and thread-safe.
 */
public record BaseStationReport(
    int type,
    int repeat,
    int mmsi,
    int year,
    int month,
    int day,
    int hour,
    int minute,
    int second,
    boolean accuracy,
    int lon,
    int lat,
    int epfd,
    boolean raim,
    int radio)
    implements AisMessage {

  /** True when the position is present and within range. */
  public boolean hasPosition() {
    return lon != Units.LON_NA && lat != Units.LAT_NA && Units.validPosition(lon, lat, 600_000.0);
  }

  /** Latitude in degrees, empty when not available. */
  public OptionalDouble latitude() {
    return hasPosition() ? OptionalDouble.of(lat / 600_000.0) : OptionalDouble.empty();
  }

  /** Longitude in degrees, empty when not available. */
  public OptionalDouble longitude() {
    return hasPosition() ? OptionalDouble.of(lon / 600_000.0) : OptionalDouble.empty();
  }

  /** The reported UTC instant, empty when any part is not available or the date is invalid. */
  public Optional<Instant> utc() {
    if (year == 0 || month == 0 || day == 0 || hour > 23 || minute > 59 || second > 59) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
