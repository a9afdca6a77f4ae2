package dev.bulwark.cyber.sensor;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Times;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads STIX observed-data as observations: a bundle, a JSON list of objects or bundles, or one
 * object per line. STIX 2.1 observed-data names its SCOs in {@code object_refs} (resolved against
 * the SCOs read anywhere in the input, with the SCOs they reference in turn); the deprecated
 * embedded {@code objects} dictionary is taken as it is. An observed-data whose refs do not
 * resolve, or without valid {@code first_observed}/{@code last_observed}, is rejected as {@link
 * RejectCause#BAD_STIX}; other object types are kept only as SCOs to resolve. The input is held
 * whole until its end (refs may point forward), so callers bound its size. Not thread-safe.
 */
final class StixObservations {
  // Values are read one by one off a stream: what follows one is the next, not trailing junk.
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int maxObjects;
  private final Map<String, JsonNode> byId = new HashMap<>();
  private final List<JsonNode> observed = new ArrayList<>();

  StixObservations(int maxObjects) {
    this.maxObjects = maxObjects;
  }

  void read(Reader in, String name, Consumer<Observation> sink, ReadCounts counts)
      throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            take(JSON.readTree(p), counts, name);
          }
        } else if (t == JsonToken.START_OBJECT) {
          take(JSON.readTree(p), counts, name);
        } else {
          counts.line();
          counts.reject(RejectCause.BAD_STIX, name, "not a STIX object, list or bundle");
        }
      }
    } catch (JacksonException e) {
      counts.line();
      counts.reject(RejectCause.NOT_JSON, name, "not JSON: the rest of the input is skipped");
    }
    for (JsonNode od : observed) {
      String where = name + ":" + od.path("id").asString();
      try {
        Observation o = resolve(od);
        counts.observation();
        sink.accept(o);
      } catch (IllegalArgumentException e) {
        counts.reject(RejectCause.BAD_STIX, where, e.getMessage());
      }
    }
  }

  private void take(JsonNode o, ReadCounts counts, String name) {
    if ("bundle".equals(o.path("type").asString()) && o.path("objects").isArray()) {
      for (JsonNode each : o.get("objects")) {
        take(each, counts, name);
      }
      return;
    }
    counts.line();
    String id = o.path("id").asString();
    if (!o.isObject() || id.isEmpty() || byId.size() >= maxObjects) {
      counts.reject(RejectCause.BAD_STIX, name, "an object without id, or too many objects");
      return;
    }
    byId.put(id, o);
    if ("observed-data".equals(o.path("type").asString())) {
      observed.add(o);
    }
  }

  private Observation resolve(JsonNode od) {
    OptionalLong first = Times.rfc3339(od.path("first_observed").asString());
    OptionalLong last = Times.rfc3339(od.path("last_observed").asString());
    if (first.isEmpty() || last.isEmpty() || last.getAsLong() < first.getAsLong()) {
      throw new IllegalArgumentException("first_observed/last_observed missing or out of order");
    }
    int count = od.path("number_observed").asInt(1);
    if (count < 1) {
      throw new IllegalArgumentException("number_observed below 1");
    }
    ObjectNode objects;
    if (od.path("objects").isObject()) {
      objects = (ObjectNode) od.get("objects").deepCopy();
    } else if (od.path("object_refs").isArray()) {
      objects = closure(od.get("object_refs"));
    } else {
      throw new IllegalArgumentException("neither object_refs nor objects");
    }
    return new Observation(
        "stix",
        first.getAsLong(),
        last.getAsLong(),
        count,
        objects,
        Optional.of(od.path("id").asString()));
  }

  /** The referenced SCOs and every SCO they reference, keyed by id. */
  private ObjectNode closure(JsonNode refs) {
    ObjectNode out = NODES.objectNode();
    Deque<String> todo = new ArrayDeque<>();
    refs.forEach(r -> todo.add(r.asString()));
    while (!todo.isEmpty()) {
      String ref = todo.pop();
      if (out.has(ref)) {
        continue;
      }
      JsonNode sco = byId.get(ref);
      if (sco == null) {
        throw new IllegalArgumentException("object_refs: " + ref + " is not in the input");
      }
      out.set(ref, sco);
      for (String prop : sco.propertyNames()) {
        JsonNode v = sco.get(prop);
        if (prop.endsWith("_ref") && v.isString() && byId.containsKey(v.asString())) {
          todo.add(v.asString());
        } else if (prop.endsWith("_refs") && v.isArray()) {
          v.forEach(
              x -> {
                if (byId.containsKey(x.asString())) {
                  todo.add(x.asString());
                }
              });
        }
      }
    }
    return out;
  }
}
