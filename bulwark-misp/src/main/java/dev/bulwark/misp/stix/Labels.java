package dev.bulwark.misp.stix;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code misp:...="..."} labels this library writes to carry MISP fields that STIX has no
 * property for (after misp-stix: {@code misp:type}, {@code misp:category}, {@code misp:to_ids},
 * {@code misp:name}, {@code misp:meta-category}), and reading them back. Every other label is a
 * MISP tag, kept verbatim. Stateless.
 */
public final class Labels {
  /** The predicates written by this library (not MISP tags). */
  public static final Set<String> OURS =
      Set.of(
          "type",
          "category",
          "to_ids",
          "object_relation",
          "name",
          "meta-category",
          "template_uuid",
          "template_version",
          "threat_level_id",
          "analysis",
          "date",
          "distribution");

  private Labels() {}

  /**
   * A label {@code misp:name="value"}.
   *
   * @param name the predicate
   * @param value the value
   * @return the label
   */
  public static String of(String name, String value) {
    return "misp:" + name + "=\"" + value.replace("\"", "'") + "\"";
  }

  /**
   * The value of one of our labels.
   *
   * @param labels an object's labels
   * @param name the predicate
   * @return the value, if present
   */
  public static Optional<String> value(List<String> labels, String name) {
    String prefix = "misp:" + name + "=\"";
    for (String l : labels) {
      if (l.startsWith(prefix) && l.endsWith("\"")) {
        return Optional.of(l.substring(prefix.length(), l.length() - 1));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a label is one of ours rather than a MISP tag.
   *
   * @param label a label
   * @return true for {@code misp:<one of OURS>="..."}
   */
  public static boolean isOurs(String label) {
    if (!label.startsWith("misp:")) {
      return false;
    }
    int eq = label.indexOf("=\"");
    return eq > 0 && OURS.contains(label.substring(5, eq)) && label.endsWith("\"");
  }
}
