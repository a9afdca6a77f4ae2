package dev.bulwark.node.cyber;

import dev.bulwark.cyber.sighting.ObservedData;
import dev.bulwark.cyber.sighting.SensorPolicy;
import dev.bulwark.cyber.sighting.Sighting;
import dev.bulwark.cyber.sighting.SightingMarking;
import dev.bulwark.cyber.sighting.SightingMarkings;
import dev.bulwark.cyber.sighting.SightingStix;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a sensor's sightings in the sightings collection: for each, the sensor's identity, the
 * releasability marking-definition its markings need (the sensor's nation's own, so it resolves
 * against the sighting's origin), the observed-data and SCOs it references, and the sighting — all
 * under the sensor's provenance (its nation is the origin), all marked by {@link SightingMarkings}
 * no wider than the indicator's markings and the owner's policy. A sighting whose markings cannot
 * be decided (an indicator marking that does not resolve, a TLP:RED indicator without recipients
 * the policy allows) is held back and counted. Thread-safe (the store is).
 */
final class SightingWriter {
  private final ObjectStore store;
  private final String collection;
  private final LongSupplier nowMicros;

  SightingWriter(ObjectStore store, String collection, LongSupplier nowMicros) {
    this.store = store;
    this.collection = collection;
    this.nowMicros = nowMicros;
  }

  /** What one write did. */
  record Written(int sightings, int heldBack) {}

  /**
   * Writes sightings of one sensor.
   *
   * @param sightings the versions to write
   * @param index what the sensor's reader knows of the indicators
   * @param policy the sensor and its owner's policy
   * @param sensorName the sensor principal's name (the store's "added by")
   */
  Written write(
      List<Sighting> sightings,
      IndicatorIndexes indexes,
      IndicatorIndexes.ReaderIndex index,
      SensorPolicy policy,
      String sensorName) {
    return write(sightings, indexes, index, policy, sensorName, UnaryOperator.identity());
  }

  /**
   * Writes sightings of one sensor, each sighting's JSON passed through {@code finish} last (the
   * Kafka worker adds the counts stored before a restart and where in the stream it counted to).
   */
  Written write(
      List<Sighting> sightings,
      IndicatorIndexes indexes,
      IndicatorIndexes.ReaderIndex index,
      SensorPolicy policy,
      String sensorName,
      UnaryOperator<ObjectNode> finish) {
    if (sightings.isEmpty()) {
      return new Written(0, 0);
    }
    List<NewObject> out = new ArrayList<>();
    out.add(NewObject.from(identity(policy)));
    int written = 0;
    int held = 0;
    String now = StixTimestamps.formatMicros(nowMicros.getAsLong());
    for (Sighting s : sightings) {
      IndicatorIndexes.Known k = index.known().get(s.indicatorId());
      Optional<SightingMarking> m =
          k == null
              ? Optional.empty()
              : indexes
                  .markingsOf(k)
                  .flatMap(
                      resolved ->
                          SightingMarkings.meet(k.originNation(), resolved, k.defaults(), policy));
      if (m.isEmpty()) {
        held++;
        continue;
      }
      List<String> refs = new ArrayList<>();
      refs.add(m.get().tlp().markingDefinitionId());
      if (m.get().releasability().isPresent()) {
        StixObject def =
            ReleasabilityMarking.markingDefinition(
                m.get().releasability().get(), policy.identityRef(), "2026-01-01T00:00:00.000Z");
        out.add(NewObject.from(def));
        refs.add(def.id());
      }
      for (ObservedData d : s.observedData()) {
        for (ObjectNode o : d.toStix(policy.identityRef(), refs)) {
          out.add(NewObject.from(StixObject.of(o)));
        }
      }
      Sighting live =
          new Sighting(
              s.id(),
              s.indicatorId(),
              s.sensorRef(),
              s.windowStartMicros(),
              s.firstSeenMicros(),
              s.lastSeenMicros(),
              s.count(),
              s.observedData(),
              // a node restarted mid-window starts counting afresh: a later version still wins
              Math.max(s.modifiedMicros(), StixTimestamps.toMillis(now) * 1000));
      out.add(
          NewObject.from(
              StixObject.of(finish.apply(SightingStix.of(live, refs).json().deepCopy()))));
      written++;
    }
    store.addAll(collection, out, new Provenance(policy.nation(), sensorName));
    return new Written(written, held);
  }

  /** The sensor's STIX identity (a system), the same object every time. */
  static StixObject identity(SensorPolicy policy) {
    return StixBuilder.of("identity", policy.identityRef())
        .created("2026-01-01T00:00:00.000Z")
        .modified("2026-01-01T00:00:00.000Z")
        .put("name", policy.name())
        .put("identity_class", "system")
        .strings("sectors", List.of("infrastructure"))
        .build();
  }

  /**
   * Writes one merged sighting version from the Kafka workers' deltas ({@link SightingDeltas}): the
   * same markings decision as {@link #write}, the delta's observed-data (built by the worker
   * unmarked) marked like the sighting, and {@code finish} applied last.
   *
   * @return whether it was written (false: held back, its markings cannot be decided)
   */
  boolean writeMerged(
      Sighting merged,
      List<ObjectNode> observedData,
      IndicatorIndexes indexes,
      IndicatorIndexes.ReaderIndex index,
      SensorPolicy policy,
      String sensorName,
      UnaryOperator<ObjectNode> finish) {
    IndicatorIndexes.Known k = index.known().get(merged.indicatorId());
    Optional<SightingMarking> m =
        k == null
            ? Optional.empty()
            : indexes
                .markingsOf(k)
                .flatMap(
                    resolved ->
                        SightingMarkings.meet(k.originNation(), resolved, k.defaults(), policy));
    if (m.isEmpty()) {
      return false;
    }
    List<NewObject> out = new ArrayList<>();
    out.add(NewObject.from(identity(policy)));
    List<String> refs = new ArrayList<>();
    refs.add(m.get().tlp().markingDefinitionId());
    if (m.get().releasability().isPresent()) {
      StixObject def =
          ReleasabilityMarking.markingDefinition(
              m.get().releasability().get(), policy.identityRef(), "2026-01-01T00:00:00.000Z");
      out.add(NewObject.from(def));
      refs.add(def.id());
    }
    for (ObjectNode o : observedData) {
      ObjectNode marked = o.deepCopy();
      ArrayNode mr = marked.putArray("object_marking_refs");
      refs.forEach(mr::add);
      out.add(NewObject.from(StixObject.of(marked)));
    }
    out.add(
        NewObject.from(
            StixObject.of(finish.apply(SightingStix.of(merged, refs).json().deepCopy()))));
    store.addAll(collection, out, new Provenance(policy.nation(), sensorName));
    return true;
  }
}
