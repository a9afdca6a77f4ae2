package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kills a writing process with SIGKILL on the embedded database and checks that every write it had
 * acknowledged is there when the database is opened again.
 */
class AcknowledgedWritesSurviveACrashTest {

  @Test
  void everyAcknowledgedObjectIsStillThereAfterSigkill() throws Exception {
    Path dir = TempDirs.create("bulwark-crash-");
    String url = NodeDatabase.defaultUrl(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                url)
            .redirectErrorStream(true)
            .start();
    int lastAck = -1;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          lastAck = Integer.parseInt(line.substring(4));
          if (lastAck >= 300) {
            writer.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
            break;
          }
        }
      }
    } finally {
      writer.destroyForcibly();
      writer.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lastAck)
        .as("the writer acknowledged writes before it was killed")
        .isGreaterThanOrEqualTo(300);

    try (HikariDataSource ds = NodeDatabase.open(url, "bulwark", "", 2)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      for (int i = 0; i <= lastAck; i++) {
        String id = "indicator--00000000-0000-4000-8000-" + String.format("%012d", i);
        assertThat(store.versions("intel", id, ReadFilter.SYSTEM))
            .as("acknowledged object %d", i)
            .hasSize(1);
      }
    }
  }
}
