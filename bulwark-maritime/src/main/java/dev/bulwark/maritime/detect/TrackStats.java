package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.track.Track;

/** Measures over a window of a track, shared by detectors. Stateless. */
final class TrackStats {
  private TrackStats() {}

  /**
   * The highest mean speed over consecutive buckets of {@code bucketMillis} in [from, to): the
   * vessel's cruising speed before something slowed it. NaN when fewer than {@code minSpanMillis}
   * of the window are covered by reports.
   */
  static double maxBucketMean(Track t, long from, long to, long bucketMillis, long minSpanMillis) {
    int i = t.indexAtOrAfter(from);
    if (i >= t.size() || t.time(i) >= to) {
      return Double.NaN;
    }
    long span = 0;
    double best = Double.NaN;
    long bucketStart = t.time(i);
    double sum = 0;
    double w = 0;
    for (int k = i; k < t.size() && t.time(k) < to; k++) {
      double s = t.sog(k);
      long next = k + 1 < t.size() ? Math.min(t.time(k + 1), to) : to;
      long dt = Math.max(1, next - t.time(k));
      if (dt > 600_000L) {
        dt = 600_000L;
      }
      if (t.time(k) - bucketStart >= bucketMillis) {
        if (w >= bucketMillis / 2.0) {
          best = Double.isNaN(best) ? sum / w : Math.max(best, sum / w);
        }
        bucketStart = t.time(k);
        sum = 0;
        w = 0;
      }
      if (!Double.isNaN(s)) {
        sum += s * dt;
        w += dt;
        span += dt;
      }
    }
    if (w >= bucketMillis / 2.0) {
      best = Double.isNaN(best) ? sum / w : Math.max(best, sum / w);
    }
    return span >= minSpanMillis ? best : Double.NaN;
  }

  /** Lowest and highest reported speed in [from, newest]; {NaN, NaN} when none. */
  static double[] sogRange(Track t, long from) {
    double lo = Double.NaN;
    double hi = Double.NaN;
    for (int k = t.indexAtOrAfter(from); k < t.size(); k++) {
      double s = t.sog(k);
      if (Double.isNaN(s)) {
        continue;
      }
      lo = Double.isNaN(lo) ? s : Math.min(lo, s);
      hi = Double.isNaN(hi) ? s : Math.max(hi, s);
    }
    return new double[] {lo, hi};
  }

  /**
   * Course change over [from, newest] while moving (over 1 kn): {net signed turn, sum of absolute
   * turns}, both in degrees. A U-turn shows as a net turn near 180.
   */
  static double[] turns(Track t, long from) {
    double net = 0;
    double abs = 0;
    double prev = Double.NaN;
    for (int k = t.indexAtOrAfter(from); k < t.size(); k++) {
      double c = t.cog(k);
      double s = t.sog(k);
      if (Double.isNaN(c) || !(s > 1.0)) {
        continue;
      }
      if (!Double.isNaN(prev)) {
        double d = Geo.signedTurnDeg(prev, c);
        net += d;
        abs += Math.abs(d);
      }
      prev = c;
    }
    return new double[] {net, abs};
  }

  /** Seconds covered by reports in [from, newest] (gaps over 10 min not counted). */
  static long coveredMillis(Track t, long from) {
    long span = 0;
    for (int k = t.indexAtOrAfter(from); k + 1 < t.size(); k++) {
      long dt = t.time(k + 1) - t.time(k);
      if (dt <= 600_000L) {
        span += dt;
      }
    }
    return span;
  }
}
