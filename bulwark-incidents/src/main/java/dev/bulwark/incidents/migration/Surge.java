package dev.bulwark.incidents.migration;

import dev.bulwark.incidents.kinds.ActDetails.DailyCount;
import java.time.LocalDate;
import java.util.List;

/**
 * A surge at one crossing point: from its first to its last surging day, its highest daily count,
 * the baseline (rolling median before it began) and threshold it was judged against, and the daily
 * series around it (the evidence: a fortnight before, the surge, up to a week after). Immutable.
 *
 * @param crossingPoint the point
 * @param start the first surging day
 * @param end the last surging day
 * @param peakCount the highest daily count within
 * @param baseline the median daily count of the window before {@code start}
 * @param threshold the count a day had to reach to surge
 * @param series the evidence series, by day
 */
public record Surge(
    String crossingPoint,
    LocalDate start,
    LocalDate end,
    int peakCount,
    double baseline,
    double threshold,
    List<DailyCount> series) {

  /** Copies the list. */
  public Surge {
    series = List.copyOf(series);
  }
}
