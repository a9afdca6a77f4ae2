package dev.bulwark.node.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Set;

/**
 * A separate process for {@link AcknowledgedWritesSurviveACrashTest}: adds objects one by one to
 * the database at the URL in {@code args[0]} and prints {@code ACK n} after each commit, until it
 * is killed.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) {
    HikariDataSource ds = NodeDatabase.open(args[0], "bulwark", "", 2);
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    store.ensureCollection(new CollectionInfo("intel", "Intel", "crash test", Set.of()));
    Provenance provenance = new Provenance("EST", "crash-test");
    for (int i = 0; ; i++) {
      store.add(
          "intel",
          ObjectStoreTest.indicator(String.format("%012d", i), "2024-01-01T00:00:00.000Z"),
          provenance);
      System.out.println("ACK " + i);
      System.out.flush();
    }
  }
}
