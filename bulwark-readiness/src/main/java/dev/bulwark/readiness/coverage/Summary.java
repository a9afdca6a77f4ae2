package dev.bulwark.readiness.coverage;

import dev.bulwark.readiness.declaration.Domain;
import java.time.LocalDate;
import java.util.List;

/**
 * The coverage of the NATO Force Model on one date, from the declarations a reader may see.
 * Personnel are whole numbers. Immutable and thread-safe.
 *
 * @param asOf the date the versions are taken on
 * @param keyYear the year of the GDP key behind the fair shares
 * @param units how many units counted (one version each)
 * @param tiers tiers 1–3: target, declared, ready, verified
 * @param highReadiness tiers 1 and 2 together, the "500,000 at high readiness" headline
 * @param curve personnel available by day 0…180 (declared and ready), with the cumulative target
 * @param coverage personnel of tiers 1–3 by domain and regional plan
 * @param allies each member ally on {@code asOf}: declared, ready and fair share per tier
 * @param trend the tiers 1–3 totals on past dates, oldest first, ending with {@code asOf}
 */
public record Summary(
    LocalDate asOf,
    int keyYear,
    int units,
    List<TierRow> tiers,
    Headline highReadiness,
    List<CurvePoint> curve,
    List<Cell> coverage,
    List<AllyRow> allies,
    List<TrendPoint> trend) {

  public Summary {
    tiers = List.copyOf(tiers);
    curve = List.copyOf(curve);
    coverage = List.copyOf(coverage);
    allies = List.copyOf(allies);
    trend = List.copyOf(trend);
  }

  /** One tier: its window, target and what covers it. */
  public record TierRow(
      int tier,
      int fromDays,
      int deadlineDays,
      long target,
      long declared,
      long ready,
      long verified) {
    /** What is missing of the target in ready forces (never negative). */
    public long gap() {
      return Math.max(0, target - ready);
    }

    /** The share of the declared personnel that is verified (0 when nothing is declared). */
    public double verifiedShare() {
      return declared == 0 ? 0 : (double) verified / declared;
    }
  }

  /**
   * Tiers 1 and 2 together against the model's 300,000 within 30 days, beside the claimed 500,000.
   */
  public record Headline(long claimed, long modelTarget, long declared, long ready) {}

  /** Personnel that can move by {@code day}, with the cumulative target of that day. */
  public record CurvePoint(int day, long declared, long ready, long target) {}

  /** The personnel of tiers 1–3 in one domain and regional plan. */
  public record Cell(
      Domain domain, String regionalPlan, long declared, long ready, long verified) {}

  /** One ally: its tiers 1–3 totals and, per tier, its fair share and what it put in. */
  public record AllyRow(String iso3, long declared, long ready, List<AllyTier> tiers) {
    public AllyRow {
      tiers = List.copyOf(tiers);
    }
  }

  /** One ally in one tier: its fair share of the target (by GDP), declared and ready. */
  public record AllyTier(int tier, long fairShare, long declared, long ready) {}

  /** The tiers 1–3 totals on one date. */
  public record TrendPoint(
      LocalDate date,
      long declared,
      long ready,
      long highDeclared,
      long highReady,
      long verified) {}
}
