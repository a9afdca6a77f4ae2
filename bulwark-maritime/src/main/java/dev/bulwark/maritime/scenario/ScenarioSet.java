package dev.bulwark.maritime.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Synthetic AIS traffic as NMEA lines in time order, with what the engine must detect in it.
 * Immutable, thread-safe.
 *
 * @param lines {@code \c:...\!AIVDM,...} lines, oldest first
 * @param expectations the alerts the scenarios must cause
 * @param vessels MMSIs of every synthetic vessel (scenario actors and background traffic)
 */
public record ScenarioSet(List<Line> lines, List<Expectation> expectations, List<Integer> vessels) {

  /**
   * One NMEA line and the track time it carries.
   *
   * @param timeMillis the tag block's time
   * @param text the whole line
   */
  public record Line(long timeMillis, String text) {}

  public ScenarioSet {
    lines = List.copyOf(lines);
    expectations = List.copyOf(expectations);
    vessels = List.copyOf(vessels);
  }

  /** Writes the lines, one per line. */
  public void write(Writer out) {
    try {
      for (Line l : lines) {
        out.write(l.text());
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
