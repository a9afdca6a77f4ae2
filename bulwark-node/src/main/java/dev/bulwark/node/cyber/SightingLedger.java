package dev.bulwark.node.cyber;

import dev.bulwark.cyber.sighting.SightingAggregator;
import dev.bulwark.cyber.sighting.SightingStix;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Kafka worker knows of each open sighting beyond its own aggregator: the version stored
 * before this worker started counting it (after a restart or a partition moved here), and the
 * stream position the stored version counted to. With it a redelivered event is never counted twice
 * and a restarted worker never writes a smaller count than the one stored:
 *
 * <ul>
 *   <li>every stored sighting names the last event it counted, {@code x_bulwark_counted_through} =
 *       {@code topic-partition@offset} (written in the same store write as the count);
 *   <li>a hit whose event is at or before that position in the same partition was counted already
 *       (it is redelivered because the offset commit did not happen) and is skipped;
 *   <li>a new version's count, first/last seen and evidence are the stored version's plus what this
 *       worker counted since.
 * </ul>
 *
 * Events of one sensor are keyed by the sensor, so they stay in one partition and the positions of
 * one sighting are totally ordered. Memory: one entry per open window, forgotten with the window.
 * Not thread-safe: one per worker thread.
 */
final class SightingLedger {
  /** The custom property naming the last event a stored sighting counted. */
  static final String COUNTED_THROUGH = "x_bulwark_counted_through";

  /** The stored version a sighting started from, and where this worker has counted to. */
  private static final class Entry {
    final long windowStart;
    final long priorCount;
    final String priorFirst;
    final String priorLast;
    final String priorModified;
    final List<String> priorEvidence;
    final String storedPartition;
    final long storedOffset;
    String partition;
    long offset = -1;

    Entry(long windowStart, Optional<JsonNode> stored) {
      this.windowStart = windowStart;
      JsonNode s = stored.orElse(null);
      priorCount = s == null ? 0 : s.path("count").asLong(0);
      priorFirst = s == null ? null : s.path("first_seen").asString(null);
      priorLast = s == null ? null : s.path("last_seen").asString(null);
      priorModified = s == null ? null : s.path("modified").asString(null);
      priorEvidence = new ArrayList<>();
      if (s != null) {
        s.path("observed_data_refs").forEach(r -> priorEvidence.add(r.asString()));
      }
      String through = s == null ? "" : s.path(COUNTED_THROUGH).asString("");
      int at = through.lastIndexOf('@');
      storedPartition = at < 0 ? null : through.substring(0, at);
      storedOffset = at < 0 ? -1 : Long.parseLong(through.substring(at + 1));
    }
  }

  private final Function<String, Optional<JsonNode>> stored;
  private final Map<String, Entry> open = new HashMap<>();
  private long skipped;

  /**
   * @param stored the latest stored version of a sighting by id, read through the gate as the
   *     sensor (empty when none)
   */
  SightingLedger(Function<String, Optional<JsonNode>> stored) {
    this.stored = stored;
  }

  /**
   * Whether a hit counts: false when the stored version already counted this event (a redelivery).
   * A hit that counts is remembered as this sighting's latest position.
   */
  boolean count(String sightingId, long windowStart, String partition, long offset) {
    Entry e = open.computeIfAbsent(sightingId, id -> new Entry(windowStart, stored.apply(id)));
    if (partition.equals(e.storedPartition) && offset <= e.storedOffset) {
      skipped++;
      return false;
    }
    e.partition = partition;
    e.offset = offset;
    return true;
  }

  /** Hits skipped as already counted before a restart. */
  long skipped() {
    return skipped;
  }

  /** Sightings tracked (open windows). */
  int size() {
    return open.size();
  }

  /** Forgets the sightings of windows that ended before the watermark (the aggregator did too). */
  void closeBefore(long watermarkMicros, long windowMicros) {
    Iterator<Entry> it = open.values().iterator();
    while (it.hasNext()) {
      if (it.next().windowStart + windowMicros <= watermarkMicros) {
        it.remove();
      }
    }
  }

  /** Forgets everything (partitions were revoked: the next owner starts from the store). */
  void clear() {
    open.clear();
  }

  /**
   * The sighting version to store: this worker's counts on top of the stored version's, and the
   * position counted to.
   */
  ObjectNode finish(ObjectNode sighting) {
    Entry e = open.get(sighting.path("id").asString());
    if (e == null || e.partition == null) {
      return sighting;
    }
    long count = Math.min(e.priorCount + sighting.path("count").asLong(), SightingStix.MAX_COUNT);
    sighting.put("count", count);
    if (e.priorFirst != null
        && StixTimestamps.compare(e.priorFirst, sighting.path("first_seen").asString()) < 0) {
      sighting.put("first_seen", e.priorFirst);
      sighting.put("created", e.priorFirst);
    }
    if (e.priorLast != null
        && StixTimestamps.compare(e.priorLast, sighting.path("last_seen").asString()) > 0) {
      sighting.put("last_seen", e.priorLast);
    }
    if (e.priorModified != null
        && StixTimestamps.compare(e.priorModified, sighting.path("modified").asString()) >= 0) {
      // a later version must win over the stored one, even within the same millisecond
      long micros = StixTimestamps.parseMicros(e.priorModified).orElseThrow() + 1000;
      sighting.put("modified", StixTimestamps.formatMicros(micros));
    }
    if (!e.priorEvidence.isEmpty()) {
      Set<String> refs = new LinkedHashSet<>(e.priorEvidence);
      sighting.path("observed_data_refs").forEach(r -> refs.add(r.asString()));
      ArrayNode a = sighting.putArray("observed_data_refs");
      refs.stream().limit(SightingAggregator.EVIDENCE_PER_SIGHTING).forEach(a::add);
    }
    sighting.put(COUNTED_THROUGH, e.partition + "@" + e.offset);
    return sighting;
  }
}
