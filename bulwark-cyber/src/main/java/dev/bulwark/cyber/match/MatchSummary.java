package dev.bulwark.cyber.match;

import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.observe.RejectCause;
import java.util.Locale;
import java.util.Map;

/**
 * What a matching run did: events read, matches, matches held back as probable false positives,
 * sightings written (versions included), lines rejected per cause, and the rate. Immutable.
 *
 * @param events observations read
 * @param matches indicator hits counted into sightings
 * @param heldBack hits of warninglisted indicators, not shared
 * @param sightings sighting versions written
 * @param rejected rejected lines per cause
 * @param nanos wall time of the run
 */
public record MatchSummary(
    long events,
    long matches,
    long heldBack,
    long sightings,
    Map<RejectCause, Long> rejected,
    long nanos) {

  /** Copies the map. */
  public MatchSummary {
    rejected = Map.copyOf(rejected);
  }

  /** Builds one from the read counts and the pipeline's counters. */
  public static MatchSummary of(ReadCounts counts, MatchPipeline p, long sightings, long nanos) {
    return new MatchSummary(
        counts.observations(),
        p.matches(),
        p.heldBack(),
        sightings,
        counts.rejectedByCause(),
        nanos);
  }

  /** Events per second of wall time. */
  public double eventsPerSecond() {
    return nanos <= 0 ? 0 : events * 1e9 / nanos;
  }

  /** The summary as lines for people. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("events:    ").append(events).append('\n');
    sb.append("matches:   ").append(matches).append('\n');
    sb.append("held back: ").append(heldBack).append(" (warninglisted indicators)\n");
    sb.append("sightings: ").append(sightings).append('\n');
    long total = rejected.values().stream().mapToLong(Long::longValue).sum();
    sb.append("rejected:  ").append(total).append('\n');
    for (RejectCause c : RejectCause.values()) {
      if (rejected.containsKey(c)) {
        sb.append("  ").append(c.label()).append(": ").append(rejected.get(c)).append('\n');
      }
    }
    sb.append(String.format(Locale.ROOT, "rate:      %.0f events/s%n", eventsPerSecond()));
    return sb.toString();
  }

  /** The summary as one snake_case JSON object. */
  public String toJson() {
    StringBuilder r = new StringBuilder("{");
    for (RejectCause c : RejectCause.values()) {
      if (rejected.containsKey(c)) {
        r.append(r.length() > 1 ? "," : "").append('"').append(c.label()).append("\":");
        r.append(rejected.get(c));
      }
    }
    r.append('}');
    return String.format(
        Locale.ROOT,
        "{\"events\":%d,\"matches\":%d,\"held_back\":%d,\"sightings\":%d,\"rejected\":%s,"
            + "\"events_per_second\":%.1f}",
        events,
        matches,
        heldBack,
        sightings,
        r,
        eventsPerSecond());
  }
}
