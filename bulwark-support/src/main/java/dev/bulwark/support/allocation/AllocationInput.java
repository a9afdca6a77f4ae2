package dev.bulwark.support.allocation;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the allocation weighs offers by, besides the requirements and offers themselves: every
 * ally's fair share of a year, and what each has already given that year (so that an ally behind
 * its share fills more). The node's API and the CLI build it the same way. Immutable and
 * thread-safe.
 *
 * @param shares fair shares by ISO3 code, in the calculator's order
 * @param prior euros already given in the year by ISO3 code (empty when the ledger is not counted)
 */
public record AllocationInput(Map<String, Double> shares, Map<String, Double> prior) {

  public AllocationInput {
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    prior = Collections.unmodifiableMap(new HashMap<>(prior));
  }

  /**
   * The shares of a period with the ledger's entries in it counted as already given.
   *
   * @param shares the fair shares of the period (as a calculator gives them)
   * @param ledger the entries to count; those outside {@code period} or below {@code counted} are
   *     not
   */
  public static AllocationInput of(
      Map<String, BigDecimal> shares,
      Period period,
      Collection<Contribution> ledger,
      Status counted) {
    Map<String, Double> s = new LinkedHashMap<>();
    shares.forEach((k, v) -> s.put(k, v.doubleValue()));
    Map<String, Double> prior = new HashMap<>();
    for (Contribution c : ledger) {
      if (period.contains(c.date()) && c.countsTowardsBaseline(counted)) {
        prior.merge(c.donor(), c.eur().doubleValue(), Double::sum);
      }
    }
    return new AllocationInput(s, prior);
  }

  /** Allocates {@code offers} to {@code requirements} with these shares and prior contributions. */
  public AllocationResult allocate(List<Requirement> requirements, List<Offer> offers) {
    return new Allocator().allocate(requirements, offers, shares, prior);
  }
}
