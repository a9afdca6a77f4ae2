package dev.bulwark.readiness.declaration;

import java.util.List;

/**
 * The three tiers of the NATO Force Model (Madrid, 2022) with their notice-to-move windows and
 * targets, and the rule that derives a tier from notice to move. Stateless; thread-safe.
 */
public final class Tiers {
  private Tiers() {}

  /** No tier: notice to move beyond 180 days. */
  public static final int NONE = 0;

  /** One tier: its number, the days its window opens and closes (inclusive), its target. */
  public record Tier(int tier, int fromDays, int deadlineDays, long target) {}

  /** Tier 1: over 100,000 in 0–10 days; tier 2: 200,000 in 11–30; tier 3: 500,000 in 31–180. */
  public static final List<Tier> ALL =
      List.of(
          new Tier(1, 0, 10, 100_000), new Tier(2, 11, 30, 200_000), new Tier(3, 31, 180, 500_000));

  /** The last day the curve covers. */
  public static final int HORIZON_DAYS = 180;

  /** The tier whose window holds this notice to move: ≤ 10 → 1, ≤ 30 → 2, ≤ 180 → 3, else none. */
  public static int derive(int noticeToMoveDays) {
    for (Tier t : ALL) {
      if (noticeToMoveDays <= t.deadlineDays()) {
        return t.tier();
      }
    }
    return NONE;
  }

  /** The cumulative target by day {@code day}: the targets of every tier whose deadline ≤ day. */
  public static long cumulativeTarget(int day) {
    return ALL.stream().filter(t -> t.deadlineDays() <= day).mapToLong(Tier::target).sum();
  }
}
