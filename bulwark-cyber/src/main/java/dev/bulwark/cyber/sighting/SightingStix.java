package dev.bulwark.cyber.sighting;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Sighting} as a STIX 2.1 {@code sighting}: {@code sighting_of_ref} the indicator,
 * {@code where_sighted_refs} the sensor's identity, {@code first_seen}/{@code last_seen}, {@code
 * count} (capped at the spec's 999,999,999), {@code observed_data_refs} the evidence; created by
 * the sensor's identity, {@code created} the first match and {@code modified} the version.
 * Stateless and thread-safe.
 */
public final class SightingStix {
  /** The largest {@code count} STIX allows. */
  public static final long MAX_COUNT = 999_999_999L;

  private SightingStix() {}

  /**
   * The sighting object.
   *
   * @param s the sighting
   * @param markingRefs its {@code object_marking_refs} (from {@link SightingMarkings})
   */
  public static StixObject of(Sighting s, List<String> markingRefs) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", "sighting");
    o.put("spec_version", "2.1");
    o.put("id", s.id());
    o.put("created_by_ref", s.sensorRef());
    o.put("created", StixTimestamps.formatMicros(s.firstSeenMicros()));
    o.put("modified", StixTimestamps.formatMicros(s.modifiedMicros()));
    o.put("first_seen", StixTimestamps.formatMicros(s.firstSeenMicros()));
    o.put("last_seen", StixTimestamps.formatMicros(s.lastSeenMicros()));
    o.put("count", Math.min(s.count(), MAX_COUNT));
    o.put("sighting_of_ref", s.indicatorId());
    o.putArray("where_sighted_refs").add(s.sensorRef());
    if (!s.observedData().isEmpty()) {
      ArrayNode refs = o.putArray("observed_data_refs");
      s.observedData().forEach(d -> refs.add(d.id()));
    }
    if (!markingRefs.isEmpty()) {
      ArrayNode m = o.putArray("object_marking_refs");
      markingRefs.forEach(m::add);
    }
    return StixObject.of(o);
  }
}
