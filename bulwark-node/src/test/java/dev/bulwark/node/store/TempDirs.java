package dev.bulwark.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Temporary folders for tests that are deleted when the test JVM ends, at the latest: a test that
 * keeps a database, a node's home or a browser profile open until the JVM exits cannot delete its
 * folder itself, and {@code ./mvnw verify} used to leave about 48 {@code bulwark-*} folders (460
 * MB) in /tmp (issue 19). What still writes into such a folder (a shared node started once per test
 * JVM) is registered with {@link #closeBeforeDeleting} and closed first: deleting under a running
 * node left its home behind. An H2 database still open at exit (H2's own exit hook closes it at the
 * same time as this one runs) is waited for until its {@code .lock.db} is gone: deleted under it,
 * H2's lock watchdog re-created the folder (as {@code bulwark demo} did, see {@code DemoHome}).
 * Thread-safe.
 */
public final class TempDirs {
  private static final List<Path> CREATED = new ArrayList<>();
  private static final List<AutoCloseable> USERS = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TempDirs::deleteAll, "bulwark-temp-dirs"));
  }

  private TempDirs() {}

  /** A new folder under java.io.tmpdir, deleted with its contents when the JVM ends. */
  public static Path create(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    synchronized (CREATED) {
      CREATED.add(dir);
    }
    return dir;
  }

  /** Closes this at JVM exit before any folder is deleted (latest registered first). */
  public static void closeBeforeDeleting(AutoCloseable user) {
    synchronized (CREATED) {
      USERS.add(0, user);
    }
  }

  private static void awaitH2Closed(Path dir, long deadline) {
    try {
      while (h2Locked(dir) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean h2Locked(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".lock.db"));
    } catch (IOException | UncheckedIOException e) {
      return true; // a file vanished while listed: something is still closing there
    }
  }

  private static void deleteAll() {
    synchronized (CREATED) {
      for (AutoCloseable user : USERS) {
        try {
          user.close();
        } catch (Exception e) {
          // best effort at exit: the folders are deleted all the same
        }
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      for (Path dir : CREATED) {
        awaitH2Closed(dir, deadline);
        try {
          FileSystemUtils.deleteRecursively(dir);
        } catch (IOException | UncheckedIOException e) {
          // best effort at exit: a folder a child process still writes to may stay
        }
      }
    }
  }
}
