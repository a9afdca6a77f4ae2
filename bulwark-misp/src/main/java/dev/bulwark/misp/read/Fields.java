package dev.bulwark.misp.read;

import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Path-aware access to the fields of one MISP JSON object. MISP writes numbers and booleans both as
 * JSON numbers/booleans and as strings ({@code "1603642920"}, {@code "1"}), so both are read. Not
 * thread-safe (one per object being read).
 */
final class Fields {
  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final JsonNode EMPTY = JsonNodeFactory.instance.arrayNode();

  private final JsonNode node;
  private final String path;

  Fields(JsonNode node, String path) throws MispFormatException {
    if (node == null || !node.isObject()) {
      throw new MispFormatException(path, "expected a JSON object");
    }
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  String at(String name) {
    return path + "." + name;
  }

  JsonNode node() {
    return node;
  }

  JsonNode get(String name) {
    JsonNode n = node.get(name);
    return n == null || n.isNull() ? null : n;
  }

  String string(String name, String fallback) throws MispFormatException {
    JsonNode n = get(name);
    if (n == null) {
      return fallback;
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isNumber() || n.isBoolean()) {
      return n.asString();
    }
    throw new MispFormatException(at(name), "expected a string");
  }

  String requiredString(String name) throws MispFormatException {
    String s = string(name, null);
    if (s == null) {
      throw new MispFormatException(at(name), "missing");
    }
    return s;
  }

  String uuid(String name) throws MispFormatException {
    String s = requiredString(name);
    if (!UUID_FORM.matcher(s).matches()) {
      throw new MispFormatException(at(name), "not a uuid: " + clip(s));
    }
    return s.toLowerCase(Locale.ROOT);
  }

  String optionalUuid(String name) throws MispFormatException {
    String s = string(name, "");
    if (s.isEmpty()) {
      return "";
    }
    if (!UUID_FORM.matcher(s).matches()) {
      throw new MispFormatException(at(name), "not a uuid: " + clip(s));
    }
    return s.toLowerCase(Locale.ROOT);
  }

  long number(String name, long fallback) throws MispFormatException {
    JsonNode n = get(name);
    if (n == null) {
      return fallback;
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isString()) {
      String s = n.stringValue().trim();
      if (s.isEmpty()) {
        return fallback;
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new MispFormatException(at(name), "not an integer: " + clip(s));
      }
    }
    throw new MispFormatException(at(name), "expected an integer");
  }

  boolean bool(String name, boolean fallback) throws MispFormatException {
    JsonNode n = get(name);
    if (n == null) {
      return fallback;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.longValue() != 0;
    }
    if (n.isString()) {
      switch (n.stringValue().trim().toLowerCase(Locale.ROOT)) {
        case "1", "true":
          return true;
        case "0", "false", "":
          return false;
        default:
          break;
      }
    }
    throw new MispFormatException(at(name), "expected a boolean");
  }

  /** The array under name, or an empty array node when absent. */
  JsonNode array(String name) throws MispFormatException {
    JsonNode n = get(name);
    if (n == null) {
      return EMPTY;
    }
    if (!n.isArray()) {
      throw new MispFormatException(at(name), "expected an array");
    }
    return n;
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
