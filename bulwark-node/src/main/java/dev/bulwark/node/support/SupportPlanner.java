package dev.bulwark.node.support;

import dev.bulwark.support.allocation.AllocationInput;
import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.BurdenKey;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionCsv;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.fairshare.Period;
import dev.bulwark.support.forecast.Forecast;
import dev.bulwark.support.forecast.Forecaster;
import dev.bulwark.support.forecast.PledgeChange;
import dev.bulwark.support.money.ExchangeRates;
import dev.bulwark.support.report.SupportReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The node's use of the support library: the allies, the burden keys (the bundled World Bank GDP,
 * and GNI when the node is given a file), the exchange rates, and the computations the API offers
 * (fair shares, reports, allocation, forecast). Errors the library raises for what the caller asked
 * (no key value for a year, an ally that was not a member) become {@link SupportError}s. Immutable
 * and thread-safe.
 */
public final class SupportPlanner {
  private final Allies allies;
  private final ExchangeRates rates;
  private final Map<BurdenKey, FairShareCalculator> calculators = new HashMap<>();

  public SupportPlanner(
      Allies allies, ExchangeRates rates, EconomicSeries gdp, Optional<EconomicSeries> gni) {
    this.allies = allies;
    this.rates = rates;
    calculators.put(BurdenKey.GDP, new FairShareCalculator(allies, gdp));
    gni.ifPresent(g -> calculators.put(BurdenKey.GNI, new FairShareCalculator(allies, g)));
  }

  /** With the library's bundled data: NATO allies, World Bank GDP, Federal Reserve rates. */
  public static SupportPlanner standard(Optional<EconomicSeries> gni) {
    return new SupportPlanner(
        Allies.nato(), ExchangeRates.federalReserve(), EconomicSeries.worldBankGdp(), gni);
  }

  public Allies allies() {
    return allies;
  }

  public ContributionCsv contributionCsv() {
    return new ContributionCsv(
        allies, rates, ContributionCsv.DEFAULT_EARLIEST, ContributionCsv.DEFAULT_LATEST);
  }

  public FairShareCalculator calculator(BurdenKey key) {
    FairShareCalculator c = calculators.get(key);
    if (c == null) {
      throw SupportError.badParameter(
          "key",
          "this node has no "
              + key.name().toLowerCase(Locale.ROOT)
              + " series (set bulwark.support.gni-file to a World Bank CSV of GNI in current US$)");
    }
    return c;
  }

  public FairShareResult fairShare(ReportQuery q, Collection<Contribution> ledger) {
    try {
      return calculator(q.key())
          .compute(q.focus(), q.baselineEur(), q.keyYear(), q.counted(), ledger);
    } catch (IllegalArgumentException e) {
      throw new SupportError(400, e.getMessage());
    }
  }

  public SupportReport report(
      ReportQuery q,
      Collection<Contribution> ledger,
      OffsetDateTime generated,
      Optional<String> marking) {
    if (q.ally().isPresent() && !allies.contains(q.ally().get())) {
      throw SupportError.badParameter("ally", "unknown ally code '" + q.ally().get() + "'");
    }
    try {
      return SupportReport.build(
          calculator(q.key()),
          ledger,
          q.focus(),
          q.history(),
          q.baselineEur(),
          q.keyYear(),
          q.counted(),
          q.ally(),
          generated,
          marking);
    } catch (IllegalArgumentException e) {
      throw new SupportError(400, e.getMessage());
    }
  }

  /**
   * Allocates the offers to the requirements with the fair shares of a year.
   *
   * @param withLedger count the ledger's entries of that year as already given
   */
  public AllocationResult allocate(
      int year,
      BurdenKey key,
      Optional<Integer> keyYear,
      Status counted,
      boolean withLedger,
      Collection<Contribution> ledger,
      List<Requirement> requirements,
      List<Offer> offers) {
    Period period = Period.year(year);
    AllocationInput input;
    try {
      input =
          AllocationInput.of(
              calculator(key).shares(period, keyYear),
              period,
              withLedger ? ledger : List.of(),
              counted);
    } catch (IllegalArgumentException e) {
      throw new SupportError(400, e.getMessage());
    }
    try {
      return input.allocate(requirements, offers);
    } catch (IllegalArgumentException e) {
      throw new SupportError(400, e.getMessage());
    }
  }

  public Forecast forecast(
      LocalDate from,
      int quarters,
      BigDecimal baselinePerYear,
      Status counted,
      List<Requirement> requirements,
      Collection<Contribution> ledger,
      List<PledgeChange> changes) {
    for (PledgeChange c : changes) {
      if (!allies.contains(c.ally())) {
        throw SupportError.badParameter("change", "unknown ally code '" + c.ally() + "'");
      }
    }
    try {
      return new Forecaster(counted)
          .forecast(from, quarters, baselinePerYear, requirements, ledger, changes);
    } catch (IllegalArgumentException e) {
      throw new SupportError(400, e.getMessage());
    }
  }
}
