package dev.bulwark.cyber.sensor.tree;

import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Small typed reads of sensor JSON fields shared by the mappers. Stateless and thread-safe. */
final class TreeFields {
  private TreeFields() {}

  /** A non-empty text field, or null (absent, null, empty, or Zeek's unset {@code -}). */
  static String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null || !v.isValueNode() || v.isNull()) {
      return null;
    }
    String s = v.asString();
    return s.isEmpty() || "-".equals(s) ? null : s;
  }

  /** A non-negative whole number field copied to an SCO property, when present. */
  static void count(JsonNode o, String name, ObjectNode sco, String property) throws Rejected {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw new Rejected(RejectCause.BAD_NUMBER, name + ": not a non-negative whole number");
    }
    sco.put(property, v.asLong());
  }

  /** A port (0..65535) copied to an SCO property, when present. */
  static void port(JsonNode o, String name, ObjectNode sco, String property) throws Rejected {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 65_535) {
      throw new Rejected(RejectCause.BAD_NUMBER, name + ": not a port");
    }
    sco.put(property, v.asInt());
  }

  /** A timestamp field: RFC 3339 text or epoch seconds; empty when absent. */
  static OptionalLong time(JsonNode o, String name) throws Rejected {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    OptionalLong t =
        v.isNumber() ? TreeTimes.epochSeconds(v.asDouble()) : TreeTimes.rfc3339(v.asString());
    if (t.isEmpty()) {
      throw new Rejected(RejectCause.BAD_TIMESTAMP, name + ": not a timestamp");
    }
    return t;
  }

  /** A timestamp field that must be there. */
  static long requiredTime(JsonNode o, String name) throws Rejected {
    OptionalLong t = time(o, name);
    if (t.isEmpty()) {
      throw new Rejected(RejectCause.BAD_TIMESTAMP, name + ": missing");
    }
    return t.getAsLong();
  }
}
