package dev.bulwark.node.cli;

import dev.bulwark.support.allocation.AllocationCsv;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.forecast.Forecast;
import dev.bulwark.support.forecast.Forecaster;
import dev.bulwark.support.forecast.PledgeChange;
import dev.bulwark.support.forecast.QuarterRow;
import dev.bulwark.support.json.ForecastJson;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bulwark support forecast}: quarter-by-quarter support against needs, with what-ifs. Not
 * thread-safe.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description =
        "Forecast, quarter by quarter, support from the ledger (counted entries and pledged or committed schedules) against needs "
            + "(the baseline spread over quarters plus requirements falling due), with the gap; --what-if changes an ally's scheduled support.",
    footer = {
      "Example: bulwark support forecast --from 2025-01-01 --years 3 --what-if DEU=+50%% --what-if USA=0",
      "Exit status: 0 needs covered, 1 a gap remains or invalid input, 2 unreadable input or usage error."
    })
final class SupportForecastCommand extends SupportBase {

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day in the first quarter (default: today).")
  LocalDate from;

  @Option(names = "--years", paramLabel = "N", description = "How many years (default: 3).")
  int years = 3;

  @Option(
      names = "--baseline",
      paramLabel = "EUR",
      description =
          "Yearly need regardless of requirements (default: 40000000000; 0 to count only requirements).")
  BigDecimal baseline = FairShareCalculator.WASHINGTON_BASELINE_EUR;

  @Option(
      names = "--requirements",
      paramLabel = "CSV",
      description = "Requirements whose value is added to the quarter of their need-by date.")
  Path requirements;

  @Option(
      names = "--what-if",
      paramLabel = "ISO3=FACTOR",
      description = "Scale an ally's scheduled support: DEU=1.5, DEU=+50%%, USA=0 (repeatable).")
  List<String> whatIf = new ArrayList<>();

  @Option(
      names = "--count",
      paramLabel = "STATUS",
      description =
          "Least status counted as given (default: allocation); lower statuses are schedules.")
  Status count = Status.ALLOCATION;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Mixin SupportHome home;

  @Override
  protected int execute() throws IOException {
    if (years < 1 || years > 20) {
      throw new SupportFailure(2, "--years must be 1..20");
    }
    List<PledgeChange> changes = new ArrayList<>();
    for (String w : whatIf) {
      PledgeChange c = PledgeChange.parse(w);
      if (!Allies.nato().contains(c.ally())) {
        throw new SupportFailure(2, "--what-if: unknown ally code '" + c.ally() + "'");
      }
      changes.add(c);
    }
    List<Requirement> needs = List.of();
    if (requirements != null) {
      try (Reader in = Files.newBufferedReader(readable(requirements), StandardCharsets.UTF_8)) {
        AllocationCsv.Parsed<Requirement> parsed =
            new AllocationCsv(Allies.nato()).requirements(in, requirements.toString());
        if (!parsed.ok()) {
          return errors(requirements.toString(), parsed.errors());
        }
        needs = parsed.items();
      }
    }
    LocalDate start = from != null ? from : LocalDate.now(ZoneOffset.UTC);
    var ledger = home.counted();
    Forecaster forecaster = new Forecaster(count);
    Forecast base = forecaster.forecast(start, years * 4, baseline, needs, ledger, List.of());
    Forecast what =
        changes.isEmpty()
            ? base
            : forecaster.forecast(start, years * 4, baseline, needs, ledger, changes);
    if (json) {
      JsonMapper mapper = JsonMapper.builder().build();
      ObjectNode root = mapper.createObjectNode();
      root.set("forecast", ForecastJson.forecast(base));
      if (!changes.isEmpty()) {
        root.set("what_if", ForecastJson.forecast(what));
      }
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      print("Forecast", base);
      if (!changes.isEmpty()) {
        print("What if " + String.join(", ", whatIf), what);
        out.printf(
            Locale.ROOT,
            "Change in the final gap: EUR %,.2f%n",
            what.totalGapEur().subtract(base.totalGapEur()));
      }
    }
    return what.totalGapEur().signum() > 0 ? 1 : 0;
  }

  private void print(String title, Forecast f) {
    out.println(title + " (need, counted, scheduled, gap, cumulative gap; EUR):");
    for (QuarterRow q : f.quarters()) {
      out.printf(
          Locale.ROOT,
          "  %-8s %,20.2f %,20.2f %,20.2f %,20.2f %,20.2f%n",
          q.quarter(),
          q.needEur(),
          q.countedEur(),
          q.scheduledEur(),
          q.gapEur(),
          q.cumulativeGapEur());
    }
    out.printf(
        Locale.ROOT,
        "  total need EUR %,.2f, support EUR %,.2f, gap EUR %,.2f%n",
        f.totalNeedEur(),
        f.totalSupplyEur(),
        f.totalGapEur());
  }
}
