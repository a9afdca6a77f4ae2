package dev.bulwark.ais.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads NMEA capture files, plain or gzip-compressed (recognised by content, not by name), as fast
 * as the disk allows; pace a replay with {@link PacedReplay}. Stateless and thread-safe.
 */
public final class AisFiles {
  private AisFiles() {}

  /** Opens {@code file}, transparently decompressing gzip. The caller closes the stream. */
  public static InputStream open(Path file) throws IOException {
    return maybeGunzip(Files.newInputStream(file));
  }

  /** Wraps {@code in}, decompressing it when it starts with the gzip magic number. */
  public static InputStream maybeGunzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** Delivers every line of {@code file} to {@code consumer}; returns the number of lines. */
  public static long readLines(Path file, LineConsumer consumer) throws IOException {
    try (InputStream in = open(file)) {
      return new LineReader(in).forEachLine(consumer);
    }
  }
}
