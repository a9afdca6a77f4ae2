package dev.bulwark.cyber.match;

import dev.bulwark.stix.pattern.Observation;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a sensor observation into the patterning engine's {@link Observation} (a file of its own
 * because both types are called Observation). Stateless and thread-safe.
 */
final class PatternObservations {
  private PatternObservations() {}

  static Observation of(String label, long first, long last, int count, ObjectNode objects) {
    Map<String, JsonNode> byKey = new HashMap<>(objects.size() * 2);
    for (Map.Entry<String, JsonNode> e : objects.properties()) {
      byKey.put(e.getKey(), e.getValue());
    }
    return new Observation(label, first, last, count, byKey);
  }
}
