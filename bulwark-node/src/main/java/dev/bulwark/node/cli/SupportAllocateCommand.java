package dev.bulwark.node.cli;

import dev.bulwark.support.allocation.AllocationCsv;
import dev.bulwark.support.allocation.AllocationInput;
import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.AllyOutcome;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.OfferOutcome;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.allocation.RequirementOutcome;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.fairshare.Period;
import dev.bulwark.support.json.AllocationJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark support allocate}: assigns offers to requirements and explains the result. Not
 * thread-safe.
 */
@Command(
    name = "allocate",
    mixinStandardHelpOptions = true,
    description = {
      "Assign allies' offers to Ukraine's requirements with a linear program: first the least priority-weighted shortfall "
          + "(priority 1 weighs 5, priority 5 weighs 1), then the smallest largest deviation of any offering ally from its fair share; "
          + "an offer fills a requirement only if it is available by the need-by date. Says who fills what, what stays short and why.",
      "requirements CSV: id,coalition,item,quantity,unit_value_eur,priority,need_by",
      "offers CSV:       id,ally,kind,coalition,item,quantity,available_from   (kind items|funds; funds: quantity in EUR, blank coalition = any)"
    },
    footer =
        "Exit status: 0 every requirement filled, 1 a shortfall remains or invalid input, 2 unreadable input or usage error.")
final class SupportAllocateCommand extends SupportBase {

  @Option(
      names = "--requirements",
      required = true,
      paramLabel = "CSV",
      description = "Requirements.")
  Path requirements;

  @Option(names = "--offers", required = true, paramLabel = "CSV", description = "Offers.")
  Path offers;

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "Year whose members and burden key give the fair shares (default: this year).")
  Integer year;

  @Option(
      names = "--with-ledger",
      description =
          "Count the ledger's contributions of that year as already given, so allies behind their share fill more.")
  boolean withLedger;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Mixin SupportKeyOptions key;
  @Mixin SupportHome home;

  @Override
  protected int execute() throws IOException {
    AllocationCsv csv = new AllocationCsv(Allies.nato());
    AllocationCsv.Parsed<Requirement> reqs;
    AllocationCsv.Parsed<Offer> offs;
    try (Reader in = Files.newBufferedReader(readable(requirements), StandardCharsets.UTF_8)) {
      reqs = csv.requirements(in, requirements.toString());
    }
    try (Reader in = Files.newBufferedReader(readable(offers), StandardCharsets.UTF_8)) {
      offs = csv.offers(in, offers.toString());
    }
    if (!reqs.ok() || !offs.ok()) {
      if (!reqs.ok()) {
        errors(requirements.toString(), reqs.errors());
      }
      if (!offs.ok()) {
        errors(offers.toString(), offs.errors());
      }
      return 1;
    }
    int y = year != null ? year : LocalDate.now(ZoneOffset.UTC).getYear();
    Period period = Period.year(y);
    AllocationInput input =
        AllocationInput.of(
            key.calculator().shares(period, key.keyYear()),
            period,
            withLedger ? home.counted() : List.of(),
            key.count);
    AllocationResult result = input.allocate(reqs.items(), offs.items());
    if (json) {
      out.println(
          JsonMapper.builder()
              .build()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(AllocationJson.allocation(result, y)));
    } else {
      print(result);
    }
    return result.shortfallEur() > 0.005 ? 1 : 0;
  }

  private void print(AllocationResult r) {
    out.println("Requirements:");
    for (RequirementOutcome o : r.requirements()) {
      Requirement q = o.requirement();
      out.printf(
          Locale.ROOT,
          "  %s  %s %s x%s (priority %d, by %s): %s%n",
          q.id(),
          q.coalition().name().toLowerCase(Locale.ROOT),
          q.item(),
          num(q.quantity()),
          q.priority(),
          q.needBy(),
          o.explanation());
    }
    out.println("Offers:");
    for (OfferOutcome o : r.offers()) {
      Offer f = o.offer();
      out.printf(
          Locale.ROOT,
          "  %s  %s %s %s: used %s of %s%s%n",
          f.id(),
          f.ally(),
          f.kind().name().toLowerCase(Locale.ROOT),
          f.kind() == Offer.Kind.FUNDS ? "EUR" : f.item(),
          num(o.used()),
          num(f.quantity()),
          o.unused() > 0 ? "; " + o.explanation() : "");
    }
    out.println("Allies (value allocated against fair share among the offering allies, EUR):");
    for (AllyOutcome a : r.allies()) {
      out.printf(
          Locale.ROOT,
          "  %-4s allocated %,18.2f  prior %,18.2f  target %,18.2f  deviation %,+18.2f%n",
          a.ally(),
          a.allocatedEur(),
          a.priorEur(),
          a.targetEur(),
          a.deviationEur());
    }
    out.printf(
        Locale.ROOT,
        "Shortfall: EUR %,.2f (priority-weighted %,.2f); largest deviation from a fair share: EUR %,.2f; %d LP variables, fairness stage %s, %d ms%n",
        r.shortfallEur(),
        r.weightedShortfallEur(),
        r.maxDeviationEur(),
        r.variables(),
        r.stage2().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        r.solveMillis());
  }

  private static String num(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-6 * Math.max(1, Math.abs(v))
        ? Long.toString(Math.round(v))
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
