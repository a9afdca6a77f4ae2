package dev.bulwark.incidents;

/**
 * A place in WGS 84 degrees. Immutable.
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
public record GeoPoint(double lat, double lon) {

  /**
   * @throws IllegalArgumentException when out of range or not a number
   */
  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("latitude/longitude out of range: " + lat + ", " + lon);
    }
  }

  /** Whether the pair is a valid place (so callers can report a problem instead of throwing). */
  public static boolean valid(double lat, double lon) {
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }
}
