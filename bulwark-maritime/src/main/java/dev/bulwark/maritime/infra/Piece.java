package dev.bulwark.maritime.infra;

import dev.bulwark.maritime.geo.Geo;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/** One indexed piece of an asset: a segment of a line, or a whole area. Immutable. */
final class Piece {
  final int asset;
  final double aLat;
  final double aLon;
  final double bLat;
  final double bLon;

  /** For areas: the prepared polygon and its boundary as lat/lon pairs; null for segments. */
  final PreparedGeometry area;

  final double[] ring;

  /** Bounding box in degrees, computed once. */
  final double minLat;

  final double maxLat;
  final double minLon;
  final double maxLon;

  Piece(int asset, double aLat, double aLon, double bLat, double bLon) {
    this.asset = asset;
    this.aLat = aLat;
    this.aLon = aLon;
    this.bLat = bLat;
    this.bLon = bLon;
    this.area = null;
    this.ring = null;
    this.minLat = Math.min(aLat, bLat);
    this.maxLat = Math.max(aLat, bLat);
    this.minLon = Math.min(aLon, bLon);
    this.maxLon = Math.max(aLon, bLon);
  }

  Piece(int asset, PreparedGeometry area, double[] ring) {
    this.asset = asset;
    this.aLat = 0;
    this.aLon = 0;
    this.bLat = 0;
    this.bLon = 0;
    this.area = area;
    this.ring = ring;
    var env = area.getGeometry().getEnvelopeInternal();
    this.minLat = env.getMinY();
    this.maxLat = env.getMaxY();
    this.minLon = env.getMinX();
    this.maxLon = env.getMaxX();
  }

  /** Distance in metres from a position; kx = metres per degree of longitude at that latitude. */
  double distanceM(double lat, double lon, double kx, GeometryFactory gf) {
    if (area == null) {
      return seg(lat, lon, kx, aLat, aLon, bLat, bLon);
    }
    if (area.contains(gf.createPoint(new Coordinate(lon, lat)))) {
      return 0;
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i + 3 < ring.length; i += 2) {
      best = Math.min(best, seg(lat, lon, kx, ring[i], ring[i + 1], ring[i + 2], ring[i + 3]));
    }
    return best;
  }

  private static double seg(
      double lat, double lon, double kx, double aLat, double aLon, double bLat, double bLon) {
    return Math.sqrt(segSq(lat, lon, kx, aLat, aLon, bLat, bLon));
  }

  /**
   * Squared distance in square metres from a position to segment AB, in the local frame at the
   * position (kx = metres per degree of longitude there).
   */
  static double segSq(
      double lat, double lon, double kx, double aLat, double aLon, double bLat, double bLon) {
    double ax = (aLon - lon) * kx;
    double ay = (aLat - lat) * Geo.M_PER_DEG_LAT;
    double bx = (bLon - lon) * kx;
    double by = (bLat - lat) * Geo.M_PER_DEG_LAT;
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : -(ax * dx + ay * dy) / len2;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    double px = ax + t * dx;
    double py = ay + t * dy;
    return px * px + py * py;
  }
}
