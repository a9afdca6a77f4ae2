package dev.bulwark.support.forecast;

import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Forecasts, quarter by quarter over several years, the eligible support from the ledger (counted
 * entries, and pledged or committed schedules dated in each quarter) against needs: a flat yearly
 * baseline split evenly over quarters, plus the value of requirements falling due in each quarter.
 * A what-if multiplies the scheduled (not yet counted) support of chosen allies. Immutable and
 * thread-safe.
 */
public final class Forecaster {

  private final Status counted;

  /**
   * @param counted the least status that counts as support given (the rest is a schedule)
   */
  public Forecaster(Status counted) {
    this.counted = counted;
  }

  /**
   * The forecast.
   *
   * @param baselinePerYearEur the yearly need regardless of requirements (e.g. EUR 40 bn), may be 0
   * @param requirements needs with their need-by dates, added to the quarter they fall due in
   */
  public Forecast forecast(
      LocalDate from,
      int quarters,
      BigDecimal baselinePerYearEur,
      Collection<Requirement> requirements,
      Collection<Contribution> ledger,
      List<PledgeChange> changes) {
    if (quarters < 1 || quarters > 200) {
      throw new IllegalArgumentException("quarters must be 1..200, not " + quarters);
    }
    Map<String, BigDecimal> factor =
        changes.stream()
            .collect(Collectors.toMap(PledgeChange::ally, PledgeChange::factor, (a, b) -> b));
    BigDecimal perQuarter =
        baselinePerYearEur.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_EVEN);
    List<QuarterRow> rows = new ArrayList<>();
    BigDecimal cumulative = BigDecimal.ZERO;
    BigDecimal need = BigDecimal.ZERO;
    BigDecimal supply = BigDecimal.ZERO;
    for (Period q : Period.quarters(from, quarters)) {
      BigDecimal qNeed = perQuarter;
      for (Requirement r : requirements) {
        if (q.contains(r.needBy())) {
          qNeed = qNeed.add(BigDecimal.valueOf(r.valueEur()));
        }
      }
      qNeed = qNeed.setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal qCounted = BigDecimal.ZERO.setScale(2);
      BigDecimal qScheduled = BigDecimal.ZERO.setScale(2);
      for (Contribution c : ledger) {
        if (!c.category().eligible() || !q.contains(c.date())) {
          continue;
        }
        if (c.status().atLeast(counted)) {
          qCounted = qCounted.add(c.eur());
        } else {
          qScheduled =
              qScheduled.add(c.eur().multiply(factor.getOrDefault(c.donor(), BigDecimal.ONE)));
        }
      }
      qScheduled = qScheduled.setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal balance = qNeed.subtract(qCounted).subtract(qScheduled);
      cumulative = cumulative.add(balance);
      rows.add(
          new QuarterRow(
              q,
              qNeed,
              qCounted,
              qScheduled,
              balance.max(BigDecimal.ZERO),
              cumulative.max(BigDecimal.ZERO)));
      need = need.add(qNeed);
      supply = supply.add(qCounted).add(qScheduled);
    }
    return new Forecast(rows, changes, need, supply, need.subtract(supply).max(BigDecimal.ZERO));
  }
}
