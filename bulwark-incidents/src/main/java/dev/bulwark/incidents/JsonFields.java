package dev.bulwark.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads typed values out of a JSON object and collects every problem with its path instead of
 * stopping at the first, so that a rejected input names all that is wrong. Not thread-safe: one per
 * read.
 */
public final class JsonFields {

  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem. */
  public void problem(String path, String reason) {
    problems.add(new Problem(path, reason));
  }

  /** The problems found so far. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Throws {@link IncidentException} when a problem was found. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new IncidentException(problems);
    }
  }

  /** A required non-blank string; {@code ""} (and a problem) when missing. */
  public String required(JsonNode o, String name, String path) {
    Optional<String> v = optional(o, name, path);
    if (v.isEmpty() && !has(o, name)) {
      problem(path + "/" + name, "required");
    } else if (v.isPresent() && v.get().isBlank()) {
      problem(path + "/" + name, "must not be blank");
    }
    return v.orElse("");
  }

  /** An optional string; a problem when present but not a string. */
  public Optional<String> optional(JsonNode o, String name, String path) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isString()) {
      problem(path + "/" + name, "must be a string");
      return Optional.empty();
    }
    return Optional.of(v.stringValue());
  }

  /** An optional integer within [min, max]. */
  public Optional<Integer> integer(JsonNode o, String name, String path, int min, int max) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      problem(path + "/" + name, "must be an integer");
      return Optional.empty();
    }
    int i = v.intValue();
    if (i < min || i > max) {
      problem(path + "/" + name, "must be between " + min + " and " + max);
      return Optional.empty();
    }
    return Optional.of(i);
  }

  /** An optional finite number within [min, max]. */
  public Optional<Double> number(JsonNode o, String name, String path, double min, double max) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      problem(path + "/" + name, "must be a number");
      return Optional.empty();
    }
    double d = v.doubleValue();
    if (!(d >= min && d <= max)) {
      problem(path + "/" + name, "must be between " + min + " and " + max);
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** An optional list of non-blank strings; empty when absent. */
  public List<String> strings(JsonNode o, String name, String path) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      problem(path + "/" + name, "must be a list of strings");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isString() || e.stringValue().isBlank()) {
        problem(path + "/" + name + "/" + i, "must be a non-blank string");
      } else {
        out.add(e.stringValue());
      }
    }
    return out;
  }

  /** The object under {@code name}, or an empty object (and a problem if present and no object). */
  public JsonNode object(JsonNode o, String name, String path) {
    JsonNode v = o.get(name);
    if (v != null && !v.isNull() && !v.isObject()) {
      problem(path + "/" + name, "must be an object");
    }
    return v != null && v.isObject() ? v : JsonNodeFactory.instance.objectNode();
  }

  private static boolean has(JsonNode o, String name) {
    return o.has(name) && !o.get(name).isNull();
  }
}
