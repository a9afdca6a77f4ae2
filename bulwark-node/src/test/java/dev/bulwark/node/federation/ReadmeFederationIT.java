package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.store.NodeDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the README's "Federation over HTTPS, step by step" script as written: the shell block is
 * taken from README.md, run by bash in an empty folder where {@code ./bulwark} runs the executable
 * jar, with two changes only: the ports 8443 and 8444 become free ones, and the nodes' JVMs are
 * small. Two node processes on HTTPS with pinned self-signed certificates; the indicator imported
 * at EST must be in FIN's store within 5 seconds. The same script with the wrong certificate pinned
 * at FIN ends in the plain-language error in {@code federation status}. Not thread-safe.
 */
class ReadmeFederationIT {
  private static final String OBJECT_ID = "indicator--3f1b6c3e-2a52-4c1e-9b59-4a4c6f0f5a01";

  private Path dir;
  private Process running;

  @BeforeEach
  void folder() throws IOException {
    dir = Files.createTempDirectory("bulwark-readme-federation-");
  }

  @AfterEach
  void stopNodesAndClean() throws IOException {
    if (running != null) {
      running.descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
    for (String home : List.of("est", "fin")) {
      Path pid = dir.resolve(home).resolve("serve.pid");
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
            .ifPresent(
                p -> {
                  p.destroyForcibly();
                  p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
      }
    }
    FileSystemUtils.deleteRecursively(dir);
  }

  @Test
  void theReadmeScriptFederatesTwoNodesOverHttpsAndAnObjectCrossesWithinFiveSeconds()
      throws Exception {
    String script = readmeScript();
    Run run = start(script);
    // when EST has stored the indicator, FIN must hold it within 5 s
    long imported = run.awaitLine(l -> l.contains("1 stored"), Duration.ofMinutes(4));
    Duration crossed = awaitAtFin(Duration.ofSeconds(10));
    assertThat(crossed.toNanos() - (imported - run.startNanos))
        .as("time from EST's import to FIN holding the object, log:\n%s", run.output())
        .isLessThan(Duration.ofSeconds(5).toNanos());
    assertThat(run.finish()).as(run.output()).isZero();
    // FIN's status (the script's last command): the pull from EST moved the object, no failure
    assertThat(run.output()).containsPattern("est +EST +pull +intel .* ok ");
    assertThat(run.output()).doesNotContain("FAILING", "Exception", "PKIX");
  }

  @Test
  void theSameScriptWithTheWrongCertificatePinnedSaysWhatToRun() throws Exception {
    String script = readmeScript();
    // FIN's admin pins FIN's own certificate for EST by mistake
    String wrong = script.replace("--cert est.pem", "--cert fin.pem");
    assertThat(wrong).isNotEqualTo(script);
    Run run = start(wrong);
    assertThat(run.finish()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains(
            "est: EST's certificate is not trusted: run `bulwark peer trust est --cert est.pem`")
        .contains("FAILING")
        .doesNotContainPattern("est +EST +(pull|push) +intel .* ok ")
        .doesNotContain("Exception", "PKIX", "javax.");
  }

  /** The README's federation script, on free ports. */
  private String readmeScript() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Federation over HTTPS, step by step");
    assertThat(section).as("the README's federation section").isNotNegative();
    Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find(section)).isTrue();
    String script = block.group(1);
    assertThat(script).contains("8443", "8444");
    return script
        .replace("8443", Integer.toString(NodeProcess.freePort()))
        .replace("8444", Integer.toString(NodeProcess.freePort()));
  }

  /** Starts the script in the folder, with {@code ./bulwark} running the executable jar. */
  private Run start(String script) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path launcher = dir.resolve("bulwark");
    Files.writeString(
        launcher,
        "#!/usr/bin/env bash\n"
            + "if [ \"${1:-}\" = serve ]; then echo $$ > \"$BULWARK_HOME/serve.pid\"; fi\n"
            + "exec '"
            + java
            + "' -Xmx384m -XX:TieredStopAtLevel=1 -jar '"
            + NodeProcess.JAR.toAbsolutePath()
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("federation.sh"), script);
    Process p =
        new ProcessBuilder("bash", "-e", "federation.sh")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    running = p;
    return new Run(p);
  }

  /** Polls FIN's database until it holds the indicator; returns when (System.nanoTime based). */
  private Duration awaitAtFin(Duration timeout) throws Exception {
    String url = NodeDatabase.defaultUrl(dir.resolve("fin"));
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HikariDataSource ds = NodeDatabase.open(url, "bulwark", "", 1)) {
      while (System.nanoTime() < deadline) {
        if (holds(ds)) {
          return Duration.ofNanos(System.nanoTime() - runStart);
        }
        Thread.sleep(100);
      }
    }
    return timeout.multipliedBy(100);
  }

  private long runStart;

  private static boolean holds(HikariDataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM stix_objects WHERE collection_id = 'intel' AND object_id = ?")) {
      s.setString(1, OBJECT_ID);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  /** The running script: its output, line by line, with when each line came. */
  private final class Run {
    final Process process;
    final long startNanos = System.nanoTime();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Long> times = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> reader;

    Run(Process process) {
      this.process = process;
      runStart = startNanos;
      reader =
          CompletableFuture.runAsync(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    times.add(System.nanoTime());
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("(output lost: " + e.getMessage() + ")");
                }
              });
    }

    /** Waits for a line; returns when it came (System.nanoTime). */
    long awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < lines.size(); i++) {
          if (wanted.test(lines.get(i))) {
            return times.get(i);
          }
        }
        if (!process.isAlive() && reader.isDone()) {
          break;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the script never printed the line; output:\n" + output());
    }

    int finish() throws Exception {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the script did not end; output:\n" + output());
      }
      reader.get(30, TimeUnit.SECONDS);
      return process.exitValue();
    }

    String output() {
      List<String> all = new ArrayList<>(lines);
      return String.join("\n", all) + "\n--- est.log tail ---\n" + tail("est.log");
    }

    private String tail(String file) {
      try {
        List<String> log = Files.readAllLines(dir.resolve(file));
        return String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size()));
      } catch (IOException e) {
        return "(none)";
      }
    }
  }
}
