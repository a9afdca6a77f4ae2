package dev.bulwark.support.forecast;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quarter-by-quarter forecast of support against needs. Immutable and thread-safe.
 *
 * @param changes the what-if changes applied (empty for the baseline forecast)
 * @param totalGapEur the cumulative gap at the end (zero when needs are covered overall)
 */
public record Forecast(
    List<QuarterRow> quarters,
    List<PledgeChange> changes,
    BigDecimal totalNeedEur,
    BigDecimal totalSupplyEur,
    BigDecimal totalGapEur) {
  public Forecast {
    quarters = List.copyOf(quarters);
    changes = List.copyOf(changes);
  }
}
