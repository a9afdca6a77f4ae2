package dev.bulwark.maritime.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The assets near one position, nearest distance per asset, filled by {@link
 * Neighbourhood#measure}. A reusable buffer (one per vessel) so the per-report path allocates
 * nothing. It also remembers which pieces were close at the last full scan (see {@link
 * Neighbourhood#measure}), so that the next reports of the same vessel only measure those. Not
 * thread-safe.
 */
public final class Proximity {

  private Asset[] assets = new Asset[4];
  private double[] dist = new double[4];
  private int count;
  private boolean safeHaven;

  /**
   * Candidate cache, owned by Neighbourhood.measure: where and for what the last full scan was
   * made.
   */
  Neighbourhood scanHood;

  double scanLat;
  double scanLon;
  double scanMaxM;

  /** Metres per degree of longitude, at least as large as anywhere within the cache's reach. */
  double scanKx;

  /** Ids of the pieces within maxM + slack of the scan position, ascending. */
  int[] candidates = new int[8];

  int candidateCount;

  void addCandidate(int id) {
    if (candidateCount == candidates.length) {
      candidates = Arrays.copyOf(candidates, candidateCount * 2);
    }
    candidates[candidateCount++] = id;
  }

  void clear() {
    count = 0;
    safeHaven = false;
  }

  /**
   * Adds an asset known not to be in the list yet (the neighbourhood groups pieces by asset);
   * {@code safeHaven} is whether it is an anchorage or port (precomputed by the layer).
   */
  void add(Asset a, boolean safeHaven, double d) {
    if (safeHaven) {
      if (d <= a.halfWidthM()) {
        this.safeHaven = true;
      }
      return;
    }
    if (count == assets.length) {
      assets = Arrays.copyOf(assets, count * 2);
      dist = Arrays.copyOf(dist, count * 2);
    }
    assets[count] = a;
    dist[count++] = d;
  }

  /** Number of assets near the position. */
  public int count() {
    return count;
  }

  public Asset asset(int i) {
    return assets[i];
  }

  public double distanceM(int i) {
    return dist[i];
  }

  /** Whether the position is inside a known anchorage or port. */
  public boolean inSafeHaven() {
    return safeHaven;
  }

  /** Index of the nearest asset, or -1. */
  public int nearestIndex() {
    int best = -1;
    for (int i = 0; i < count; i++) {
      if (best < 0 || dist[i] < dist[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The nearest asset, when any is near. */
  public Optional<AssetHit> nearest() {
    int i = nearestIndex();
    return i < 0 ? Optional.empty() : Optional.of(new AssetHit(assets[i], dist[i]));
  }

  /** The asset whose corridor contains the position, nearest first; -1 when none. */
  public int corridorIndex() {
    int best = -1;
    for (int i = 0; i < count; i++) {
      if (dist[i] <= assets[i].halfWidthM() && (best < 0 || dist[i] < dist[best])) {
        best = i;
      }
    }
    return best;
  }

  /** The asset whose corridor contains the position, nearest first. */
  public Optional<AssetHit> inCorridor() {
    int i = corridorIndex();
    return i < 0 ? Optional.empty() : Optional.of(new AssetHit(assets[i], dist[i]));
  }

  /** A copy of the hits. */
  public List<AssetHit> hits() {
    List<AssetHit> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new AssetHit(assets[i], dist[i]));
    }
    return out;
  }
}
