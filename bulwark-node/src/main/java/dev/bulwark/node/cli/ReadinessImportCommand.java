package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.readiness.DeclarationStore;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.RowError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark readiness import FILE.csv}: checks every row, then stores all of them as new
 * versions of their units in the node's store, or none; the import is recorded in the audit log.
 * Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import force declarations from a CSV file (header row) into the node's store, all or nothing: if any row is bad, every bad row is named with its line and reason and nothing is stored.",
      "Required columns: " + DeclarationCsv.REQUIRED + ".",
      "Optional: tier (1-3 or none; derived from notice_to_move_days when blank: <=10 -> 1, <=30 -> 2, <=180 -> 3), p_level, s_level, r_level, t_level (SORTS sub-ratings 1-5), equipment (kind=count;kind=count), releasable_to (nations or groups, ;-separated).",
      "A row with the same nation and unit as one stored is a new version of that unit."
    },
    footer =
        "Exit status: 0 all stored, 1 rows rejected (nothing stored), 2 unreadable file or store.")
final class ReadinessImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE.csv", description = "The declarations CSV.")
  Path file;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println(file + ": no such file or not readable");
      return 2;
    }
    DeclarationCsv.Result result;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      result = new DeclarationCsv(Allies.nato()).read(in, file.getFileName().toString());
    } catch (DeclarationCsv.UnreadableException e) {
      err.println("unreadable: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println(file + ": cannot read: " + e.getMessage());
      return 2;
    }
    if (!result.ok()) {
      List<RowError> errors = result.errors();
      err.println(
          file
              + ": "
              + errors.size()
              + " bad row"
              + (errors.size() == 1 ? "" : "s")
              + "; nothing was imported:");
      errors.stream()
          .limit(200)
          .forEach(e -> err.println("  line " + e.line() + ": " + e.reason()));
      if (errors.size() > 200) {
        err.println("  ... and " + (errors.size() - 200) + " more");
      }
      return 1;
    }
    try (NodeStores stores = new NodeStores()) {
      DeclarationStore declarations = ReadinessStores.open(stores);
      List<DeclarationStore.Stored> done = declarations.store(result.rows(), NodeStores.operator());
      stores.record(
          "readiness.import",
          DeclarationStore.COLLECTION,
          Decision.ALLOW,
          done.stream().limit(1000).map(s -> s.id() + "@" + s.modified()).toList(),
          file + ": " + done.size() + " new versions");
      out.println(
          "imported "
              + done.size()
              + " declarations into collection "
              + DeclarationStore.COLLECTION);
      return 0;
    } catch (RuntimeException e) {
      err.println("cannot store in the node's store: " + e.getMessage());
      return 2;
    }
  }
}
