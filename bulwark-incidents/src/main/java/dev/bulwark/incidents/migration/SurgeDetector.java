package dev.bulwark.incidents.migration;

import dev.bulwark.incidents.kinds.ActDetails.DailyCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds surges of crossings at each crossing point against that point's own history, with a robust
 * rolling baseline (median and median absolute deviation, which a few extreme days do not move):
 *
 * <ol>
 *   <li>A point's daily total is the sum over nationality groups; a day without a row counts 0
 *       (between the point's first and last reported day).
 *   <li>For day t, the baseline is the median {@code m} of the previous {@code windowDays} days
 *       (56) and the spread is {@code s = 1.4826 × MAD} (the MAD scaled to a standard deviation for
 *       normal data). A day is judged only once {@code minHistoryDays} (28) days precede it.
 *   <li>Day t surges when its count reaches {@code m + max(k × s, minExcess)} with {@code k = 5}
 *       and {@code minExcess = 10} people: five robust deviations, and never fewer than ten people
 *       above the usual (so a point that sees 0–2 a day is not "surging" at 3).
 *   <li>Surging days form one surge when at most {@code maxGapDays} (3) quiet days separate them;
 *       the threshold is frozen at the surge's first day so the surge does not raise its own bar.
 * </ol>
 *
 * The defaults are {@link Parameters#DEFAULTS}; docs/incidents.md repeats them. Cost: one pass per
 * point with a sorted window (O(window) per day), the MAD only for days above the median. Stateless
 * and thread-safe.
 */
public final class SurgeDetector {

  /**
   * The detector's parameters.
   *
   * @param windowDays days in the rolling baseline window
   * @param minHistoryDays days that must precede a judged day
   * @param k robust deviations above the median
   * @param minExcess people above the median at the least
   * @param maxGapDays quiet days that may separate surging days of one surge
   */
  public record Parameters(
      int windowDays, int minHistoryDays, double k, double minExcess, int maxGapDays) {
    /** 56-day window, 28 days of history, 5 deviations, at least 10 people, gaps up to 3 days. */
    public static final Parameters DEFAULTS = new Parameters(56, 28, 5.0, 10.0, 3);
  }

  private static final int EVIDENCE_BEFORE = 14;
  private static final int EVIDENCE_AFTER = 7;

  private final Parameters p;

  /** A detector with {@link Parameters#DEFAULTS}. */
  public SurgeDetector() {
    this(Parameters.DEFAULTS);
  }

  /** A detector with the given parameters. */
  public SurgeDetector(Parameters parameters) {
    this.p = parameters;
  }

  /** Every surge in the counts, by crossing point then start. */
  public List<Surge> detect(List<CrossingCount> counts) {
    Map<String, List<CrossingCount>> byPoint = new HashMap<>();
    for (CrossingCount c : counts) {
      byPoint.computeIfAbsent(c.crossingPoint(), k -> new ArrayList<>()).add(c);
    }
    List<Surge> out = new ArrayList<>();
    byPoint.keySet().stream()
        .sorted()
        .forEach(point -> out.addAll(detectPoint(point, byPoint.get(point))));
    return out;
  }

  private List<Surge> detectPoint(String point, List<CrossingCount> rows) {
    LocalDate first =
        rows.stream().map(CrossingCount::date).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last =
        rows.stream().map(CrossingCount::date).max(Comparator.naturalOrder()).orElseThrow();
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    int[] series = new int[days];
    for (CrossingCount c : rows) {
      series[(int) (c.date().toEpochDay() - first.toEpochDay())] += c.count();
    }
    return scan(point, first, series);
  }

  /** The surges of one point's daily series starting on {@code first}. */
  List<Surge> scan(String point, LocalDate first, int[] series) {
    List<Surge> out = new ArrayList<>();
    int[] window = new int[p.windowDays()];
    int size = 0;
    double[] dev = new double[p.windowDays()];
    int start = -1;
    int lastSurging = -1;
    double frozenMedian = 0;
    double frozenThreshold = 0;
    for (int t = 0; t < series.length; t++) {
      if (t >= p.minHistoryDays()) {
        double median = median(window, size);
        boolean surging;
        if (start >= 0) {
          surging = series[t] >= frozenThreshold;
        } else if (series[t] >= median + p.minExcess()) {
          double mad = mad(window, size, median, dev);
          double threshold = median + Math.max(p.k() * 1.4826 * mad, p.minExcess());
          surging = series[t] >= threshold;
          if (surging) {
            start = t;
            frozenMedian = median;
            frozenThreshold = threshold;
          }
        } else {
          surging = false;
        }
        if (surging) {
          lastSurging = t;
        } else if (start >= 0 && t - lastSurging > p.maxGapDays()) {
          out.add(surge(point, first, series, start, lastSurging, frozenMedian, frozenThreshold));
          start = -1;
        }
      }
      size = slide(window, size, t >= p.windowDays() ? series[t - p.windowDays()] : -1, series[t]);
    }
    if (start >= 0) {
      out.add(surge(point, first, series, start, lastSurging, frozenMedian, frozenThreshold));
    }
    return out;
  }

  private static Surge surge(
      String point,
      LocalDate first,
      int[] series,
      int s,
      int e,
      double baseline,
      double threshold) {
    int peak = 0;
    for (int i = s; i <= e; i++) {
      peak = Math.max(peak, series[i]);
    }
    List<DailyCount> evidence = new ArrayList<>();
    for (int i = Math.max(0, s - EVIDENCE_BEFORE);
        i <= Math.min(series.length - 1, e + EVIDENCE_AFTER);
        i++) {
      evidence.add(new DailyCount(first.plusDays(i), point, series[i]));
    }
    return new Surge(
        point, first.plusDays(s), first.plusDays(e), peak, baseline, threshold, evidence);
  }

  /** Removes {@code out} (unless -1) from and inserts {@code in} into the sorted window. */
  private static int slide(int[] w, int size, int out, int in) {
    if (out >= 0) {
      int i = Arrays.binarySearch(w, 0, size, out);
      System.arraycopy(w, i + 1, w, i, size - i - 1);
      size--;
    }
    int j = Arrays.binarySearch(w, 0, size, in);
    int at = j >= 0 ? j : -j - 1;
    System.arraycopy(w, at, w, at + 1, size - at);
    w[at] = in;
    return size + 1;
  }

  private static double median(int[] sorted, int size) {
    return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2.0;
  }

  private static double mad(int[] sorted, int size, double median, double[] dev) {
    for (int i = 0; i < size; i++) {
      dev[i] = Math.abs(sorted[i] - median);
    }
    Arrays.sort(dev, 0, size);
    return size % 2 == 1 ? dev[size / 2] : (dev[size / 2 - 1] + dev[size / 2]) / 2.0;
  }
}
