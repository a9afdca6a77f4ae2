package dev.bulwark.ais;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Type 19: extended Class B position report, with name, ship type and dimensions. Raw units as
 * {@link PositionReportClassA}. Immutable and thread-safe.
 */
public record ExtendedPositionReportClassB(
    int type,
    int repeat,
    int mmsi,
    int reserved,
    int speed,
    boolean accuracy,
    int lon,
    int lat,
    int course,
    int heading,
    int second,
    int regional,
    String shipname,
    int shiptype,
    int toBow,
    int toStern,
    int toPort,
    int toStarboard,
    int epfd,
    boolean raim,
    int dte,
    boolean assigned)
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

  /** Speed over ground in knots, empty when not available. */
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
}
