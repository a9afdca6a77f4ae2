package dev.bulwark.node.cli;

import dev.bulwark.ais.source.AisFiles;
import dev.bulwark.ais.source.LineConsumer;
import dev.bulwark.ais.source.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the lines of a capture named on the command line ({@code -} is stdin, gzip is unpacked).
 */
final class AisInput {
  private AisInput() {}

  static long readLines(String name, LineConsumer consumer) throws IOException {
    if (name.equals("-")) {
      InputStream in = AisFiles.maybeGunzip(System.in);
      return new LineReader(in).forEachLine(consumer);
    }
    return AisFiles.readLines(Path.of(name), consumer);
  }

  /** The message for input that holds no AIS sentence at all (an empty or non-NMEA file). */
  static String notNmea(String name, long lines) {
    return name
        + ": not an NMEA AIS capture: "
        + (lines == 0
            ? "it is empty"
            : lines + " lines, none of them an AIS sentence (!AIVDM/!AIVDO, !BSVDM, ...)");
  }
}
