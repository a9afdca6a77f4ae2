package dev.bulwark.node.cyber;

import dev.bulwark.cyber.match.MatchPipeline;
import dev.bulwark.cyber.match.MatchSummary;
import dev.bulwark.cyber.match.PatternIndicatorMatcher;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.sensor.SensorReader;
import dev.bulwark.cyber.sighting.SensorPolicy;
import dev.bulwark.cyber.sighting.Sighting;
import dev.bulwark.cyber.sighting.SightingAggregator;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.pattern.LiveIndex;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a sensor's event stream through the matcher and into the sightings collection. Each sensor
 * has one aggregator kept between its posts (a window spans many posts) and one stream at a time: a
 * second post of the same sensor waits for the first (back-pressure, with the socket's own flow
 * control: the body is read only as fast as it is matched). Sightings are written every {@link
 * #FLUSH_EVERY} events and at the end of a post; windows older than the window length behind the
 * sensor's latest event are closed. Memory: one line, the open windows, the matcher's bounded
 * pending observations. Thread-safe.
 */
final class CyberIntake {
  /** Events between two writes of the changed sightings within one post. */
  static final int FLUSH_EVERY = 5000;

  private static final UUID SENSOR_NAMESPACE =
      UUID.fromString("7f3e2a10-4b6c-4d8e-9f01-a2b3c4d5e6f7");

  private final IndicatorIndexes indexes;
  private final SightingWriter writer;
  private final CyberProperties properties;
  private final Map<String, SensorState> sensors = new ConcurrentHashMap<>();

  CyberIntake(IndicatorIndexes indexes, SightingWriter writer, CyberProperties properties) {
    this.indexes = indexes;
    this.writer = writer;
    this.properties = properties;
  }

  /** What a post did, as its answer says. */
  record Result(MatchSummary summary, int heldBackSightings, List<String> rejections) {}

  private static final class SensorState {
    final SightingAggregator aggregator;
    long maxTime = Long.MIN_VALUE;
    // kept between posts: a FOLLOWEDBY or WITHIN pattern may span them
    LiveIndex index;
    PatternIndicatorMatcher matcher;

    SensorState(SightingAggregator aggregator) {
      this.aggregator = aggregator;
    }
  }

  /** The STIX identity of a sensor principal: derived from its nation and name. */
  static String sensorIdentity(NodePrincipal p) {
    return "identity--" + StixIds.uuid5(SENSOR_NAMESPACE, p.nation() + "|" + p.name());
  }

  /** The sensor's owner policy, from the node's settings. */
  SensorPolicy policy(NodePrincipal p) {
    return new SensorPolicy(
        sensorIdentity(p),
        p.name(),
        p.nation(),
        properties.tlpLevel(),
        Set.copyOf(properties.releasableTo()));
  }

  /**
   * Reads one post of events.
   *
   * @param sensor the posting sensor principal
   * @param format the events' format
   * @param body the body's characters
   */
  Result accept(NodePrincipal sensor, SensorFormat format, Reader body) throws IOException {
    long start = System.nanoTime();
    IndicatorIndexes.ReaderIndex index = indexes.of(sensor);
    SensorPolicy policy = policy(sensor);
    SensorState state =
        sensors.computeIfAbsent(
            sensor.nation() + "|" + sensor.name(),
            k -> new SensorState(new SightingAggregator(properties.window())));
    synchronized (state) {
      long matchedBefore = state.aggregator.matches();
      List<Sighting> pending = new ArrayList<>();
      long[] written = new long[2];
      MatchPipeline pipeline =
          new MatchPipeline(
              matcher(state, index.index()),
              index.heldBack()::contains,
              state.aggregator,
              policy.identityRef(),
              Long.MAX_VALUE / 4,
              pending::add);
      ReadCounts counts = new ReadCounts();
      long[] sinceFlush = {0};
      new SensorReader(format)
          .read(
              body,
              "body",
              o -> {
                pipeline.accept(o);
                state.maxTime = Math.max(state.maxTime, o.lastMicros());
                if (++sinceFlush[0] >= FLUSH_EVERY) {
                  sinceFlush[0] = 0;
                  flush(state, index, policy, sensor, written, false);
                }
              },
              counts);
      flush(state, index, policy, sensor, written, true);
      MatchSummary s =
          new MatchSummary(
              counts.observations(),
              pipeline.matches() - matchedBefore,
              pipeline.heldBack(),
              written[0],
              counts.rejectedByCause(),
              System.nanoTime() - start);
      return new Result(s, (int) written[1], counts.examples());
    }
  }

  private static PatternIndicatorMatcher matcher(SensorState state, LiveIndex index) {
    if (state.index != index) {
      state.index = index;
      state.matcher = new PatternIndicatorMatcher(index);
    }
    return state.matcher;
  }

  private void flush(
      SensorState state,
      IndicatorIndexes.ReaderIndex index,
      SensorPolicy policy,
      NodePrincipal sensor,
      long[] written,
      boolean close) {
    long window = properties.window().toNanos() / 1000;
    List<Sighting> out =
        close && state.maxTime > Long.MIN_VALUE
            ? state.aggregator.closeBefore(state.maxTime - window)
            : state.aggregator.emitChanged();
    SightingWriter.Written w = writer.write(out, indexes, index, policy, sensor.name());
    written[0] += w.sightings();
    written[1] += w.heldBack();
  }
}
