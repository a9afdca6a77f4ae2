package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.store.TempDirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A real {@code bulwark demo} (the CLI's main class in a child JVM, its own java.io.tmpdir) stopped
 * with SIGTERM leaves no folder behind. Twice a real run left its folder with an empty {@code db/}:
 * H2 was still closing (its file-lock watchdog re-creates the folder) when the folder was deleted.
 * Repeated because the fault was a race. Tomcat's work folder ({@code tomcat.PORT.*}, left in the
 * temporary folder at each exit before) must be gone too.
 */
class DemoSigtermTest {

  @RepeatedTest(3)
  void sigtermLeavesNoDemoFolder() throws Exception {
    Path tmp = TempDirs.create("bulwark-demo-sigterm-");
    Path log = TempDirs.create("bulwark-demo-sigterm-log-").resolve("demo.log");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process demo =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m",
                    "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.bulwark.node.cli.BulwarkMain",
                    "demo",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (!running(log) && demo.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(running(log)).as("the demo came up:\n%s", tail(log)).isTrue();
      assertThat(folders(tmp)).as("its data folder while it runs").hasSize(1);
      demo.destroy(); // SIGTERM
      assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    } finally {
      if (demo.isAlive()) {
        demo.destroyForcibly();
        demo.waitFor(30, TimeUnit.SECONDS);
      }
    }
    // what H2 or a late thread would re-create comes within a second or two of the exit
    Thread.sleep(2_000);
    assertThat(folders(tmp)).as("left behind after SIGTERM:\n%s", tail(log)).isEmpty();
  }

  private static boolean running(Path log) throws IOException {
    return Files.exists(log) && Files.readString(log).contains("Bulwark demo node is running.");
  }

  private static List<Path> folders(Path tmp) throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith("bulwark-demo-")
                      || p.getFileName().toString().startsWith("tomcat."))
          .filter(p -> !p.equals(tmp))
          .toList();
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    String text = Files.readString(log);
    return text.substring(Math.max(0, text.length() - 4_000));
  }
}
