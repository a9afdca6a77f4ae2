package dev.bulwark.node.cli;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.ContributionCsv;
import dev.bulwark.support.contribution.ImportResult;
import dev.bulwark.support.money.ExchangeRates;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark support import FILE}: appends a contributions CSV to the ledger, all of it or
 * nothing, and records the import in the node's audit log. Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Append contributions from a CSV file to the ledger. Every row is checked first; if any row is bad, every bad row is listed and nothing is imported.",
      "Columns: "
          + "id,donor,date,status,category,channel,coalition,amount,currency,eur,valuation,fx_basis,description,source "
          + "(id, coalition, eur, fx_basis, description, source may be blank; a blank eur is converted at the year's annual Federal Reserve rate). "
          + "Corrections are negative amounts."
    },
    footer =
        "Exit status: 0 imported, 1 bad rows (nothing imported), 2 unreadable input or usage error.")
final class SupportImportCommand extends SupportBase {

  @Parameters(paramLabel = "FILE", description = "Contributions CSV.")
  Path file;

  @Option(
      names = "--rates",
      paramLabel = "CSV",
      description =
          "More exchange rates, units per USD: Date,Country,Exchange rate (Country may be an ISO 4217 code such as GBP or PLN).")
  Path rates;

  @Mixin SupportHome home;

  @Override
  protected int execute() throws IOException {
    ExchangeRates table = ExchangeRates.federalReserve();
    if (rates != null) {
      try (Reader in = Files.newBufferedReader(readable(rates), StandardCharsets.UTF_8)) {
        ExchangeRates.Loaded extra = ExchangeRates.read(in, rates.toString());
        if (!extra.errors().isEmpty()) {
          return errors(rates.toString(), extra.errors());
        }
        table = table.with(extra.rates());
      }
    }
    ImportResult result;
    try (Reader in = Files.newBufferedReader(readable(file), StandardCharsets.UTF_8)) {
      result =
          new ContributionCsv(
                  Allies.nato(),
                  table,
                  ContributionCsv.DEFAULT_EARLIEST,
                  ContributionCsv.DEFAULT_LATEST)
              .read(
                  in,
                  file.getFileName().toString(),
                  home.load().stream().map(c -> c.id()).toList());
    }
    if (!result.ok()) {
      return errors(file.toString(), result.errors());
    }
    String into =
        home.append(
            result,
            "support.import",
            file.toString(),
            rates == null ? "" : " (rates " + rates + ")");
    out.println("imported " + result.contributions().size() + " contributions into " + into);
    return 0;
  }
}
