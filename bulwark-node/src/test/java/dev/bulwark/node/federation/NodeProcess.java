package dev.bulwark.node.federation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Bulwark node running as a separate process from the executable jar, on a loopback port, with
 * its own home folder. Used by the multi-node integration tests. Not thread-safe.
 */
public final class NodeProcess implements AutoCloseable {
  public static final Path JAR = Path.of("target", "bulwark-node-0.1.0-exec.jar");

  public final String nation;
  public final Path home;
  public final int port;
  private final List<String> jvmOptions;
  private Process process;
  private int starts;

  public NodeProcess(String nation, Path home, int port) {
    this(nation, home, port, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
  }

  /**
   * @param jvmOptions the JVM's options, e.g. its heap ({@code -Xmx1g})
   */
  public NodeProcess(String nation, Path home, int port, List<String> jvmOptions) {
    this.nation = nation;
    this.home = home;
    this.port = port;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public URI apiRoot() {
    return URI.create("http://127.0.0.1:" + port + "/bulwark/");
  }

  public void start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            JAR.toAbsolutePath().toString(),
            "serve",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--bulwark.home=" + home.toAbsolutePath()));
    starts++;
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("node-" + starts + ".log").toFile())
            .start();
  }

  /** Waits until the node answers its health check. */
  public void awaitUp(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(nation + " node died at start:\n" + log());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(nation + " node did not come up in " + timeout + ":\n" + log());
  }

  /** SIGKILL: no shutdown hook, no flush, as in a power cut. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: an orderly stop. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The CPU time the node's process has used so far (zero where the platform does not tell). */
  public Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  public String log() {
    try {
      return Files.readString(home.resolve("node-" + starts + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
