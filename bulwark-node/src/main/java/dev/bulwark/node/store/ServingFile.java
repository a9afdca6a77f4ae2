package dev.bulwark.node.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The file {@code BULWARK_HOME/node.serving} a running node keeps while it serves that home (its
 * process id, address and start), so that {@code bulwark status} can say whether a node is serving
 * the store a command opens. A file left behind by a killed node is recognised by its dead process.
 * Stateless; thread-safe.
 */
public final class ServingFile {
  public static final String FILE_NAME = "node.serving";

  private ServingFile() {}

  /** A node serving a home. */
  public record Serving(long pid, String url, Instant since) {}

  /** Records that this process serves {@code home} at {@code url}. */
  public static void write(Path home, String url) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("url", url);
    p.setProperty("since", Instant.now().toString());
    try {
      StringWriter text = new StringWriter();
      p.store(text, "written by the node while it serves this home; removed when it stops");
      Files.writeString(home.resolve(FILE_NAME), text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + home.resolve(FILE_NAME), e);
    }
  }

  /** Removes the record if this process wrote it. */
  public static void remove(Path home) {
    read(home)
        .filter(s -> s.pid() == ProcessHandle.current().pid())
        .ifPresent(
            s -> {
              try {
                Files.deleteIfExists(home.resolve(FILE_NAME));
              } catch (IOException e) {
                // a stale file is recognised by its dead process
              }
            });
  }

  /** The node serving {@code home}, if its process is alive. */
  public static Optional<Serving> read(Path home) {
    Path file = home.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      long pid = Long.parseLong(p.getProperty("pid", "-1"));
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive
          ? Optional.of(
              new Serving(pid, p.getProperty("url", ""), Instant.parse(p.getProperty("since"))))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
