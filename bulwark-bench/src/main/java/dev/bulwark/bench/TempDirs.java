package dev.bulwark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary databases the benchmarks make (an H2 file of a million objects is several
 * GB; left behind, a day of runs filled the disk). Stateless; thread-safe.
 */
public final class TempDirs {
  private TempDirs() {}

  /** Deletes the folder and everything in it, deepest first; what cannot be deleted is left. */
  public static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
