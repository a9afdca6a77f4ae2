package dev.bulwark.misp.write;

import dev.bulwark.misp.TestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against MISP's {@code format/2.5/schema.json} (a copy in the test resources). That
 * schema uses only {@code type}, {@code $ref} (to {@code #/defs/...}), {@code properties}, {@code
 * required}, {@code additionalProperties: false}, {@code items} and {@code uniqueItems}; those few
 * draft-04 keywords are implemented here rather than adding a validator library to the build (the
 * project builds offline and none is in the shared repository). Test helper.
 */
final class MispSchema {
  private final JsonNode root;

  MispSchema() throws Exception {
    this.root = TestData.json("schema/schema.json");
  }

  /** The errors, each with its JSON path; empty when valid. */
  List<String> validate(JsonNode doc) {
    List<String> errors = new ArrayList<>();
    check(root, doc, "$", errors);
    return errors;
  }

  private void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      check(root.get("defs").get(ref.substring("#/defs/".length())), v, path, errors);
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && !typeOk(type, v)) {
      errors.add(path + ": expected " + type + ", got " + v.getNodeType());
      return;
    }
    if (v.isObject()) {
      JsonNode props = schema.get("properties");
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        JsonNode ps = props == null ? null : props.get(e.getKey());
        if (ps != null) {
          check(ps, e.getValue(), path + "." + e.getKey(), errors);
        } else if (schema.has("additionalProperties")
            && !schema.get("additionalProperties").asBoolean()) {
          errors.add(path + ": property " + e.getKey() + " not allowed");
        }
      }
      JsonNode req = schema.get("required");
      if (req != null) {
        for (JsonNode r : req) {
          if (!v.has(r.asString())) {
            errors.add(path + ": missing required " + r.asString());
          }
        }
      }
    }
    if (v.isArray()) {
      if (schema.has("uniqueItems") && schema.get("uniqueItems").asBoolean()) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode x : v) {
          if (!seen.add(x)) {
            errors.add(path + ": duplicate items");
          }
        }
      }
      if (schema.has("items")) {
        for (int i = 0; i < v.size(); i++) {
          check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
        }
      }
    }
  }

  private static boolean typeOk(JsonNode type, JsonNode v) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeOk(t, v)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asString()) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isString();
      case "boolean" -> v.isBoolean();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "null" -> v.isNull();
      default -> false;
    };
  }
}
