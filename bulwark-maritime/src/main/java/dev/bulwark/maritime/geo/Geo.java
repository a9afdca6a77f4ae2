package dev.bulwark.maritime.geo;

/**
 * Distances and positions on the Earth for the detectors, in metres and degrees.
 *
 * <p>Long distances use the haversine formula on a sphere of mean radius. Short ones (point to
 * segment, a few tens of kilometres at most) are computed in a local equirectangular frame centred
 * on the point of interest, whose scale is exact at that point: at 60 N a degree of longitude is
 * half a degree of latitude, and a frame built elsewhere (or plain degrees) would be wrong by a
 * factor two. The error of the local frame stays below 0.5 % within 50 km. Stateless and
 * thread-safe.
 */
public final class Geo {

  /** Mean Earth radius (IUGG), metres. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  /** Metres in one degree of latitude on that sphere. */
  public static final double M_PER_DEG_LAT = Math.PI * EARTH_RADIUS_M / 180.0;

  /** Metres in one nautical mile. */
  public static final double M_PER_NM = 1852.0;

  /** Metres per second in one knot. */
  public static final double MPS_PER_KNOT = 1852.0 / 3600.0;

  private Geo() {}

  /** Great-circle distance in metres between two positions given in degrees. */
  public static double haversineM(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double s = Math.sin(dp / 2);
    double t = Math.sin(dl / 2);
    double a = s * s + Math.cos(p1) * Math.cos(p2) * t * t;
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }

  /**
   * Distance in metres for points a few tens of kilometres apart, in the local frame at the first
   * point; several times cheaper than {@link #haversineM} and within 0.5 % of it below 50 km.
   */
  public static double localDistanceM(double lat1, double lon1, double lat2, double lon2) {
    double kx = M_PER_DEG_LAT * Math.cos(Math.toRadians((lat1 + lat2) * 0.5));
    double dx = (lon2 - lon1) * kx;
    double dy = (lat2 - lat1) * M_PER_DEG_LAT;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Metres per degree of longitude at a latitude. */
  public static double mPerDegLon(double lat) {
    return M_PER_DEG_LAT * Math.cos(Math.toRadians(lat));
  }

  /**
   * Distance in metres from point P to the segment AB (all in degrees), in the local frame at P.
   */
  public static double pointSegmentM(
      double lat, double lon, double aLat, double aLon, double bLat, double bLon) {
    double kx = mPerDegLon(lat);
    double ax = (aLon - lon) * kx;
    double ay = (aLat - lat) * M_PER_DEG_LAT;
    double bx = (bLon - lon) * kx;
    double by = (bLat - lat) * M_PER_DEG_LAT;
    return originSegment(ax, ay, bx, by);
  }

  /** Distance from the origin to segment (ax,ay)-(bx,by) in a plane. */
  static double originSegment(double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : -(ax * dx + ay * dy) / len2;
    if (t < 0) {
      t = 0;
    } else if (t > 1) {
      t = 1;
    }
    double px = ax + t * dx;
    double py = ay + t * dy;
    return Math.sqrt(px * px + py * py);
  }

  /** Initial bearing in degrees [0, 360) from the first position to the second. */
  public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    return normalizeDeg(Math.toDegrees(Math.atan2(y, x)));
  }

  /** The position reached from a start after a distance along a bearing (great circle). */
  public static double[] destination(double lat, double lon, double bearingDeg, double distanceM) {
    double d = distanceM / EARTH_RADIUS_M;
    double b = Math.toRadians(bearingDeg);
    double p1 = Math.toRadians(lat);
    double l1 = Math.toRadians(lon);
    double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    double l2 =
        l1
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(p1),
                Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return new double[] {Math.toDegrees(p2), normalizeLon(Math.toDegrees(l2))};
  }

  /** Smallest absolute difference between two angles in degrees, in [0, 180]. */
  public static double angleDiffDeg(double a, double b) {
    double d = Math.abs(normalizeDeg(a) - normalizeDeg(b));
    return d > 180 ? 360 - d : d;
  }

  /** Signed turn from a to b in degrees, in (-180, 180]. */
  public static double signedTurnDeg(double a, double b) {
    double d = normalizeDeg(b - a);
    return d > 180 ? d - 360 : d;
  }

  /** Angle folded into [0, 360). */
  public static double normalizeDeg(double a) {
    double r = a % 360.0;
    return r < 0 ? r + 360.0 : r;
  }

  static double normalizeLon(double lon) {
    double r = (lon + 540.0) % 360.0 - 180.0;
    return r == -180.0 ? 180.0 : r;
  }
}
