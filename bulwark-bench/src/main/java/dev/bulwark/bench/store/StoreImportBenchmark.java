package dev.bulwark.bench.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.bench.TempDirs;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ImportSummary;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StixImporter;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Validate + store throughput: one bundle of 100,000 objects streamed through the importer into a
 * fresh database, on H2 (embedded file) and on PostgreSQL (the server named by the system property
 * {@code bulwark.bench.postgres.url}). Objects/s = 100,000 / the reported time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreImportBenchmark {
  @Param({"h2", "postgres"})
  public String database;

  @Param({"100000"})
  public int objects;

  private byte[] bundle;
  private HikariDataSource dataSource;
  private Path h2Home;
  private StixImporter importer;

  @Setup(Level.Trial)
  public void makeBundle() {
    bundle = SyntheticBundle.of(objects, 42);
  }

  @Setup(Level.Iteration)
  public void freshDatabase() throws Exception {
    if (database.equals("h2")) {
      Path dir = Files.createTempDirectory("bulwark-bench-");
      h2Home = dir;
      dataSource = NodeDatabase.open(NodeDatabase.defaultUrl(dir), "bulwark", "", 4);
    } else {
      String url = System.getProperty("bulwark.bench.postgres.url", "");
      if (url.isEmpty()) {
        throw new IllegalStateException("set -Dbulwark.bench.postgres.url=jdbc:postgresql://...");
      }
      String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      dataSource =
          NodeDatabase.open(
              url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null, 4);
    }
    ObjectStore store = new ObjectStore(dataSource, Clock.systemUTC());
    store.ensureCollection(new CollectionInfo("bench", "Bench", "benchmark", Set.of()));
    importer = new StixImporter(new StixCodec(), new StixValidator(), store);
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    dataSource.close();
    if (h2Home != null) {
      // each iteration's database is ~120 MB: do not leave them behind
      TempDirs.deleteTree(h2Home);
      h2Home = null;
    }
  }

  @Benchmark
  public ImportSummary validateAndStore() throws Exception {
    ImportSummary summary =
        importer.importFrom(
            new ByteArrayInputStream(bundle), "bench", "bench", new Provenance("EST", "bench"));
    if (summary.stored() != objects) {
      throw new IllegalStateException(
          "stored "
              + summary.stored()
              + " of "
              + objects
              + ": "
              + summary.rejections().stream().limit(3).toList());
    }
    return summary;
  }
}
