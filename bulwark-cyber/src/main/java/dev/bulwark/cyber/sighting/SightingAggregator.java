package dev.bulwark.cyber.sighting;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.stix.StixIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Aggregates matches into sightings, one per (indicator, sensor, time window) — not one per hit.
 * Windows are aligned to the epoch ({@code floor(time / window)}); event time, not arrival time,
 * decides the window, so a replay gives the same sightings as the live feed did.
 *
 * <p>{@link #emitChanged} returns a new version of every sighting that gained matches since it was
 * last emitted (the node calls it every few seconds for live sightings); {@link #closeBefore} also
 * forgets windows that ended before a watermark, which bounds memory to the open windows; {@link
 * #closeAll} at the end of a batch. Evidence is the first {@link #EVIDENCE_PER_SIGHTING}
 * observations of a window.
 *
 * <p>Not thread-safe: one per matching thread (a Kafka partition, a sensor stream).
 */
public final class SightingAggregator {
  /** How many observed-data a sighting references at most. */
  public static final int EVIDENCE_PER_SIGHTING = 10;

  private static final UUID NAMESPACE = UUID.fromString("9d0f3c2a-51b7-4e1c-8f6d-7a2b3c4d5e6f");

  private final long windowMicros;
  private final Map<Key, Acc> open = new LinkedHashMap<>();
  private long matches;

  /** An aggregator with windows of the given length (at least one second). */
  public SightingAggregator(Duration window) {
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("a sighting window is at least one second");
    }
    this.windowMicros = window.toNanos() / 1000;
  }

  private record Key(String indicatorId, String sensorRef, long windowStart) {}

  private static final class Acc {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long count;
    long modified = Long.MIN_VALUE;
    boolean changed;
    final List<ObservedData> evidence = new ArrayList<>(2);
  }

  /** Counts one match of an indicator on an observation made by a sensor. */
  public void add(String indicatorId, String sensorRef, Observation o) {
    matches++;
    long start = Math.floorDiv(o.firstMicros(), windowMicros) * windowMicros;
    Acc a = open.computeIfAbsent(new Key(indicatorId, sensorRef, start), k -> new Acc());
    a.first = Math.min(a.first, o.firstMicros());
    a.last = Math.max(a.last, o.lastMicros());
    a.count += o.count();
    a.changed = true;
    if (a.evidence.size() < EVIDENCE_PER_SIGHTING) {
      a.evidence.add(ObservedData.of(o, sensorRef));
    }
  }

  /** Matches counted so far. */
  public long matches() {
    return matches;
  }

  /** Windows held open. */
  public int openWindows() {
    return open.size();
  }

  /** A new version of every sighting that changed since it was last emitted. */
  public List<Sighting> emitChanged() {
    List<Sighting> out = new ArrayList<>();
    for (Map.Entry<Key, Acc> e : open.entrySet()) {
      if (e.getValue().changed) {
        out.add(emit(e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  /**
   * Emits what changed, then forgets the windows that ended before the watermark.
   *
   * @param watermarkMicros event time before which no more matches are expected
   */
  public List<Sighting> closeBefore(long watermarkMicros) {
    List<Sighting> out = emitChanged();
    Iterator<Map.Entry<Key, Acc>> it = open.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getKey().windowStart() + windowMicros <= watermarkMicros) {
        it.remove();
      }
    }
    return out;
  }

  /** Emits what changed and forgets every window. */
  public List<Sighting> closeAll() {
    List<Sighting> out = emitChanged();
    open.clear();
    return out;
  }

  private Sighting emit(Key k, Acc a) {
    a.changed = false;
    a.modified = Math.max(a.last, a.modified + 1);
    return new Sighting(
        idOf(k.indicatorId(), k.sensorRef(), k.windowStart()),
        k.indicatorId(),
        k.sensorRef(),
        k.windowStart(),
        a.first,
        a.last,
        a.count,
        a.evidence,
        a.modified);
  }

  /** The id of the sighting of an indicator at a sensor in the window starting then. */
  public static String idOf(String indicatorId, String sensorRef, long windowStartMicros) {
    return "sighting--"
        + StixIds.uuid5(NAMESPACE, indicatorId + "|" + sensorRef + "|" + windowStartMicros);
  }
}
