package dev.bulwark.node.cli;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.Period;
import dev.bulwark.support.report.CsvReport;
import dev.bulwark.support.report.HtmlReport;
import dev.bulwark.support.report.JsonReport;
import dev.bulwark.support.report.SupportReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulwark support report}: the transparency report, alliance-wide or for one ally. Not
 * thread-safe.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the transparency report from the ledger: fair share against counted support per ally, the shortfall per half-year "
            + "and the entries; as a self-contained HTML page with inline SVG charts, as CSV or as JSON.",
    footer = "Exit status: 0 written, 1 invalid input, 2 unreadable input or usage error.")
final class SupportReportCommand extends SupportBase {

  enum Format {
    HTML,
    CSV,
    JSON
  }

  @Option(
      names = "--format",
      paramLabel = "html|csv|json",
      description = "Output format (default: html).")
  Format format = Format.HTML;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path outFile;

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description =
          "Year of the main table (default: the latest year with ledger entries, else this year).")
  Integer year;

  @Option(
      names = "--since",
      paramLabel = "YEAR",
      description =
          "First year of the half-year history (default: the first year with ledger entries, at most 5 years back).")
  Integer since;

  @Option(
      names = "--ally",
      paramLabel = "ISO3",
      description = "One ally's report instead of the alliance's.")
  String ally;

  @Option(
      names = "--marking",
      paramLabel = "TEXT",
      description = "Marking printed on the report, e.g. TLP:CLEAR.")
  String marking;

  @Mixin SupportKeyOptions key;
  @Mixin SupportHome home;

  @Override
  protected int execute() throws IOException {
    if (outFile == null && format == Format.HTML && System.console() != null) {
      // a page of HTML and SVG is unreadable on a terminal
      throw new SupportFailure(
          2,
          "the HTML report is a web page: give --out report.html (or redirect it: > report.html),"
              + " or --format csv to read it here");
    }
    List<Contribution> ledger = home.counted();
    int now = LocalDate.now(ZoneOffset.UTC).getYear();
    int focus =
        year != null
            ? year
            : ledger.stream()
                .mapToInt(c -> c.date().getYear())
                .filter(y -> y <= now)
                .max()
                .orElse(now);
    int first =
        since != null
            ? since
            : Math.max(
                focus - 4, ledger.stream().mapToInt(c -> c.date().getYear()).min().orElse(focus));
    if (focus == now) {
      err.println(
          "the year "
              + now
              + " is not over: its figures count the ledger up to today (a partial year)");
    }
    if (first > focus) {
      throw new SupportFailure(2, "--since " + first + " is after the report's year " + focus);
    }
    List<Period> history = new ArrayList<>();
    for (int y = first; y <= focus; y++) {
      history.addAll(Period.halves(y));
    }
    SupportReport report =
        SupportReport.build(
            key.calculator(),
            ledger,
            Period.year(focus),
            history,
            key.baseline,
            key.keyYear(),
            key.count,
            Optional.ofNullable(ally).map(a -> a.toUpperCase(Locale.ROOT)),
            OffsetDateTime.now(ZoneOffset.UTC),
            Optional.ofNullable(marking));
    try (Writer w = output(outFile)) {
      switch (format) {
        case HTML -> HtmlReport.write(report, w);
        case CSV -> CsvReport.write(report, w);
        case JSON -> JsonReport.write(report, w);
      }
    }
    if (outFile != null) {
      out.println(
          "wrote "
              + format.name().toLowerCase(Locale.ROOT)
              + " report for "
              + focus
              + " ("
              + ledger.size()
              + " ledger entries) to "
              + outFile);
    }
    return 0;
  }
}
