package dev.bulwark.incidents.sanctions;

import dev.bulwark.incidents.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

/**
 * The FollowTheMoney schemata Bulwark writes (Person, Company, PublicBody, Vessel, Sanction and
 * what they extend), read from the bundled YAML (see SOURCES.md), and the check of one entity
 * against them: a known, non-abstract schema; {@code id}; every property defined by the schema or
 * an ancestor; values lists of strings; dates as ISO dates (or their prefixes), countries as ISO
 * codes, entity references to entities of the same export; required properties present. Loaded
 * once; immutable and thread-safe.
 */
public final class FtmSchema {

  private static final List<String> FILES =
      List.of(
          "Thing",
          "LegalEntity",
          "Person",
          "Organization",
          "PublicBody",
          "Company",
          "Asset",
          "Value",
          "Vehicle",
          "Vessel",
          "Interval",
          "Sanction");
  private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}(-[a-z0-9]+)?");

  /** One schema: its parents, whether abstract, required properties, its own property types. */
  private record Schema(
      List<String> extendsList,
      boolean isAbstract,
      List<String> required,
      Map<String, String> props) {}

  private static final Map<String, Schema> SCHEMATA = load();

  private FtmSchema() {}

  /** The schema names this copy knows. */
  public static Set<String> schemata() {
    return SCHEMATA.keySet();
  }

  /**
   * Every problem of one entity.
   *
   * @param entity {@code {"id", "schema", "properties": {name: [values]}}}
   * @param ids the ids of the entities exported with it (entity references must point there)
   * @return the problems, empty when valid
   */
  public static List<Problem> check(JsonNode entity, Set<String> ids) {
    List<Problem> p = new ArrayList<>();
    String schema = entity.path("schema").asString("");
    Schema s = SCHEMATA.get(schema);
    if (s == null || s.isAbstract()) {
      p.add(new Problem("/schema", "not a concrete FtM schema: " + schema));
      return p;
    }
    if (!entity.path("id").isString() || entity.path("id").asString().isBlank()) {
      p.add(new Problem("/id", "required"));
    }
    Map<String, String> props = properties(schema);
    JsonNode values = entity.path("properties");
    if (!values.isObject()) {
      p.add(new Problem("/properties", "must be an object"));
      return p;
    }
    for (Map.Entry<String, JsonNode> e : values.properties()) {
      String path = "/properties/" + e.getKey();
      String type = props.get(e.getKey());
      if (type == null) {
        p.add(new Problem(path, "not a property of " + schema));
        continue;
      }
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        p.add(new Problem(path, "must be a non-empty list of strings"));
        continue;
      }
      for (JsonNode v : e.getValue()) {
        if (!v.isString()) {
          p.add(new Problem(path, "values are strings"));
        } else if (!valid(type, v.stringValue(), ids)) {
          p.add(new Problem(path, "not a valid " + type + ": " + v.stringValue()));
        }
      }
    }
    for (String r : required(schema)) {
      if (!values.has(r)) {
        p.add(new Problem("/properties/" + r, "required by " + schema));
      }
    }
    return p;
  }

  private static boolean valid(String type, String v, Set<String> ids) {
    switch (type) {
      case "date":
        if (!DATE_PREFIX.matcher(v).matches()) {
          return false;
        }
        try {
          return v.length() < 10 || LocalDate.parse(v) != null;
        } catch (DateTimeParseException e) {
          return false;
        }
      case "country":
        return COUNTRY.matcher(v).matches();
      case "entity":
        return ids.contains(v);
      default:
        return !v.isBlank();
    }
  }

  private static Map<String, String> properties(String schema) {
    Map<String, String> out = new HashMap<>();
    Schema s = SCHEMATA.get(schema);
    for (String parent : s.extendsList()) {
      out.putAll(properties(parent));
    }
    out.putAll(s.props());
    return out;
  }

  private static List<String> required(String schema) {
    List<String> out = new ArrayList<>();
    Schema s = SCHEMATA.get(schema);
    for (String parent : s.extendsList()) {
      out.addAll(required(parent));
    }
    out.addAll(s.required());
    return out.stream().distinct().toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Schema> load() {
    Map<String, Schema> out = new LinkedHashMap<>();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (String name : FILES) {
      try (InputStream in = FtmSchema.class.getResourceAsStream(name + ".yaml")) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name + ".yaml");
        }
        Map<String, Object> doc = yaml.load(in);
        Map<String, Object> s = (Map<String, Object>) doc.get(name);
        Map<String, String> props = new HashMap<>();
        Object p = s.get("properties");
        if (p instanceof Map<?, ?> m) {
          for (Map.Entry<?, ?> e : m.entrySet()) {
            Object type = e.getValue() instanceof Map<?, ?> d ? d.get("type") : null;
            props.put(String.valueOf(e.getKey()), type == null ? "string" : String.valueOf(type));
          }
        }
        out.put(
            name,
            new Schema(
                s.get("extends") instanceof List<?> l ? (List<String>) l : List.of(),
                Boolean.TRUE.equals(s.get("abstract")),
                s.get("required") instanceof List<?> r ? (List<String>) r : List.of(),
                Map.copyOf(props)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(out);
  }
}
