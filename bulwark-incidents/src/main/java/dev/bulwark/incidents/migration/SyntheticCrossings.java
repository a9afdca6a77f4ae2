package dev.bulwark.incidents.migration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SYNTHETIC crossing counts for demos, tests and benchmarks, shaped like the Finnish–Russian border
 * in November 2023 (a few asylum seekers a month at each point for years, then dozens a day at a
 * few points within two weeks, until the points were closed). Not real data: the numbers are drawn
 * from a seeded random source. Stateless and thread-safe.
 */
public final class SyntheticCrossings {

  private SyntheticCrossings() {}

  /**
   * Counts for {@code points} crossing points over the days from {@code from} to {@code to}: a
   * quiet background (most days 0, now and then 1–3 people); the points listed in {@code surging}
   * surge from {@code surgeStart} for {@code surgeDays} days, rising to 40–90 a day.
   *
   * @param points the crossing points' names
   * @param surging the points that surge
   * @param from the first day
   * @param to the last day
   * @param surgeStart the first surge day
   * @param surgeDays how long the surge lasts
   * @param seed the random seed
   * @return one count per day, point and nationality group ({@code SY}, {@code SO}, {@code YE},
   *     {@code other})
   */
  public static List<CrossingCount> series(
      List<String> points,
      List<String> surging,
      LocalDate from,
      LocalDate to,
      LocalDate surgeStart,
      int surgeDays,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] groups = {"SY", "SO", "YE", "other"};
    List<CrossingCount> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      long into = d.toEpochDay() - surgeStart.toEpochDay();
      for (String point : points) {
        boolean surge = surging.contains(point) && into >= 0 && into < surgeDays;
        for (String g : groups) {
          int n;
          if (surge) {
            double ramp = Math.min(1.0, (into + 1) / 10.0);
            n = (int) Math.round(ramp * (10 + random.nextInt(14)));
          } else {
            n = random.nextInt(40) == 0 ? 1 + random.nextInt(3) : 0;
          }
          if (n > 0 || g.equals("other")) {
            out.add(new CrossingCount(d, point, g, n));
          }
        }
      }
    }
    return out;
  }
}
