package dev.bulwark.support.fairshare;

import dev.bulwark.support.ally.BurdenKey;
import dev.bulwark.support.contribution.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The fair-share table of a period: each member ally's share of the baseline and what it
 * contributed, and the alliance's shortfall. Immutable and thread-safe.
 *
 * @param baselineEur the period's part of the yearly baseline
 * @param counted the least status an entry must have reached to count
 * @param totalEligibleEur what all members contributed, counted
 * @param shortfallEur the baseline minus the total, zero when the baseline is met
 * @param sumOfGapsEur the gaps of the allies below their share added up (surpluses of others do not
 *     offset it)
 */
public record FairShareResult(
    Period period,
    BurdenKey key,
    int keyYear,
    BigDecimal baselineEur,
    Status counted,
    List<AllyShare> allies,
    BigDecimal totalEligibleEur,
    BigDecimal shortfallEur,
    BigDecimal sumOfGapsEur) {

  public FairShareResult {
    allies = List.copyOf(allies);
  }

  public Optional<AllyShare> of(String iso3) {
    return allies.stream().filter(a -> a.ally().iso3().equals(iso3)).findFirst();
  }
}
