package dev.bulwark.node.cli;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ImportResult;
import dev.bulwark.support.kiel.KielImporter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark support import-kiel FILE}: loads a Kiel tracker release into the ledger and
 * records the import in the node's audit log. Not thread-safe.
 */
@Command(
    name = "import-kiel",
    mixinStandardHelpOptions = true,
    description = {
      "Import a release of the Kiel Ukraine Support Tracker (its data_explorer.csv: monthly EUR bn per donor) into the ledger "
          + "as allocations (military, humanitarian, financial) and changes in unallocated commitments. Donors that are not allies are skipped.",
      "Source: Kiel Institute for the World Economy, Ukraine Support Tracker. The file is not shipped with Bulwark; download it from the Kiel Institute.",
      "A release revises history, so a ledger holds one release: importing another is refused."
    },
    footer =
        "Exit status: 0 imported, 1 bad rows or a release already imported (nothing imported), 2 unreadable input or usage error.")
final class SupportImportKielCommand extends SupportBase {

  @Parameters(paramLabel = "FILE", description = "The tracker's data_explorer.csv.")
  Path file;

  @Option(
      names = "--release",
      paramLabel = "LABEL",
      description =
          "Label of the release, part of every entry's id and source (default: the file name without .csv).")
  String release;

  @Mixin SupportHome home;

  @Override
  protected int execute() throws IOException {
    String label =
        release != null ? release : file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
    if (!label.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new SupportFailure(
          2, "--release must be 1-64 letters, digits, '.', '_' or '-', not '" + label + "'");
    }
    List<Contribution> existing = home.load();
    Optional<String> previous =
        existing.stream().map(Contribution::id).filter(id -> id.startsWith("kiel:")).findFirst();
    if (previous.isPresent()) {
      err.println(
          home.where()
              + " already holds a Kiel tracker release ("
              + previous.get().split(":")[1]
              + "); a release revises history, so importing another would count aid twice. Nothing imported.");
      return 1;
    }
    KielImporter.Result result;
    try (Reader in = Files.newBufferedReader(readable(file), StandardCharsets.UTF_8)) {
      result = new KielImporter(Allies.nato()).read(in, file.toString(), label);
    }
    if (!result.ok()) {
      return errors(file.toString(), result.errors());
    }
    String into =
        home.append(
            new ImportResult(result.contributions(), List.of(), result.rowsRead()),
            "support.import-kiel",
            file.toString(),
            " (release " + label + ")");
    out.println(
        "imported "
            + result.contributions().size()
            + " entries from "
            + (result.rowsRead() - result.rowsSkipped())
            + " rows of allies into "
            + into);
    if (result.rowsSkipped() > 0) {
      out.println(
          "skipped "
              + result.rowsSkipped()
              + " rows of donors that are not allies: "
              + String.join(", ", result.skippedDonors()));
    }
    out.println("source: " + KielImporter.CITATION + ", release " + label);
    return 0;
  }
}
