package dev.bulwark.cyber.match;

import dev.bulwark.cyber.observe.Observation;
import java.util.function.Consumer;

/**
 * Which indicators match an observation. Implemented over the patterning engine; the pipeline does
 * not care how. Implementations say whether they are thread-safe.
 */
@FunctionalInterface
public interface IndicatorMatcher {
  /**
   * Calls back once with the id of every indicator whose pattern the observation completes.
   *
   * @param o the observation, in event-time order per sensor
   * @param hit receives indicator ids
   */
  void match(Observation o, Consumer<String> hit);
}
