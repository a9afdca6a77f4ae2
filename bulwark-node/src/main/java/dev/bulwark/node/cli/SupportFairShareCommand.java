package dev.bulwark.node.cli;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.AllyShare;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.fairshare.Period;
import dev.bulwark.support.report.JsonReport;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark support fair-share --year Y}: each ally's share of the baseline and its gap. Not
 * thread-safe.
 */
@Command(
    name = "fair-share",
    mixinStandardHelpOptions = true,
    description =
        "Each ally's fair share of the baseline (by GDP unless --key gni), what it contributed from the ledger, its gap, and the alliance's shortfall.",
    footer = {
      "Example: bulwark support fair-share --year 2024   (2023 GDP: United States 52.88 %%, EUR 21.15 bn of EUR 40 bn)",
      "Exit status: 0 ok, 1 invalid input, 2 unreadable input or usage error."
    })
final class SupportFairShareCommand extends SupportBase {

  @Option(
      names = "--year",
      required = true,
      paramLabel = "YEAR",
      description = "The year of the period; members are those of its last day.")
  int year;

  @Option(
      names = "--half",
      paramLabel = "1|2",
      description = "Only the first or second half-year (half the baseline).")
  Integer half;

  @Option(names = "--json", description = "Print the table as JSON (money as decimal strings).")
  boolean json;

  @Mixin SupportKeyOptions key;
  @Mixin SupportHome home;

  @Override
  protected int execute() {
    if (year < 1949 || year > 2200) {
      throw new SupportFailure(2, "--year " + year + " is out of range");
    }
    Period period = half == null ? Period.year(year) : Period.half(year, half);
    List<Contribution> ledger = home.counted();
    FairShareResult r =
        key.calculator().compute(period, key.baseline, key.keyYear(), key.count, ledger);
    if (json) {
      out.println(
          JsonMapper.builder()
              .build()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(JsonReport.period(r, null)));
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "Fair shares for %s: baseline EUR %,.2f by %s %d (%d members); counted at status %s or beyond%n",
        r.period(),
        r.baselineEur(),
        r.key(),
        r.keyYear(),
        r.allies().size(),
        r.counted().name().toLowerCase(Locale.ROOT));
    out.printf(
        Locale.ROOT,
        "%-4s %-16s %8s %20s %20s %20s%n",
        "ISO",
        "ally",
        "share",
        "fair share EUR",
        "counted EUR",
        "gap EUR");
    for (AllyShare a : r.allies()) {
      out.printf(
          Locale.ROOT,
          "%-4s %-16s %7.3f%% %,20.2f %,20.2f %,20.2f%n",
          a.ally().iso3(),
          a.ally().name(),
          a.share().doubleValue() * 100,
          a.fairShareEur(),
          a.eligibleEur(),
          a.gapEur());
    }
    out.printf(
        Locale.ROOT,
        "%-21s %8s %,20.2f %,20.2f %,20.2f%n",
        "alliance",
        "100%",
        r.baselineEur(),
        r.totalEligibleEur(),
        r.sumOfGapsEur());
    if (ledger.isEmpty()) {
      // nothing counted is not a measured shortfall: the whole baseline would read as one
      out.println("Shortfall against the baseline: not measured (the ledger is empty)");
      return 0;
    }
    out.printf(Locale.ROOT, "Shortfall against the baseline: EUR %,.2f%n", r.shortfallEur());
    return 0;
  }
}
