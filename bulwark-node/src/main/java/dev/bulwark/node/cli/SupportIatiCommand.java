package dev.bulwark.node.cli;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.iati.IatiExporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark support iati}: the ledger as an IATI 2.03 activity file. Not thread-safe. */
@Command(
    name = "iati",
    mixinStandardHelpOptions = true,
    description =
        "Export the ledger as IATI 2.03 XML: one activity per donor ally, one transaction per entry "
            + "(pledge = 12 outgoing pledge, commitment/allocation = 2 outgoing commitment, delivered = 3 disbursement), values in EUR.",
    footer = "Exit status: 0 written, 1 nothing to export, 2 unreadable input or usage error.")
final class SupportIatiCommand extends SupportBase {

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path outFile;

  @Option(names = "--ally", paramLabel = "ISO3", description = "Only this ally's entries.")
  String ally;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Only entries on or after DATE (YYYY-MM-DD).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Only entries on or before DATE (YYYY-MM-DD).")
  LocalDate to;

  @Option(
      names = "--reporting-org",
      paramLabel = "REF",
      description = "IATI organisation identifier of the publisher (default: XM-BULWARK).")
  String orgRef;

  @Mixin SupportHome home;

  @Override
  protected int execute() throws IOException {
    List<Contribution> entries =
        home.load().stream()
            .filter(c -> ally == null || c.donor().equals(ally.toUpperCase(Locale.ROOT)))
            .filter(c -> from == null || !c.date().isBefore(from))
            .filter(c -> to == null || !c.date().isAfter(to))
            .toList();
    if (entries.isEmpty()) {
      err.println(
          "nothing to export: no ledger entries"
              + (ally != null || from != null || to != null
                  ? " match the filters"
                  : " in " + home.where()));
      return 1;
    }
    IatiExporter.Publisher publisher = IatiExporter.Publisher.standalone();
    if (orgRef != null) {
      publisher = new IatiExporter.Publisher(orgRef, publisher.orgName(), publisher.orgType());
    }
    try (Writer w = output(outFile)) {
      new IatiExporter(Allies.nato(), publisher)
          .write(entries, OffsetDateTime.now(ZoneOffset.UTC), w);
    }
    if (outFile != null) {
      out.println("wrote " + entries.size() + " transactions to " + outFile);
    }
    return 0;
  }
}
