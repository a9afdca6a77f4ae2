package dev.bulwark.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The temporary folder of a {@code bulwark demo} run without {@code --home}: deleted when the JVM
 * exits (Ctrl-C, SIGTERM, the actuator), once the node's context has closed and H2 has released the
 * database. A demo left running for an hour wrote tens of megabytes there, and each run left its
 * folder behind. Thread-safe (the hook runs once).
 *
 * <p>Why wait for H2 as well as for the context: the demo's URL has {@code AUTO_SERVER=TRUE} (the
 * command line works on the running demo's store), so H2 keeps its own JVM exit hook, which closes
 * the database concurrently with Spring's. When H2's hook got there first, the pool's close
 * returned at once while H2 was still closing; the folder was deleted under it, and H2's file-lock
 * watchdog, finding its {@code .lock.db} gone, wrote it again (creating {@code db/}) until the
 * unlock removed the file: an empty {@code db/} stayed behind.
 */
final class DemoHome {
  private DemoHome() {}

  /**
   * A shutdown hook (not registered) that waits for the node's context (null while not yet created)
   * to close and for H2 to release the database, then deletes dir.
   */
  static Thread deleteWhenClosed(Supplier<ConfigurableApplicationContext> context, Path dir) {
    return new Thread(
        () -> {
          long deadline = System.nanoTime() + 30_000_000_000L;
          // Spring's own hook closes the context concurrently: the database must be closed first.
          try {
            while ((active(context.get()) || h2Locked(dir)) && System.nanoTime() < deadline) {
              Thread.sleep(50);
            }
            // the watchdog, interrupted by the unlock, may still be in its last check
            Thread.sleep(LOCK_SETTLE_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          try {
            deleteTree(dir);
          } catch (IOException e) {
            System.err.println("bulwark demo: could not delete " + dir + ": " + e.getMessage());
          }
        },
        "bulwark-demo-cleanup");
  }

  private static boolean active(ConfigurableApplicationContext context) {
    return context != null && context.isActive();
  }

  /** Time for H2's lock watchdog to see the unlock; it checks its file once per second at most. */
  static final long LOCK_SETTLE_MILLIS = 100;

  /**
   * Whether an H2 database under dir is still open: H2 deletes its {@code .lock.db} as the last
   * step of closing (the AUTO_SERVER URL uses the file lock).
   */
  static boolean h2Locked(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".lock.db"));
    } catch (IOException | UncheckedIOException e) {
      return true; // a file vanished while listed: H2 is busy there, look again
    }
  }

  /** Deletes a folder and everything in it (no links followed). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
