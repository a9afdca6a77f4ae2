package dev.bulwark.cyber.sighting;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.stix.CanonicalJson;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An observation kept as a sighting's evidence, with the STIX 2.1 {@code observed-data} and SCOs it
 * is shared as. SCO ids are the spec's deterministic UUIDv5 of their ID contributing properties
 * (section 2.9), so the same address seen twice is one object; the observed-data id is a UUIDv5 of
 * the sensor and the observation's content, so re-reading the same event gives the same object
 * (idempotent writes). STIX input keeps its observed-data id. Immutable and thread-safe.
 *
 * @param id the observed-data id
 * @param observation what was seen
 */
public record ObservedData(String id, Observation observation) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final UUID NAMESPACE = UUID.fromString("3b1c0f6e-6f0a-4d55-9a39-2b8e5c1d7a40");

  /** The types whose ids derive from {@code value} alone. */
  private static final Set<String> BY_VALUE =
      Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url", "mac-addr", "email-addr");

  /** The evidence of an observation made by a sensor. */
  public static ObservedData of(Observation o, String sensorRef) {
    if (o.observedDataId().isPresent()) {
      return new ObservedData(o.observedDataId().get(), o);
    }
    String seed = sensorRef + "|" + o.source() + "|" + o.firstMicros() + "|" + o.lastMicros();
    UUID uuid = StixIds.uuid5(NAMESPACE, seed + "|" + CanonicalJson.of(o.objects()));
    return new ObservedData("observed-data--" + uuid, o);
  }

  /**
   * The observed-data (first) and its SCOs, as STIX 2.1 JSON.
   *
   * @param createdBy the identity that writes them (the sensor's)
   * @param markingRefs the markings of the sighting it backs
   */
  public List<ObjectNode> toStix(String createdBy, List<String> markingRefs) {
    Map<String, String> ids = new HashMap<>();
    List<ObjectNode> scos = new ArrayList<>();
    ObjectNode objects = observation().objects();
    if (observation().observedDataId().isPresent()) {
      objects.propertyNames().forEach(k -> ids.put(k, k));
      objects.forEach(sco -> scos.add(((ObjectNode) sco).deepCopy()));
    } else {
      // Refs point to lower keys only when the reader added the target first; resolve in order
      // and retry those that reference a later key.
      for (String key : objects.propertyNames()) {
        ids.put(key, null);
      }
      for (int pass = 0; pass < 3 && ids.containsValue(null); pass++) {
        for (String key : objects.propertyNames()) {
          if (ids.get(key) == null) {
            ObjectNode sco = rewrite((ObjectNode) objects.get(key), ids);
            if (sco != null) {
              ids.put(key, scoId(sco));
              sco.put("id", ids.get(key));
              sco.put("spec_version", "2.1");
              scos.add(sco);
            }
          }
        }
      }
    }
    String stamp = StixTimestamps.formatMicros(observation().firstMicros());
    ObjectNode od = NODES.objectNode();
    od.put("type", "observed-data");
    od.put("spec_version", "2.1");
    od.put("id", id);
    od.put("created_by_ref", createdBy);
    od.put("created", stamp);
    od.put("modified", stamp);
    od.put("first_observed", stamp);
    od.put("last_observed", StixTimestamps.formatMicros(observation().lastMicros()));
    od.put("number_observed", observation().count());
    ArrayNode refs = od.putArray("object_refs");
    scos.forEach(s -> refs.add(s.get("id").asString()));
    if (!markingRefs.isEmpty()) {
      ArrayNode m = od.putArray("object_marking_refs");
      markingRefs.forEach(m::add);
    }
    List<ObjectNode> out = new ArrayList<>(scos.size() + 1);
    out.add(od);
    out.addAll(scos);
    return out;
  }

  /** A copy with refs replaced by ids; null while a ref's target has no id yet. */
  private static ObjectNode rewrite(ObjectNode sco, Map<String, String> ids) {
    ObjectNode copy = sco.deepCopy();
    for (String prop : sco.propertyNames()) {
      JsonNode v = sco.get(prop);
      if (prop.endsWith("_ref")) {
        String id = ids.get(v.asString());
        if (id == null) {
          return null;
        }
        copy.put(prop, id);
      } else if (prop.endsWith("_refs") && v.isArray()) {
        ArrayNode a = copy.putArray(prop);
        for (JsonNode r : v) {
          String id = ids.get(r.asString());
          if (id == null) {
            return null;
          }
          a.add(id);
        }
      }
    }
    return copy;
  }

  /** The spec's deterministic id for the common types; a content UUIDv5 otherwise. */
  static String scoId(ObjectNode sco) {
    String type = sco.get("type").asString();
    ObjectNode basis = NODES.objectNode();
    if (BY_VALUE.contains(type)) {
      basis.set("value", sco.get("value"));
    } else if ("file".equals(type) || "x509-certificate".equals(type)) {
      JsonNode hashes = sco.get("hashes");
      if (hashes != null && hashes.isObject() && !hashes.isEmpty()) {
        for (String algo : List.of("MD5", "SHA-1", "SHA-256", "SHA-512")) {
          if (hashes.has(algo)) {
            basis.putObject("hashes").set(algo, hashes.get(algo));
            break;
          }
        }
      }
      for (String p : List.of("name", "serial_number")) {
        if (sco.has(p) && ("file".equals(type) == "name".equals(p))) {
          basis.set(p, sco.get(p));
        }
      }
    } else {
      sco.propertyNames().forEach(p -> basis.set(p, sco.get(p)));
      basis.remove("type");
    }
    if (basis.isEmpty()) {
      sco.propertyNames().forEach(p -> basis.set(p, sco.get(p)));
    }
    return type + "--" + StixIds.uuid5(StixIds.SCO_NAMESPACE, CanonicalJson.of(basis));
  }
}
