package dev.bulwark.node.cli;

import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.migration.CrossingCsv;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.incidents.MigrationCountStore;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark migration import FILE.csv}: stores daily crossing counts (columns {@code date},
 * {@code crossing_point}, {@code nationality_group}, {@code count}), all or nothing: one bad row
 * rejects the file, every bad row printed with its line and reason. A count for a day, point and
 * group already held is replaced. Audited. Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import daily border-crossing counts (CSV) into the node.",
    footer = {
      "CSV columns (header row, any order): date (YYYY-MM-DD), crossing_point, nationality_group,",
      "count (a whole number). One row per day, point and group.",
      "Exit status: 0 stored, 1 the file was rejected, 2 unreadable input or store."
    })
final class MigrationImportCommand implements Callable<Integer> {
  private static final int SHOWN = 50;

  @Parameters(paramLabel = "FILE.csv", description = "The counts; - reads stdin.")
  String file;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      defaultValue = "cli",
      description = "Who is recorded as having imported them (default: ${DEFAULT-VALUE}).")
  String addedBy;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    CrossingCsv.Result read;
    try (InputStream in = StixValidateCommand.open(file)) {
      read = CrossingCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      out.printf("%s: no such file%n", file);
      return 2;
    } catch (IOException e) {
      out.printf("%s: unreadable: %s%n", file, e.getMessage());
      return 2;
    }
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      if (!read.ok()) {
        out.printf("%s: rejected, nothing stored (%d problem(s))%n", file, read.problems().size());
        read.problems().stream()
            .limit(SHOWN)
            .map(Problem::toString)
            .forEach(p -> out.printf("  %s%n", p));
        if (read.problems().size() > SHOWN) {
          out.printf("  ... and %d more%n", read.problems().size() - SHOWN);
        }
        stores.record(
            "migration.import", "", Decision.DENY, List.of(), file + ": rejected; by " + addedBy);
        return 1;
      }
      MigrationCountStore.Written w =
          new MigrationCountStore(stores.dataSource)
              .putAll(read.counts(), settings.nation(), addedBy, micros(Instant.now()));
      out.printf("%s: %d counts added, %d replaced%n", file, w.added(), w.replaced());
      stores.record(
          "migration.import",
          "",
          Decision.ALLOW,
          List.of(),
          String.format(
              "%s: %d added, %d replaced; by %s", file, w.added(), w.replaced(), addedBy));
      return 0;
    } catch (StoreException | IllegalStateException e) {
      System.err.printf(
          "bulwark: cannot use the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }
}
