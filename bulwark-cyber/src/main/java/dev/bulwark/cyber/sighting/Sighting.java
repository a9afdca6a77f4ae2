package dev.bulwark.cyber.sighting;

import java.util.List;

/**
 * The matches of one indicator at one sensor within one time window: what a STIX {@code sighting}
 * says. The id is derived from (indicator, sensor, window), so the same matches give the same
 * sighting wherever and however often they are counted; {@code version} grows each time the window
 * is emitted again with more matches. Immutable and thread-safe.
 *
 * @param id {@code sighting--<UUIDv5>} of (indicator, sensor, window start)
 * @param indicatorId the indicator ({@code sighting_of_ref})
 * @param sensorRef the sensor's identity ({@code where_sighted_refs})
 * @param windowStartMicros start of the aggregation window
 * @param firstSeenMicros earliest matching observation
 * @param lastSeenMicros latest matching observation
 * @param count matches counted (each observation's {@code number_observed} included)
 * @param observedData the first observations kept as evidence ({@code observed_data_refs}), at most
 *     {@link SightingAggregator#EVIDENCE_PER_SIGHTING}
 * @param modifiedMicros the version's {@code modified}: strictly increasing per id
 */
public record Sighting(
    String id,
    String indicatorId,
    String sensorRef,
    long windowStartMicros,
    long firstSeenMicros,
    long lastSeenMicros,
    long count,
    List<ObservedData> observedData,
    long modifiedMicros) {

  /** Copies the evidence list. */
  public Sighting {
    observedData = List.copyOf(observedData);
  }
}
