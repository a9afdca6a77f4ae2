package dev.bulwark.ais;

import java.util.OptionalDouble;

/**
 * Type 21: aid-to-navigation report. {@code name} already includes the name extension that follows
 * bit 272 when present. Raw units as {@link PositionReportClassA}. Immutable and thread-safe.
 */
public record AidToNavigationReport(
    int type,
    int repeat,
    int mmsi,
    int aidType,
    String name,
    boolean accuracy,
    int lon,
    int lat,
    int toBow,
    int toStern,
    int toPort,
    int toStarboard,
    int epfd,
    int second,
    boolean offPosition,
    int regional,
    boolean raim,
    boolean virtualAid,
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
}
