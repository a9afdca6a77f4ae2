package dev.bulwark.node.cyber;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sightings a principal may read, and the views of the Cyber page built from them only: the
 * latest version of each sighting, per indicator and per sensor, the top indicators. Every object
 * shown (sighting, indicator name, sensor name) passes the one read gate for that principal; a
 * sighting or name it may not read is absent, not hidden, and counts nowhere. Thread-safe.
 */
final class SightingReads {
  /** At most this many sightings are read for one view (newest kept). */
  static final int MAX_SIGHTINGS = 5000;

  private final ObjectStore store;
  private final AccessPolicy policy;
  private final CyberProperties properties;
  private final JsonMapper json = JsonMapper.builder().build();
  private final GranularMarkings parts;

  SightingReads(ObjectStore store, AccessPolicy policy, CyberProperties properties) {
    this.store = store;
    this.policy = policy;
    this.properties = properties;
    this.parts = new GranularMarkings(policy);
  }

  /** The latest version of each readable object of one type in a collection, by id. */
  private Map<String, StoredObject> latest(NodePrincipal p, String collection, Set<String> types) {
    Map<String, StoredObject> out = new LinkedHashMap<>();
    Optional<CollectionInfo> info = store.collection(collection);
    if (info.isEmpty()) {
      return out;
    }
    ReadFilter gate =
        parts.withholding(
            policy.readFilter(p, info.get()), p.reader(), info.get().defaultNations());
    long after = 0;
    int pages = 0;
    while (pages++ < 100) {
      Page page =
          store.page(new ObjectQuery(collection, after, types, Set.of(), Set.of(), 1000), gate);
      for (StoredObject o : page.items()) {
        StoredObject before = out.get(o.objectId());
        Optional<String> served = parts.jsonFor(p.reader(), o, info.get().defaultNations());
        if (served.isPresent() && (before == null || before.versionMicros() < o.versionMicros())) {
          // what this reader is served: granularly restricted parts (a name, a pattern) removed
          out.put(o.objectId(), o.withJson(served.get()));
        }
      }
      if (!page.more()) {
        break;
      }
      after = page.scannedUpToMicros();
    }
    return out;
  }

  /** The readable sightings, newest last_seen first, as the list view shows them. */
  ArrayNode sightings(NodePrincipal p, String indicator, String sensor, int limit) {
    List<ObjectNode> all = views(p);
    ArrayNode out = json.createArrayNode();
    all.stream()
        .filter(s -> indicator.isEmpty() || indicator.equals(s.path("indicator_id").asString()))
        .filter(s -> sensor.isEmpty() || sensor.equals(s.path("sensor_id").asString()))
        .limit(Math.max(1, Math.min(limit, MAX_SIGHTINGS)))
        .forEach(out::add);
    return out;
  }

  /** One readable sighting in full (STIX), with its observed-data the reader may read. */
  Optional<ObjectNode> sighting(NodePrincipal p, String id) {
    Map<String, StoredObject> s = latest(p, properties.collection(), Set.of("sighting"));
    StoredObject o = s.get(id);
    if (o == null) {
      return Optional.empty();
    }
    ObjectNode out = json.createObjectNode();
    JsonNode stix = json.readTree(o.json());
    out.set("sighting", stix);
    ArrayNode evidence = out.putArray("observed_data");
    Map<String, StoredObject> od = latest(p, properties.collection(), Set.of("observed-data"));
    stix.path("observed_data_refs")
        .forEach(
            r ->
                Optional.ofNullable(od.get(r.asString()))
                    .ifPresent(d -> evidence.add(json.readTree(d.json()))));
    return Optional.of(out);
  }

  /** Counts per indicator and per sensor over the readable sightings, top first. */
  ObjectNode overview(NodePrincipal p) {
    List<ObjectNode> all = views(p);
    Map<String, long[]> perIndicator = new HashMap<>();
    Map<String, long[]> perSensor = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (ObjectNode s : all) {
      long c = s.path("count").asLong();
      String i = s.path("indicator_id").asString();
      String n = s.path("sensor_id").asString();
      names.put(i, s.path("indicator_name").asString(""));
      names.put(n, s.path("sensor_name").asString(""));
      perIndicator.computeIfAbsent(i, k -> new long[2])[0] += c;
      perIndicator.get(i)[1]++;
      perSensor.computeIfAbsent(n, k -> new long[2])[0] += c;
      perSensor.get(n)[1]++;
    }
    ObjectNode out = json.createObjectNode();
    out.put("sightings", all.size());
    out.set("top_indicators", top(perIndicator, names, "indicator_id", "indicator_name"));
    out.set("sensors", top(perSensor, names, "sensor_id", "sensor_name"));
    return out;
  }

  private ArrayNode top(
      Map<String, long[]> counts, Map<String, String> names, String id, String name) {
    ArrayNode out = json.createArrayNode();
    counts.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]))
        .limit(20)
        .forEach(
            e -> {
              ObjectNode n = out.addObject();
              n.put(id, e.getKey());
              n.put(name, names.getOrDefault(e.getKey(), ""));
              n.put("matches", e.getValue()[0]);
              n.put("sightings", e.getValue()[1]);
            });
    return out;
  }

  /** Every readable sighting as a flat snake_case view, with names the reader may read. */
  private List<ObjectNode> views(NodePrincipal p) {
    Map<String, StoredObject> sightings = latest(p, properties.collection(), Set.of("sighting"));
    Map<String, StoredObject> identities = latest(p, properties.collection(), Set.of("identity"));
    Map<String, StoredObject> indicators = new HashMap<>();
    for (String c : properties.indicatorCollections()) {
      indicators.putAll(latest(p, c, Set.of("indicator")));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (StoredObject o : sightings.values()) {
      JsonNode s = json.readTree(o.json());
      ObjectNode v = json.createObjectNode();
      v.put("id", o.objectId());
      v.put("indicator_id", s.path("sighting_of_ref").asString());
      v.put("indicator_name", nameOf(indicators.get(s.path("sighting_of_ref").asString())));
      v.put(
          "indicator_pattern",
          field(indicators.get(s.path("sighting_of_ref").asString()), "pattern"));
      String sensor = s.path("where_sighted_refs").path(0).asString();
      v.put("sensor_id", sensor);
      v.put("sensor_name", nameOf(identities.get(sensor)));
      v.put("nation", o.originNation());
      v.put("first_seen", s.path("first_seen").asString());
      v.put("last_seen", s.path("last_seen").asString());
      v.put("count", s.path("count").asLong());
      v.put("modified", s.path("modified").asString());
      ArrayNode m = v.putArray("marking_refs");
      o.markingRefs().forEach(m::add);
      out.add(v);
    }
    out.sort(Comparator.comparing((ObjectNode n) -> n.path("last_seen").asString()).reversed());
    return out.size() > MAX_SIGHTINGS ? out.subList(0, MAX_SIGHTINGS) : out;
  }

  private String nameOf(StoredObject o) {
    return field(o, "name");
  }

  private String field(StoredObject o, String name) {
    return o == null ? "" : json.readTree(o.json()).path(name).asString("");
  }
}
