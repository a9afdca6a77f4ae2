package dev.bulwark.support.report;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The content of a transparency report, alliance-wide or for one ally: the fair-share table of a
 * period, the same table for each half-year of a history (for the shortfall over time), and the
 * ledger entries shown. Renderers ({@link HtmlReport}, {@link CsvReport}, {@link JsonReport}) only
 * format it. Immutable and thread-safe.
 *
 * @param ally empty for the alliance report, else the ISO3 code of the ally
 * @param marking a TLP marking to print on the report (e.g. "TLP:CLEAR"), empty for none
 */
public record SupportReport(
    String title,
    Optional<String> ally,
    FairShareResult focus,
    List<FairShareResult> history,
    List<Contribution> entries,
    OffsetDateTime generated,
    Optional<String> marking) {

  public SupportReport {
    history = List.copyOf(history);
    entries = List.copyOf(entries);
  }

  /**
   * Builds a report.
   *
   * @param focus the period of the main table (usually a year)
   * @param history the periods of the shortfall-over-time chart (usually half-years)
   * @param ally empty for all allies, else one ally's report
   */
  public static SupportReport build(
      FairShareCalculator calculator,
      Collection<Contribution> ledger,
      Period focus,
      List<Period> history,
      BigDecimal baselinePerYearEur,
      Optional<Integer> keyYear,
      Status counted,
      Optional<String> ally,
      OffsetDateTime generated,
      Optional<String> marking) {
    FairShareResult main = calculator.compute(focus, baselinePerYearEur, keyYear, counted, ledger);
    if (ally.isPresent() && main.of(ally.get()).isEmpty()) {
      throw new IllegalArgumentException(
          ally.get() + " is not an ally that was a member in " + focus);
    }
    List<FairShareResult> past =
        history.stream()
            .map(p -> calculator.compute(p, baselinePerYearEur, keyYear, counted, ledger))
            .toList();
    List<Contribution> shown =
        ledger.stream()
            .filter(c -> ally.isEmpty() || c.donor().equals(ally.get()))
            .filter(c -> focus.contains(c.date()))
            .sorted(Comparator.comparing(Contribution::date).thenComparing(Contribution::id))
            .toList();
    String title =
        ally.map(
                a -> "Support to Ukraine: " + main.of(a).orElseThrow().ally().name() + ", " + focus)
            .orElse("Support to Ukraine: fair shares of the allies, " + focus);
    return new SupportReport(title, ally, main, past, shown, generated, marking);
  }
}
