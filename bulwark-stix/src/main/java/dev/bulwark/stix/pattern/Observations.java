package dev.bulwark.stix.pattern;

import dev.bulwark.stix.StixTimestamps;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads observations from STIX JSON the way the reference matcher does for STIX 2.1: a bundle, a
 * list of bundles (their objects pooled, so an SCO may sit in another bundle than its
 * observed-data) or a list of objects; each observed-data takes the SCOs its {@code object_refs}
 * name. The deprecated embedded {@code objects} (STIX 2.0 style, keyed "0", "1", …) is read too.
 * Stateless and thread-safe.
 */
public final class Observations {

  /** Object types that are not cyber-observables: a pattern never selects them (reference). */
  static final Set<String> NON_OBSERVABLE_TYPES =
      Set.of(
          "attack-pattern",
          "bundle",
          "campaign",
          "course-of-action",
          "extension-definition",
          "grouping",
          "identity",
          "incident",
          "indicator",
          "infrastructure",
          "intrusion-set",
          "language-content",
          "location",
          "malware",
          "malware-analysis",
          "marking-definition",
          "note",
          "observed-data",
          "opinion",
          "relationship",
          "report",
          "threat-actor",
          "tool",
          "sighting",
          "vulnerability");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Observations() {}

  /**
   * Parses JSON text.
   *
   * @param in the JSON (a bundle, a list of bundles or a list of objects); not closed
   * @return the observations, in the order of their observed-data
   * @throws PatternEvaluationException when the JSON is unreadable or an observed-data is malformed
   */
  public static List<Observation> read(InputStream in) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new PatternEvaluationException("not JSON: " + e.getOriginalMessage());
    }
    return fromJson(root);
  }

  /**
   * Parses JSON text.
   *
   * @param json the JSON
   * @return the observations
   */
  public static List<Observation> parse(String json) {
    try {
      return fromJson(MAPPER.readTree(json));
    } catch (JacksonException e) {
      throw new PatternEvaluationException("not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Reads a parsed tree.
   *
   * @param root a bundle, a list of bundles or a list of objects
   * @return the observations, in the order of their observed-data
   * @throws PatternEvaluationException when an observed-data is malformed
   */
  public static List<Observation> fromJson(JsonNode root) {
    List<JsonNode> all = new ArrayList<>();
    collect(root, all, 0);
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<JsonNode> observedData = new ArrayList<>();
    for (JsonNode o : all) {
      if (!o.isObject()) {
        throw new PatternEvaluationException("not a STIX object: " + abbreviate(o));
      }
      if ("observed-data".equals(o.path("type").asString(""))) {
        observedData.add(o);
      } else if (o.hasNonNull("id")) {
        byId.put(o.get("id").asString(), o); // the last of a repeated id wins, as in the reference
      }
    }
    List<Observation> out = new ArrayList<>(observedData.size());
    for (JsonNode od : observedData) {
      out.add(observation(od, byId));
    }
    return out;
  }

  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (node.isArray() && depth < 2) {
      for (JsonNode n : node) {
        collect(n, out, depth + 1);
      }
    } else if (node.isObject() && "bundle".equals(node.path("type").asString(""))) {
      for (JsonNode n : node.path("objects")) {
        out.add(n);
      }
    } else {
      out.add(node);
    }
  }

  private static Observation observation(JsonNode od, Map<String, JsonNode> byId) {
    String id = od.path("id").asString("observed-data");
    Map<String, JsonNode> objects = new LinkedHashMap<>();
    if (od.has("object_refs")) {
      for (JsonNode ref : od.get("object_refs")) {
        JsonNode sco = byId.get(ref.asString(""));
        if (sco != null) {
          objects.putIfAbsent(sco.get("id").asString(), sco);
        }
      }
    } else if (od.path("objects").isObject()) {
      for (Map.Entry<String, JsonNode> e : od.get("objects").properties()) {
        objects.put(e.getKey(), e.getValue());
      }
    } else {
      throw new PatternEvaluationException(id + ": observed-data needs object_refs (or objects)");
    }
    JsonNode n = od.get("number_observed");
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new PatternEvaluationException(id + ": number_observed must be an integer");
    }
    return new Observation(
        id, time(od, "first_observed", id), time(od, "last_observed", id), n.asInt(), objects);
  }

  private static long time(JsonNode od, String field, String id) {
    String text = od.path(field).asString("");
    Optional<Long> micros =
        StixTimestamps.isValid(text) ? StixTimestamps.parseMicros(text) : Optional.empty();
    return micros.orElseThrow(
        () -> new PatternEvaluationException(id + ": " + field + " is not a STIX timestamp"));
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
