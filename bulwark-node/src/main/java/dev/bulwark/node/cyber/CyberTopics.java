package dev.bulwark.node.cyber;

import java.util.Locale;

/**
 * The Kafka topics of the cyber scale-out, all named after the events topic {@code TOPIC}:
 *
 * <ul>
 *   <li>{@code TOPIC}: sensor events, keyed by the sensor principal's name (one event per record);
 *   <li>{@code TOPIC.sensors} (compacted, written by the node): the active sensors, keyed by name,
 *       value {@code {"name", "nation", "identity_ref"}}; a tombstone when a sensor goes;
 *   <li>{@code TOPIC.indicators.<ISO3>} (compacted, written by the node): exactly the indicators
 *       that nation may read through the node's read gate, keyed by indicator id, value {@code
 *       {"indicator": <the served STIX>, "held_back": bool}}; a tombstone when one leaves the set
 *       (revoked, expired, narrowed, deleted);
 *   <li>{@code TOPIC.sightings} (written by the workers in transactions, read by the node with
 *       {@code read_committed}): sighting deltas keyed by sighting id.
 * </ul>
 *
 * Immutable.
 *
 * @param events the events topic
 */
record CyberTopics(String events) {
  String sensors() {
    return events + ".sensors";
  }

  String indicators(String nation) {
    return events + ".indicators." + nation.toUpperCase(Locale.ROOT);
  }

  String sightings() {
    return events + ".sightings";
  }
}
