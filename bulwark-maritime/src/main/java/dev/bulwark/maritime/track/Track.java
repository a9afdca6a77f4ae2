package dev.bulwark.maritime.track;

import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.model.PositionReport;
import java.util.Arrays;

/**
 * One vessel's recent positions, bounded in time and size, in compact parallel arrays.
 *
 * <p>Down-sampling: a report replaces the newest stored point when that point is less than {@link
 * TrackPolicy#minIntervalMillis()} after the one before it and nothing significant changed (so the
 * newest point is always the latest report). Points where the course turns, the speed changes, the
 * status changes or reports resume after a gap are flagged <em>key</em> and are never thinned. When
 * the track is full, non-key points of its older half are thinned one in two; only if every point
 * is key are the oldest dropped. Points older than the window are dropped.
 *
 * <p>Memory: 18 bytes a point (int time offset, float latitude and longitude, short speed and
 * course, byte status and flags); arrays start at 16 points and double up to the capacity, so a
 * vessel costs at most {@code 18 * capacity} bytes plus about 150 bytes of headers (26 KB with the
 * defaults). Out-of-order reports (older than the newest point) are not stored. Not thread-safe.
 */
public final class Track {

  private static final byte KEY = 1;

  private final TrackPolicy policy;
  private long baseMillis;
  private int size;
  private int[] t;
  private float[] lat;
  private float[] lon;
  private short[] sog;
  private short[] cog;
  private byte[] status;
  private byte[] flags;

  public Track(TrackPolicy policy) {
    this.policy = policy;
    int n = Math.min(16, policy.capacity());
    t = new int[n];
    lat = new float[n];
    lon = new float[n];
    sog = new short[n];
    cog = new short[n];
    status = new byte[n];
    flags = new byte[n];
  }

  /**
   * Adds a report; returns false when it was not stored (older than the newest point, or an exact
   * duplicate of it).
   */
  public boolean add(PositionReport p) {
    long tm = p.timeMillis();
    if (size == 0) {
      baseMillis = tm;
      put(0, p, KEY);
      size = 1;
      return true;
    }
    int last = size - 1;
    long lastT = time(last);
    if (tm < lastT) {
      return false;
    }
    if (tm == lastT && lat[last] == (float) p.lat() && lon[last] == (float) p.lon()) {
      return false;
    }
    if (tm - baseMillis > Integer.MAX_VALUE - 1000L) {
      trimOlderThan(tm - policy.windowMillis());
      rebase();
      last = size - 1;
    }
    boolean significant = significant(last, p, tm - lastT);
    if (!significant
        && size >= 2
        && (flags[last] & KEY) == 0
        && lastT - time(last - 1) < policy.minIntervalMillis()
        && !significant(last - 1, p, tm - time(last - 1))) {
      put(last, p, (byte) 0);
      return true;
    }
    if (tm - time(0) > policy.windowMillis()) {
      trimOlderThan(tm - policy.windowMillis());
    }
    if (size == t.length) {
      if (size < policy.capacity()) {
        grow(Math.min(policy.capacity(), size * 2));
      } else {
        makeRoom();
      }
    }
    put(size, p, significant ? KEY : 0);
    size++;
    return true;
  }

  private boolean significant(int i, PositionReport p, long dt) {
    if (dt > policy.gapMillis()) {
      return true;
    }
    if (status[i] != (byte) p.navStatus()) {
      return true;
    }
    double s0 = sog(i);
    if (p.hasSog() && !Double.isNaN(s0) && Math.abs(p.sogKn() - s0) > policy.speedChangeKn()) {
      return true;
    }
    double c0 = cog(i);
    return p.hasCog()
        && !Double.isNaN(c0)
        && (p.sogKn() > 1.0 || Double.isNaN(p.sogKn()))
        && Geo.angleDiffDeg(p.cogDeg(), c0) > policy.turnDeg();
  }

  private void put(int i, PositionReport p, byte flag) {
    t[i] = (int) (p.timeMillis() - baseMillis);
    lat[i] = (float) p.lat();
    lon[i] = (float) p.lon();
    sog[i] = p.hasSog() ? (short) Math.round(p.sogKn() * 10) : -1;
    cog[i] = p.hasCog() ? (short) Math.round(p.cogDeg() * 10) : -1;
    status[i] = (byte) p.navStatus();
    flags[i] = flag;
  }

  private void grow(int n) {
    t = Arrays.copyOf(t, n);
    lat = Arrays.copyOf(lat, n);
    lon = Arrays.copyOf(lon, n);
    sog = Arrays.copyOf(sog, n);
    cog = Arrays.copyOf(cog, n);
    status = Arrays.copyOf(status, n);
    flags = Arrays.copyOf(flags, n);
  }

  /** Thins the older half one non-key point in two; drops the oldest quarter if all are key. */
  private void makeRoom() {
    int half = size / 2;
    int w = 0;
    boolean dropNext = false;
    for (int r = 0; r < size; r++) {
      boolean drop = false;
      if (r > 0 && r < half && (flags[r] & KEY) == 0) {
        drop = dropNext;
        dropNext = !dropNext;
      }
      if (!drop) {
        move(r, w++);
      }
    }
    if (w == size) {
      int cut = Math.max(1, size / 4);
      for (int r = cut; r < size; r++) {
        move(r, r - cut);
      }
      w = size - cut;
    }
    size = w;
  }

  private void trimOlderThan(long oldest) {
    int first = 0;
    while (first < size - 1 && time(first) < oldest) {
      first++;
    }
    if (first > 0) {
      for (int r = first; r < size; r++) {
        move(r, r - first);
      }
      size -= first;
    }
  }

  private void rebase() {
    int shift = t[0];
    for (int i = 0; i < size; i++) {
      t[i] -= shift;
    }
    baseMillis += shift;
  }

  private void move(int from, int to) {
    if (from == to) {
      return;
    }
    t[to] = t[from];
    lat[to] = lat[from];
    lon[to] = lon[from];
    sog[to] = sog[from];
    cog[to] = cog[from];
    status[to] = status[from];
    flags[to] = flags[from];
  }

  /** Number of stored points. */
  public int size() {
    return size;
  }

  /** Whether no point is stored. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Time of point i (0 = oldest), epoch ms. */
  public long time(int i) {
    return baseMillis + t[i];
  }

  public double lat(int i) {
    return lat[i];
  }

  public double lon(int i) {
    return lon[i];
  }

  /** Speed in knots, NaN when not reported. */
  public double sog(int i) {
    return sog[i] < 0 ? Double.NaN : sog[i] / 10.0;
  }

  /** Course in degrees, NaN when not reported. */
  public double cog(int i) {
    return cog[i] < 0 ? Double.NaN : cog[i] / 10.0;
  }

  public int navStatus(int i) {
    return status[i];
  }

  /** Whether point i marks a turn, a speed or status change, or the end of a gap. */
  public boolean isKey(int i) {
    return (flags[i] & KEY) != 0;
  }

  /** Index of the oldest point at or after a time (size() when none). */
  public int indexAtOrAfter(long timeMillis) {
    int lo = 0;
    int hi = size;
    long rel = timeMillis - baseMillis;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] < rel) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Time-weighted mean reported speed over [from, newest]; NaN when no speed was reported there.
   * Each point's speed holds until the next point.
   */
  public double meanSog(long fromMillis) {
    int i = indexAtOrAfter(fromMillis);
    if (i >= size) {
      return Double.NaN;
    }
    double sum = 0;
    double w = 0;
    for (int k = i; k < size; k++) {
      double s = sog(k);
      if (Double.isNaN(s)) {
        continue;
      }
      double dt = k + 1 < size ? (t[k + 1] - t[k]) : 1.0;
      if (dt <= 0) {
        dt = 1.0;
      }
      sum += s * dt;
      w += dt;
    }
    return w == 0 ? Double.NaN : sum / w;
  }

  /** Bytes held by this track's arrays and headers (the figure the memory bound is stated in). */
  public long retainedBytes() {
    int n = t.length;
    return 64 + 7 * 16L + n * 18L;
  }

  /** The policy this track follows. */
  public TrackPolicy policy() {
    return policy;
  }
}
