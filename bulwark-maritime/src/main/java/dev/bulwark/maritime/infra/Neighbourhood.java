package dev.bulwark.maritime.infra;

import dev.bulwark.maritime.geo.Geo;

/**
 * The pieces of infrastructure within a radius of a centre, fetched once from the layer's grid and
 * reused while the vessel stays well inside the circle: ships move a few hundred metres between
 * reports, so one fetch serves hundreds of reports. Holds only the pieces' ids (ascending, hence
 * grouped by asset); their coordinates stay in the layer's flat arrays. Immutable, thread-safe.
 */
public final class Neighbourhood {

  private final InfrastructureLayer layer;
  private final double lat;
  private final double lon;
  private final double radiusM;
  private final int[] ids;

  Neighbourhood(InfrastructureLayer layer, double lat, double lon, double radiusM, int[] ids) {
    this.layer = layer;
    this.lat = lat;
    this.lon = lon;
    this.radiusM = radiusM;
    this.ids = ids;
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
    return ids.length == 0;
  }

  /** Number of pieces held (for memory accounting). */
  int size() {
    return ids.length;
  }

  /** Fills {@code out} with the assets within {@code maxM} of the position, in layer order. */
  public void measure(double pLat, double pLon, double maxM, Proximity out) {
    out.clear();
    if (ids.length == 0) {
      return;
    }
    double kx = Geo.mPerDegLon(pLat);
    double dLat = maxM / Geo.M_PER_DEG_LAT;
    double dLon = maxM / Math.max(1.0, kx);
    double[] boxes = layer.boxes();
    double[] ends = layer.ends();
    int current = -1;
    // Squared distances to segments: the square root is taken once per asset (sqrt is monotonic and
    // correctly rounded, so the root of the least square is exactly the least distance).
    double bestSq = Double.MAX_VALUE;
    double bestArea = Double.MAX_VALUE;
    for (int id : ids) {
      int b = 4 * id;
      if (pLat + dLat < boxes[b] || pLat - dLat > boxes[b + 1] || pLon + dLon < boxes[b + 2] || pLon - dLon > boxes[b + 3]) {
        continue;
      }
      int asset = layer.pieceAsset(id);
      if (asset != current) {
        if (current >= 0) {
          add(current, bestSq, bestArea, maxM, out);
        }
        current = asset;
        bestSq = Double.MAX_VALUE;
        bestArea = Double.MAX_VALUE;
      }
      if (layer.pieceIsArea(id)) {
        double d = layer.piece(id).distanceM(pLat, pLon, kx, layer.factory());
        if (d < bestArea) {
          bestArea = d;
        }
      } else {
        double d2 = Piece.segSq(pLat, pLon, kx, ends[b], ends[b + 1], ends[b + 2], ends[b + 3]);
        if (d2 < bestSq) {
          bestSq = d2;
        }
      }
    }
    if (current >= 0) {
      add(current, bestSq, bestArea, maxM, out);
    }
  }

  private void add(int asset, double bestSq, double bestArea, double maxM, Proximity out) {
    double best = Math.min(Math.sqrt(bestSq), bestArea);
    if (best <= maxM) {
      out.add(layer.asset(asset), layer.isSafeHaven(asset), best);
    }
  }
}
