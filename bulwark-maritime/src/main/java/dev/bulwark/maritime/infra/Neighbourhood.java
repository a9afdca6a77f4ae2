package dev.bulwark.maritime.infra;

import dev.bulwark.maritime.geo.Geo;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The pieces of infrastructure within a radius of a centre, fetched once from the spatial index and
 * reused while the vessel stays well inside the circle: ships move a few hundred metres between
 * reports, so one index query serves hundreds of reports. Immutable, thread-safe.
 */
public final class Neighbourhood {

  private final InfrastructureLayer layer;
  private final double lat;
  private final double lon;
  private final double radiusM;
  private final Piece[] pieces;
  /** Per piece: min lat, max lat, min lon, max lon, for a cheap reject before measuring. */
  private final double[] boxes;

  Neighbourhood(InfrastructureLayer layer, double lat, double lon, double radiusM, Piece[] pieces) {
    this.layer = layer;
    this.lat = lat;
    this.lon = lon;
    this.radiusM = radiusM;
    // Grouped by asset, so that measure() keeps one running minimum per asset: a primitive sort of
    // (asset, position) keys is much cheaper than sorting the objects with a comparator.
    long[] keys = new long[pieces.length];
    for (int i = 0; i < pieces.length; i++) {
      keys[i] = ((long) pieces[i].asset << 32) | i;
    }
    java.util.Arrays.sort(keys);
    this.pieces = new Piece[pieces.length];
    this.boxes = new double[pieces.length * 4];
    for (int i = 0; i < keys.length; i++) {
      Piece p = pieces[(int) keys[i]];
      this.pieces[i] = p;
      boxes[4 * i] = p.minLat;
      boxes[4 * i + 1] = p.maxLat;
      boxes[4 * i + 2] = p.minLon;
      boxes[4 * i + 3] = p.maxLon;
    }
  }

  /** Whether every asset within {@code needM} of the position is in this neighbourhood. */
  public boolean covers(double pLat, double pLon, double needM) {
    if (Math.abs(pLat - lat) * Geo.M_PER_DEG_LAT + needM > radiusM) {
      return false;
    }
    return Geo.localDistanceM(lat, lon, pLat, pLon) + needM <= radiusM;
  }

  /** Whether no infrastructure at all is near. */
  public boolean isEmpty() {
    return pieces.length == 0;
  }

  /** Fills {@code out} with the assets within {@code maxM} of the position. */
  public void measure(double pLat, double pLon, double maxM, Proximity out) {
    out.clear();
    if (pieces.length == 0) {
      return;
    }
    double kx = Geo.mPerDegLon(pLat);
    double dLat = maxM / Geo.M_PER_DEG_LAT;
    double dLon = maxM / Math.max(1.0, kx);
    GeometryFactory gf = layer.factory();
    int current = -1;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < pieces.length; i++) {
      int b = 4 * i;
      if (pLat + dLat < boxes[b] || pLat - dLat > boxes[b + 1] || pLon + dLon < boxes[b + 2] || pLon - dLon > boxes[b + 3]) {
        continue;
      }
      Piece p = pieces[i];
      if (p.asset != current) {
        if (current >= 0 && best <= maxM) {
          out.add(layer.asset(current), best);
        }
        current = p.asset;
        best = Double.MAX_VALUE;
      }
      double d = p.distanceM(pLat, pLon, kx, gf);
      if (d < best) {
        best = d;
      }
    }
    if (current >= 0 && best <= maxM) {
      out.add(layer.asset(current), best);
    }
  }
}
