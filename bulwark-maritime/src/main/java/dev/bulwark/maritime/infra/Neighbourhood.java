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

  /**
   * Metres per degree of longitude, at least as large as anywhere {@link #covers} gets past its
   * latitude test (within one radius of the centre's latitude), for a quick answer without a
   * cosine.
   */
  private final double coverKx;

  Neighbourhood(InfrastructureLayer layer, double lat, double lon, double radiusM, int[] ids) {
    this.layer = layer;
    this.lat = lat;
    this.lon = lon;
    this.radiusM = radiusM;
    this.ids = ids;
    this.coverKx = Geo.mPerDegLon(Math.max(0.0, Math.abs(lat) - radiusM / Geo.M_PER_DEG_LAT));
  }

  /** Whether every asset within {@code needM} of the position is in this neighbourhood. */
  public boolean covers(double pLat, double pLon, double needM) {
    if (Math.abs(pLat - lat) * Geo.M_PER_DEG_LAT + needM > radiusM) {
      return false;
    }
    // Quick yes: with the largest scale the distance can only be overestimated (1 m kept in hand
    // for rounding), so this never says yes where the exact test below says no.
    double r = radiusM - needM - 1.0;
    if (r > 0) {
      double dy = (pLat - lat) * Geo.M_PER_DEG_LAT;
      double dx = (pLon - lon) * coverKx;
      if (dx * dx + dy * dy <= r * r) {
        return true;
      }
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

  /**
   * Fills {@code out} with the assets within {@code maxM} of the position, in layer order.
   *
   * <p>A full scan goes over every piece of the neighbourhood and also notes, in {@code out}, the
   * pieces within {@code maxM + }{@link #SCAN_SLACK_M} of the position. While later positions stay
   * within half that slack of the scan (and in the same neighbourhood, for the same {@code maxM}),
   * only those pieces are measured: any other piece was more than {@code maxM + slack} away and the
   * vessel has moved less than {@code slack / 2}, so it is still beyond {@code maxM} (the local
   * frames of the two positions differ by far less than the remaining {@code slack / 2}, up to 85
   * degrees of latitude; beyond, every report is a full scan). The result is the same either way;
   * only the work differs.
   */
  public void measure(double pLat, double pLon, double maxM, Proximity out) {
    out.clear();
    if (ids.length == 0) {
      out.scanHood = null;
      return;
    }
    double kx = Geo.mPerDegLon(pLat);
    if (out.scanHood == this && out.scanMaxM == maxM) {
      double dy = (pLat - out.scanLat) * Geo.M_PER_DEG_LAT;
      double dx = (pLon - out.scanLon) * out.scanKx;
      if (dx * dx + dy * dy <= (SCAN_SLACK_M / 2) * (SCAN_SLACK_M / 2)) {
        scan(out.candidates, out.candidateCount, pLat, pLon, kx, maxM, maxM, out, false);
        return;
      }
    }
    boolean cache = Math.abs(pLat) < 85.0;
    out.candidateCount = 0;
    out.scanHood = null;
    scan(ids, ids.length, pLat, pLon, kx, maxM, cache ? maxM + SCAN_SLACK_M : maxM, out, cache);
    if (cache) {
      out.scanHood = this;
      out.scanLat = pLat;
      out.scanLon = pLon;
      out.scanMaxM = maxM;
      // Within slack / 2 of the scan the latitude moves by under 0.01 degree; cos at 0.1 degree
      // nearer the equator bounds the scale anywhere the cache is used.
      out.scanKx = Geo.mPerDegLon(Math.max(0.0, Math.abs(pLat) - 0.1));
    }
  }

  /** Slack of the candidate cache, metres (see {@link #measure}). */
  static final double SCAN_SLACK_M = 2_000;

  /**
   * Measures the pieces {@code list[0..n)} (ascending ids); reports the assets within maxM; when
   * {@code collect}, notes in {@code out} the pieces within {@code keepM}.
   */
  private void scan(
      int[] list,
      int n,
      double pLat,
      double pLon,
      double kx,
      double maxM,
      double keepM,
      Proximity out,
      boolean collect) {
    double dLat = keepM / Geo.M_PER_DEG_LAT;
    double dLon = keepM / Math.max(1.0, kx);
    double keepSq = keepM * keepM;
    double[] boxes = layer.boxes();
    double[] ends = layer.ends();
    int current = -1;
    // Squared distances to segments: the square root is taken once per asset (sqrt is monotonic and
    // correctly rounded, so the root of the least square is exactly the least distance).
    double bestSq = Double.MAX_VALUE;
    double bestArea = Double.MAX_VALUE;
    for (int k = 0; k < n; k++) {
      int id = list[k];
      int b = 4 * id;
      if (pLat + dLat < boxes[b]
          || pLat - dLat > boxes[b + 1]
          || pLon + dLon < boxes[b + 2]
          || pLon - dLon > boxes[b + 3]) {
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
        if (collect && d <= keepM) {
          out.addCandidate(id);
        }
      } else {
        // The distance to the piece's box (in this frame) bounds the distance to the piece from
        // below: skip the exact measure when even that cannot beat the asset's best so far nor
        // matter to the cache (a millionth in hand, far above rounding).
        double ex =
            (boxes[b + 2] > pLon
                    ? boxes[b + 2] - pLon
                    : pLon > boxes[b + 3] ? pLon - boxes[b + 3] : 0)
                * kx;
        double ey =
            (boxes[b] > pLat ? boxes[b] - pLat : pLat > boxes[b + 1] ? pLat - boxes[b + 1] : 0)
                * Geo.M_PER_DEG_LAT;
        double lb = (ex * ex + ey * ey) * (1 - 1e-6);
        if (lb > bestSq && (!collect || lb > keepSq)) {
          continue;
        }
        double d2 = Piece.segSq(pLat, pLon, kx, ends[b], ends[b + 1], ends[b + 2], ends[b + 3]);
        if (d2 < bestSq) {
          bestSq = d2;
        }
        if (collect && d2 <= keepSq) {
          out.addCandidate(id);
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
