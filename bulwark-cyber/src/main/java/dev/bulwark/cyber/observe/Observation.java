package dev.bulwark.cyber.observe;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event a sensor saw, as STIX 2.1 cyber-observable objects: the {@code objects} dictionary of
 * an observed-data (keys {@code "0"}, {@code "1"}, ... for sensor events, the SCO ids for STIX
 * input; every {@code _ref} and {@code _refs} value inside names one of those keys), the time span
 * it covers and where it came from. The form is the one STIX 2.0 embedded in observed-data and
 * patterning still evaluates, so a matcher needs no bundle; {@link ObservedData#of} turns it into
 * 2.1 observed-data with SCO ids when it is to be shared.
 *
 * <p>Immutable by convention: the {@code objects} node is owned by the observation and never
 * changed after the reader made it; callers must not modify it. Safe to share between threads after
 * construction.
 *
 * @param source the reader and event type, e.g. {@code eve:dns}, {@code zeek:conn}, {@code stix}
 * @param firstMicros first observed, microseconds since the epoch
 * @param lastMicros last observed (equal to first for a single event)
 * @param count how many times it was observed (STIX {@code number_observed}, at least 1)
 * @param objects the SCOs by key
 * @param observedDataId the id of the observed-data it was read from (STIX input only)
 */
public record Observation(
    String source,
    long firstMicros,
    long lastMicros,
    int count,
    ObjectNode objects,
    Optional<String> observedDataId) {

  /** Checks the invariants. */
  public Observation {
    if (lastMicros < firstMicros) {
      throw new IllegalArgumentException("last observed before first observed");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
  }
}
