package dev.bulwark.cyber.match;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.sighting.Sighting;
import dev.bulwark.cyber.sighting.SightingAggregator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Matches one sensor's observations and aggregates the hits into sightings: each observation goes
 * to the {@link IndicatorMatcher}; a hit of an indicator the {@code heldBack} predicate names (a
 * MISP warninglist value) is counted and dropped; every other hit goes to the {@link
 * SightingAggregator} under this sensor. A watermark (the latest event time less the window) closes
 * old windows as the stream goes on, so memory holds only open windows.
 *
 * <p>Not thread-safe: one per sensor stream (or per Kafka partition).
 */
public final class MatchPipeline implements Consumer<Observation> {
  private final IndicatorMatcher matcher;
  private final Predicate<String> heldBack;
  private final SightingAggregator aggregator;
  private final String sensorRef;
  private final Consumer<Sighting> out;
  private final long lateness;
  private long events;
  private long held;
  private long maxTime = Long.MIN_VALUE;
  private long lastClose = Long.MIN_VALUE;

  /**
   * @param matcher which indicators match
   * @param heldBack indicator ids whose hits are probable false positives
   * @param aggregator where hits are counted
   * @param sensorRef the sensor's identity
   * @param latenessMicros how far behind the latest event a window stays open
   * @param out receives every sighting version emitted while closing windows
   */
  public MatchPipeline(
      IndicatorMatcher matcher,
      Predicate<String> heldBack,
      SightingAggregator aggregator,
      String sensorRef,
      long latenessMicros,
      Consumer<Sighting> out) {
    this.matcher = matcher;
    this.heldBack = heldBack;
    this.aggregator = aggregator;
    this.sensorRef = sensorRef;
    this.lateness = latenessMicros;
    this.out = out;
  }

  @Override
  public void accept(Observation o) {
    events++;
    matcher.match(
        o,
        id -> {
          if (heldBack.test(id)) {
            held++;
          } else {
            aggregator.add(id, sensorRef, o);
          }
        });
    maxTime = Math.max(maxTime, o.lastMicros());
    // Close windows now and then, not per event: the aggregator walks its open windows.
    if (maxTime - lastClose > lateness) {
      lastClose = maxTime;
      aggregator.closeBefore(maxTime - lateness).forEach(out);
    }
  }

  /** Emits what is still open (end of a batch). */
  public void finish() {
    aggregator.closeAll().forEach(out);
  }

  /** Emits new versions of the open sightings that changed (live flush), keeping them open. */
  public List<Sighting> flushChanged() {
    return aggregator.emitChanged();
  }

  /** Observations seen. */
  public long events() {
    return events;
  }

  /** Hits counted into sightings. */
  public long matches() {
    return aggregator.matches();
  }

  /** Hits held back. */
  public long heldBack() {
    return held;
  }
}
