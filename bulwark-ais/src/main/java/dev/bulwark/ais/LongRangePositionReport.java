package dev.bulwark.ais;

import java.util.OptionalDouble;

/**
 * Type 27: long-range (satellite) position report. {@code lon}/{@code lat} in 1/10 minute (181/91
 * degrees = not available), {@code speed} whole knots (63 = not available), {@code course} whole
 * degrees (511 = not available). Immutable and thread-safe.
 */
public record LongRangePositionReport(
    int type,
    int repeat,
    int mmsi,
    boolean accuracy,
    boolean raim,
    int status,
    int lon,
    int lat,
    int speed,
    int course,
    boolean gnss)
    implements AisMessage {

  /** True when the position is present and within range. */
  public boolean hasPosition() {
    return lon != 181 * 600 && lat != 91 * 600 && Units.validPosition(lon, lat, 600.0);
  }

  /** Latitude in degrees, empty when not available. */
  public OptionalDouble latitude() {
    return hasPosition() ? OptionalDouble.of(lat / 600.0) : OptionalDouble.empty();
  }

  /** Longitude in degrees, empty when not available. */
  public OptionalDouble longitude() {
    return hasPosition() ? OptionalDouble.of(lon / 600.0) : OptionalDouble.empty();
  }

  /** Speed in knots, empty when not available. */
  public OptionalDouble speedKnots() {
    return speed == 63 ? OptionalDouble.empty() : OptionalDouble.of(speed);
  }

  /** Course in degrees, empty when not available. */
  public OptionalDouble courseDegrees() {
    return course == 511 ? OptionalDouble.empty() : OptionalDouble.of(course);
  }
}
