package dev.bulwark.cyber.match;

import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.sensor.SensorReader;
import dev.bulwark.cyber.sighting.ObservedData;
import dev.bulwark.cyber.sighting.Sighting;
import dev.bulwark.cyber.sighting.SightingAggregator;
import dev.bulwark.cyber.sighting.SightingStix;
import dev.bulwark.cyber.warninglist.Warninglists;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.pattern.IndexError;
import dev.bulwark.stix.pattern.LiveIndex;
import dev.bulwark.stix.pattern.PatternIndex;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * One sensor's files matched against a set of indicators, start to end, as {@code bulwark cyber
 * match} runs it: build the pattern index, hold back warninglisted indicators, read each input in
 * turn through one {@link MatchPipeline}, and write every sighting (each window once, at the end: a
 * batch is not live) as STIX — with, on request, the observed-data and SCOs it references. A
 * sighting carries its indicator's marking refs plus the sensor owner's TLP (several markings
 * combine as AND, so it is no wider than either). Not thread-safe.
 */
public final class BatchMatch {
  /** One input: a name for messages, its characters and its format. */
  public record Input(String name, Reader reader, SensorFormat format) {}

  private final Map<String, Indicator> indicators = new HashMap<>();
  private final Set<String> heldBack = new HashSet<>();
  private final LiveIndex index;
  private final List<IndexError> errors;
  private final String sensorRef;
  private final List<String> ownerMarkings;
  private final Duration window;

  /**
   * @param indicators what to match
   * @param warninglists benign values; indicators naming one have their hits held back
   * @param sensorRef the sensor's identity
   * @param ownerMarkings marking refs of the sensor owner's policy (e.g. a TLP)
   * @param window the sighting window
   */
  public BatchMatch(
      List<Indicator> indicators,
      Warninglists warninglists,
      String sensorRef,
      List<String> ownerMarkings,
      Duration window) {
    for (Indicator i : indicators) {
      this.indicators.put(i.id(), i);
      if (warninglists.hitInPattern(i.pattern()).isPresent()) {
        heldBack.add(i.id());
      }
    }
    PatternIndex built = PatternIndex.build(indicators.stream().map(Indicator::entry).toList());
    this.index = new LiveIndex(built);
    this.errors = built.errors();
    this.sensorRef = sensorRef;
    this.ownerMarkings = List.copyOf(ownerMarkings);
    this.window = window;
  }

  /** Indicators whose pattern the engine refused, with the reason. */
  public List<IndexError> errors() {
    return errors;
  }

  /** Indicators whose hits are held back (warninglisted). */
  public int heldBackIndicators() {
    return heldBack.size();
  }

  /**
   * Runs the inputs in order.
   *
   * @param inputs the sensor files
   * @param withObservedData also write the observed-data and SCOs each sighting references
   * @param out receives each STIX object written
   * @param counts counted into
   * @return the summary
   */
  public MatchSummary run(
      List<Input> inputs, boolean withObservedData, Consumer<StixObject> out, ReadCounts counts)
      throws IOException {
    long start = System.nanoTime();
    List<Sighting> sightings = new ArrayList<>();
    MatchPipeline pipeline =
        new MatchPipeline(
            new PatternIndicatorMatcher(index),
            heldBack::contains,
            new SightingAggregator(window),
            sensorRef,
            Long.MAX_VALUE / 4,
            sightings::add);
    for (Input in : inputs) {
      new SensorReader(in.format()).read(in.reader(), in.name(), pipeline, counts);
    }
    pipeline.finish();
    for (Sighting s : sightings) {
      List<String> markings = markings(s);
      out.accept(SightingStix.of(s, markings));
      if (withObservedData) {
        for (ObservedData d : s.observedData()) {
          for (ObjectNode o : d.toStix(sensorRef, markings)) {
            out.accept(StixObject.of(o));
          }
        }
      }
    }
    return MatchSummary.of(counts, pipeline, sightings.size(), System.nanoTime() - start);
  }

  private List<String> markings(Sighting s) {
    Set<String> refs = new LinkedHashSet<>(indicators.get(s.indicatorId()).markingRefs());
    refs.addAll(ownerMarkings);
    return List.copyOf(refs);
  }
}
