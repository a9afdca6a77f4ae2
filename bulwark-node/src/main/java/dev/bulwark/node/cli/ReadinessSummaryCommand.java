package dev.bulwark.node.cli;

import dev.bulwark.node.readiness.DeclarationStore;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.Summary;
import dev.bulwark.readiness.coverage.SummaryJson;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.stix.markings.Reader;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark readiness summary [--as-of DATE] [--json]}: the coverage of the NATO Force Model
 * from the declarations the node's own nation may read. Not thread-safe.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise force declarations against the NATO Force Model: per tier (1: 0-10 days, 100,000; 2: 11-30 days, 200,000; 3: 31-180 days, 500,000) declared, ready (C1-C2) and gap; the curve of personnel available by day 0-180; the '500,000 at high readiness' headline (tiers 1+2); each ally's fair share of each tier by GDP.",
      "Counts the version of each unit valid on the date, as the node's nation may read it."
    },
    footer = "Exit status: 0 done, 2 unreadable store or bad date.")
final class ReadinessSummaryCommand implements Callable<Integer> {
  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The date (YYYY-MM-DD); default today (UTC).")
  LocalDate asOf;

  @Option(names = "--json", description = "One JSON object: tiers, curve, allies (and more).")
  boolean json;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    LocalDate day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    List<Declaration> seen;
    ReadinessStores.quietMigrations();
    try (NodeStores stores = new NodeStores()) {
      DeclarationStore declarations = ReadinessStores.open(stores);
      seen =
          declarations.visibleTo(Reader.of(declarations.nation())).stream()
              .map(DeclarationStore.Visible::declaration)
              .toList();
    } catch (RuntimeException e) {
      System.err.println("cannot read the node's store: " + e.getMessage());
      return 2;
    }
    Summary s = ReadinessCalculator.nato().summary(seen, day);
    if (json) {
      out.println(SummaryJson.write(s).toString());
      return 0;
    }
    out.printf(
        "Force readiness as of %s: %d units (GDP key %d)%n", s.asOf(), s.units(), s.keyYear());
    out.printf(
        "%-5s %-10s %10s %10s %10s %10s %9s%n",
        "tier", "days", "target", "declared", "ready", "gap", "verified");
    for (Summary.TierRow t : s.tiers()) {
      out.printf(
          "%-5d %-10s %,10d %,10d %,10d %,10d %8.0f%%%n",
          t.tier(),
          t.fromDays() + "-" + t.deadlineDays(),
          t.target(),
          t.declared(),
          t.ready(),
          t.gap(),
          100 * t.verifiedShare());
    }
    Summary.Headline h = s.highReadiness();
    out.printf(
        "High readiness (tiers 1+2): %,d declared, %,d ready; model target %,d, claimed %,d%n",
        h.declared(), h.ready(), h.modelTarget(), h.claimed());
    for (int d : new int[] {10, 30, 180}) {
      Summary.CurvePoint c = s.curve().get(d);
      out.printf(
          "By day %3d: %,d declared, %,d ready, target %,d%n",
          d, c.declared(), c.ready(), c.target());
    }
    out.printf(
        "%-5s %10s %10s %12s %12s %12s%n",
        "ally", "declared", "ready", "share T1", "share T2", "share T3");
    for (Summary.AllyRow a : s.allies()) {
      out.printf(
          "%-5s %,10d %,10d %,12d %,12d %,12d%n",
          a.iso3(),
          a.declared(),
          a.ready(),
          a.tiers().get(0).fairShare(),
          a.tiers().get(1).fairShare(),
          a.tiers().get(2).fairShare());
    }
    return 0;
  }
}
