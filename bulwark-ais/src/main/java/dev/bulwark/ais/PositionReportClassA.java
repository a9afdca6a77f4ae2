package dev.bulwark.ais;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Types 1, 2 and 3: Class A position report. Raw ITU units: {@code turn} is the encoded rate of
 * turn (-128 = not available), {@code speed} tenths of a knot (1023 = not available), {@code lon}
 * and {@code lat} 1/10000 minute (181 and 91 degrees = not available), {@code course} tenths of a
 * degree (3600 = not available), {@code heading} degrees (511 = not available), {@code second} the
 * UTC second (60..63 = not available / special). Immutable and thread-safe.
 */
public record PositionReportClassA(
    int type,
    int repeat,
    int mmsi,
    int status,
    int turn,
    int speed,
    boolean accuracy,
    int lon,
    int lat,
    int course,
    int heading,
    int second,
    int maneuver,
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

  /** Speed over ground in knots, empty when not available (102.2 means 102.2 knots or more). */
  public OptionalDouble speedKnots() {
    return Units.tenths(speed, 1023);
  }

  /** Course over ground in degrees, empty when not available. */
  public OptionalDouble courseDegrees() {
    return course >= 3600 ? OptionalDouble.empty() : OptionalDouble.of(course / 10.0);
  }

  /** True heading in degrees, empty when not available. */
  public OptionalInt headingDegrees() {
    return heading > 359 ? OptionalInt.empty() : OptionalInt.of(heading);
  }

  /**
   * Rate of turn in degrees per minute from the quadratic ITU encoding, empty when not available or
   * out of range (|turn| >= 127).
   */
  public OptionalDouble rateOfTurn() {
    if (turn == -128 || turn == 127 || turn == -127) {
      return OptionalDouble.empty();
    }
    double r = turn / 4.733;
    return OptionalDouble.of(Math.signum(turn) * r * r);
  }
}
