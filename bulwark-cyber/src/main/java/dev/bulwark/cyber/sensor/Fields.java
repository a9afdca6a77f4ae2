package dev.bulwark.cyber.sensor;

import tools.jackson.databind.JsonNode;

/**
 * Typed reads of fields inside the small trees a mapper keeps (DNS answer lists, Zeek sets).
 * Stateless and thread-safe.
 */
final class Fields {
  private Fields() {}

  /** A non-empty text field, or null (absent, null, empty, or Zeek's unset {@code -}). */
  static String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null || !v.isValueNode() || v.isNull()) {
      return null;
    }
    String s = v.asString();
    return s.isEmpty() || "-".equals(s) ? null : s;
  }
}
