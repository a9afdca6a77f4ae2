package dev.bulwark.ais;

import java.util.OptionalDouble;

/**
 * Type 9: SAR aircraft position. {@code alt} metres (4095 = not available), {@code speed} whole
 * knots (1023 = not available), {@code lon}/{@code lat} 1/10000 minute, {@code course} tenths of a
 * degree (3600 = not available). Immutable and thread-safe.
 */
public record SarAircraftPositionReport(
    int type,
    int repeat,
    int mmsi,
    int alt,
    int speed,
    boolean accuracy,
    int lon,
    int lat,
    int course,
    int second,
    int regional,
    int dte,
    boolean assigned,
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
}
