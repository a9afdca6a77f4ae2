package dev.bulwark.support.fairshare;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.Ally;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes fair shares of the baseline in proportion to a burden key (GDP by default), as agreed at
 * the 2024 Washington summit, and sets each ally's counted contributions against its share. The
 * members are the allies that were members on the last day of the period; the key year defaults to
 * the latest year, not after the period's year, for which every member has a value. Shares are
 * split to the cent by largest remainder, so they always sum to the baseline exactly. Immutable and
 * thread-safe.
 */
public final class FairShareCalculator {

  /** The Washington summit's minimum baseline: EUR 40 billion a year. */
  public static final BigDecimal WASHINGTON_BASELINE_EUR = new BigDecimal("40000000000.00");

  private final Allies allies;
  private final EconomicSeries key;

  public FairShareCalculator(Allies allies, EconomicSeries key) {
    this.allies = allies;
    this.key = key;
  }

  /**
   * The fair-share table.
   *
   * @param baselinePerYearEur the yearly baseline; a shorter period gets its months' part of it
   * @param keyYear the year of the burden key, or empty for the latest complete one
   * @param counted the least status that counts (DELIVERED for the strict reading of the pledge)
   * @throws IllegalArgumentException when the key has no value for some member in that year
   */
  public FairShareResult compute(
      Period period,
      BigDecimal baselinePerYearEur,
      Optional<Integer> keyYear,
      Status counted,
      Collection<Contribution> contributions) {
    if (baselinePerYearEur.signum() < 0) {
      throw new IllegalArgumentException("baseline must not be negative");
    }
    List<Ally> members = allies.membersOn(period.end());
    if (members.isEmpty()) {
      throw new IllegalArgumentException("no allies were members at the end of " + period);
    }
    int year = resolveKeyYear(members, period, keyYear);
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    for (Ally a : members) {
      weights.put(a.iso3(), key.value(a.iso3(), year).orElseThrow());
    }
    BigDecimal baseline = period.shareOfYear(baselinePerYearEur);
    Map<String, BigDecimal> fair = LargestRemainder.split(baseline, weights);
    BigDecimal totalKey = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

    Map<String, List<Contribution>> byDonor =
        contributions.stream()
            .filter(c -> period.contains(c.date()))
            .collect(Collectors.groupingBy(Contribution::donor));
    List<AllyShare> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal gaps = BigDecimal.ZERO;
    for (Ally a : members) {
      List<Contribution> own = byDonor.getOrDefault(a.iso3(), List.of());
      BigDecimal eligible =
          sum(own.stream().filter(c -> c.countsTowardsBaseline(counted)).toList());
      BigDecimal pledged = sum(own.stream().filter(c -> c.category().eligible()).toList());
      BigDecimal reporting = sum(own.stream().filter(c -> !c.category().eligible()).toList());
      BigDecimal share = fair.get(a.iso3());
      BigDecimal gap = share.subtract(eligible).max(BigDecimal.ZERO);
      BigDecimal surplus = eligible.subtract(share).max(BigDecimal.ZERO);
      rows.add(
          new AllyShare(
              a,
              weights.get(a.iso3()),
              weights.get(a.iso3()).divide(totalKey, 10, RoundingMode.HALF_EVEN),
              share,
              eligible,
              gap,
              surplus,
              pledged,
              reporting));
      total = total.add(eligible);
      gaps = gaps.add(gap);
    }
    return new FairShareResult(
        period,
        key.key(),
        year,
        baseline,
        counted,
        rows,
        total,
        baseline.subtract(total).max(BigDecimal.ZERO),
        gaps);
  }

  /** Each member's share (a fraction summing to 1) for the period, used by the allocation. */
  public Map<String, BigDecimal> shares(Period period, Optional<Integer> keyYear) {
    List<Ally> members = allies.membersOn(period.end());
    int year = resolveKeyYear(members, period, keyYear);
    BigDecimal total =
        members.stream()
            .map(a -> key.value(a.iso3(), year).orElseThrow())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Ally a : members) {
      out.put(
          a.iso3(),
          key.value(a.iso3(), year).orElseThrow().divide(total, 12, RoundingMode.HALF_EVEN));
    }
    return out;
  }

  private int resolveKeyYear(List<Ally> members, Period period, Optional<Integer> keyYear) {
    Set<String> codes = members.stream().map(Ally::iso3).collect(Collectors.toSet());
    if (keyYear.isPresent()) {
      int y = keyYear.get();
      List<String> lacking =
          codes.stream().filter(c -> key.value(c, y).isEmpty()).sorted().toList();
      if (!lacking.isEmpty()) {
        throw new IllegalArgumentException("no " + key.key() + " for " + y + " for " + lacking);
      }
      return y;
    }
    return key.latestCompleteYear(codes, period.end().getYear())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no year up to "
                        + period.end().getYear()
                        + " has "
                        + key.key()
                        + " for every member"));
  }

  private static BigDecimal sum(List<Contribution> list) {
    return list.stream()
        .map(Contribution::eur)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2);
  }

  /** Reporting-only categories, for callers that list them. */
  public static List<Category> reportingOnly() {
    return Arrays.stream(Category.values()).filter(c -> !c.eligible()).toList();
  }
}
