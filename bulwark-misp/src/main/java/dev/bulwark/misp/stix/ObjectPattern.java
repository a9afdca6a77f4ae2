package dev.bulwark.misp.stix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combined pattern of a MISP object, as misp-stix writes one indicator per object: the patterns
 * of its to_ids attributes, comparisons on one SCO type joined by AND in one observation (hashes
 * first, as misp-stix orders a file), observations of different types joined by AND. Stateless.
 */
final class ObjectPattern {
  private ObjectPattern() {}

  /**
   * Combines single-observation patterns.
   *
   * @param patterns each {@code [type:path ... ]}, in attribute order
   * @return the combined pattern, or empty text when there is none
   */
  static String combine(List<String> patterns) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (String p : patterns) {
      String inner = p.substring(1, p.length() - 1);
      String type = inner.substring(0, Math.max(0, inner.indexOf(':')));
      byType.computeIfAbsent(type, k -> new ArrayList<>()).add(inner);
    }
    List<String> observations = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byType.entrySet()) {
      List<String> ordered = new ArrayList<>();
      String hashes = e.getKey() + ":hashes.";
      e.getValue().stream().filter(c -> c.startsWith(hashes)).forEach(ordered::add);
      e.getValue().stream().filter(c -> !c.startsWith(hashes)).forEach(ordered::add);
      observations.add("[" + String.join(" AND ", ordered) + "]");
    }
    return String.join(" AND ", observations);
  }
}
