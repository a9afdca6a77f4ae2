package dev.bulwark.node.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The temporary folder of a {@code bulwark demo} run without {@code --home}: deleted when the JVM
 * exits (Ctrl-C, SIGTERM, the actuator), once the node's context has closed its database. A demo
 * left running for an hour wrote tens of megabytes there, and each run left its folder behind.
 * Thread-safe (the hook runs once).
 */
final class DemoHome {
  private DemoHome() {}

  /** A shutdown hook (not registered) that waits for the context to close, then deletes dir. */
  static Thread deleteWhenClosed(ConfigurableApplicationContext context, Path dir) {
    return new Thread(
        () -> {
          long deadline = System.nanoTime() + 30_000_000_000L;
          // Spring's own hook closes the context concurrently: the database must be closed first.
          while (context.isActive() && System.nanoTime() < deadline) {
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
          try {
            deleteTree(dir);
          } catch (IOException e) {
            System.err.println("bulwark demo: could not delete " + dir + ": " + e.getMessage());
          }
        },
        "bulwark-demo-cleanup");
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
