package dev.bulwark.bench.readiness;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.bench.TempDirs;
import dev.bulwark.node.readiness.DeclarationStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.SummaryJson;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.validation.StixValidator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The summary over 50,000 declarations (10,000 units of 32 allies × 5 yearly versions) as the node
 * serves it: stored as STIX versions in an embedded H2 store, then per round read back through the
 * read gate for one reader (the node's nation, who sees all), parsed, summarised and written as
 * JSON; and the library part alone. Prints wall-clock and process CPU time per round. Usage: {@code
 * ReadinessSummaryProbe [units] [years] [rounds]}. Not thread-safe.
 */
public final class ReadinessSummaryProbe {
  private ReadinessSummaryProbe() {}

  public static void main(String[] args) throws Exception {
    int units = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int years = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SyntheticDeclarations data = new SyntheticDeclarations(units, years, 22);
    LocalDate asOf = LocalDate.of(2026, 6, 30);
    ReadinessCalculator calc = ReadinessCalculator.nato();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path home = Files.createTempDirectory("bulwark-readiness-bench-");
    try (HikariDataSource ds = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 4)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      DeclarationStore declarations =
          new DeclarationStore(
              store,
              new AccessPolicy(store),
              new StixValidator(),
              "EST",
              Set.of("NATO"),
              Clock.systemUTC());
      long t0 = System.nanoTime();
      List<DeclarationCsv.Row> batch = new ArrayList<>();
      int line = 1;
      for (Declaration d : data.all) {
        batch.add(new DeclarationCsv.Row(++line, d, Set.of()));
        if (batch.size() == 5_000) {
          declarations.store(batch, "bench");
          batch.clear();
        }
      }
      declarations.store(batch, "bench");
      System.out.printf(
          "stored %d declarations in %.1f s%n", data.all.size(), (System.nanoTime() - t0) / 1e9);
      for (int r = 1; r <= rounds; r++) {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        List<Declaration> seen =
            declarations.visibleTo(Reader.of("EST")).stream()
                .map(DeclarationStore.Visible::declaration)
                .toList();
        long read = System.nanoTime();
        String json = SummaryJson.write(calc.summary(seen, asOf)).toString();
        long end = System.nanoTime();
        System.out.printf(
            "round %d: node summary %d ms (read through the gate %d ms, summary+JSON %d ms),"
                + " CPU %d ms, %d versions, %d bytes%n",
            r,
            (end - wall) / 1_000_000,
            (read - wall) / 1_000_000,
            (end - read) / 1_000_000,
            (os.getProcessCpuTime() - cpu) / 1_000_000,
            seen.size(),
            json.length());
      }
      for (int r = 1; r <= rounds; r++) {
        long wall = System.nanoTime();
        SummaryJson.write(calc.summary(data.all, asOf)).toString();
        System.out.printf(
            "round %d: library summary+JSON %d ms%n", r, (System.nanoTime() - wall) / 1_000_000);
      }
    } finally {
      TempDirs.deleteTree(home);
    }
  }
}
