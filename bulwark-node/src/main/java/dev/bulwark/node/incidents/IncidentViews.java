package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register's JSON views (snake_case), made only from what a reader was given by {@link
 * RegisterReads}: an incident in a list, an attribution, a response, a version in the history.
 * Stateless; thread-safe.
 */
final class IncidentViews {
  private IncidentViews() {}

  /** Where an incident is, when it says: {lat, lon}. */
  static Optional<double[]> location(JsonNode incident) {
    JsonNode at = RegisterStix.ext(incident).path("location");
    if (at.path("latitude").isNumber() && at.path("longitude").isNumber()) {
      return Optional.of(
          new double[] {at.path("latitude").asDouble(), at.path("longitude").asDouble()});
    }
    return Optional.empty();
  }

  /** When it happened (first_seen), as epoch millis; the object's created when not given. */
  static long firstSeenMillis(JsonNode incident) {
    String t = RegisterStix.ext(incident).path("first_seen").asString("");
    if (t.isEmpty() || !StixTimestamps.isValid(t)) {
      t = incident.path("created").asString("1970-01-01T00:00:00Z");
    }
    return StixTimestamps.toMillis(t);
  }

  static String kind(JsonNode incident) {
    return RegisterStix.ext(incident).path("kind").asString("other");
  }

  static String status(JsonNode incident) {
    return RegisterStix.ext(incident).path("status").asString("reported");
  }

  /** The list view of an incident. */
  static ObjectNode summary(Seen s, BiFunction<String, String, Optional<JsonNode>> markings) {
    JsonNode o = s.json();
    JsonNode ext = RegisterStix.ext(o);
    ObjectNode v = RegisterStix.JSON.createObjectNode();
    v.put("id", s.id());
    v.put("name", o.path("name").asString(""));
    v.put("kind", kind(o));
    v.put("status", status(o));
    v.put("first_seen", StixTimestamps.formatMillis(firstSeenMillis(o)));
    if (ext.has("last_seen")) {
      v.put("last_seen", ext.path("last_seen").asString(""));
    }
    Optional<double[]> at = location(o);
    if (at.isPresent()) {
      v.putObject("location").put("lat", at.get()[0]).put("lon", at.get()[1]);
    } else {
      v.putNull("location");
    }
    v.put("origin", s.header().originNation());
    ArrayNode via = v.putArray("relayed_via");
    s.header().relayedVia().forEach(via::add);
    v.put("version", s.header().version());
    v.set("marking", marking(s, markings));
    return v;
  }

  /** The list view of an incident from the register's index (the same fields as from JSON). */
  static ObjectNode summary(
      RegisterIndex.Entry e, BiFunction<String, String, Optional<JsonNode>> markings) {
    ObjectNode v = RegisterStix.JSON.createObjectNode();
    v.put("id", e.id());
    v.put("name", e.name());
    v.put("kind", e.kind());
    v.put("status", e.status());
    v.put("first_seen", StixTimestamps.formatMillis(e.firstSeenMillis()));
    if (!e.lastSeen().isEmpty()) {
      v.put("last_seen", e.lastSeen());
    }
    if (e.location().isPresent()) {
      v.putObject("location").put("lat", e.location().get()[0]).put("lon", e.location().get()[1]);
    } else {
      v.putNull("location");
    }
    v.put("origin", e.header().originNation());
    ArrayNode via = v.putArray("relayed_via");
    e.header().relayedVia().forEach(via::add);
    v.put("version", e.header().version());
    v.set("marking", marking(e.header(), markings));
    return v;
  }

  /** The full view of an incident: the summary plus description, fields and evidence refs. */
  static ObjectNode detail(Seen s, BiFunction<String, String, Optional<JsonNode>> markings) {
    ObjectNode v = summary(s, markings);
    JsonNode ext = RegisterStix.ext(s.json());
    v.put("description", s.json().path("description").asString(""));
    v.set(
        "kind_fields",
        ext.path("kind_fields").isObject() ? ext.get("kind_fields") : v.objectNode());
    v.set("entities", ext.path("entities").isObject() ? ext.get("entities") : v.objectNode());
    ArrayNode changes = v.putArray("status_history");
    ext.path("status_history").forEach(changes::add);
    v.put("source", ext.path("source").asString("analyst"));
    return v;
  }

  /** The markings of an object in words: TLP levels and nations it is releasable to. */
  static ObjectNode marking(Seen s, BiFunction<String, String, Optional<JsonNode>> markings) {
    return marking(s.header(), markings);
  }

  /** The markings of a stored object in words. */
  static ObjectNode marking(
      StoredObject header, BiFunction<String, String, Optional<JsonNode>> markings) {
    Seen s = new Seen(header, RegisterStix.JSON.createObjectNode());
    ObjectNode m = RegisterStix.JSON.createObjectNode();
    List<String> tlps = new ArrayList<>();
    ArrayNode rel = m.putArray("releasable_to");
    for (String ref : s.header().markingRefs()) {
      Optional<Tlp> t = Tlp.fromMarkingId(ref);
      if (t.isPresent()) {
        tlps.add(label(t.get()));
        continue;
      }
      markings
          .apply(ref, s.header().originNation())
          .flatMap(d -> ReleasabilityMarking.read(StixObject.of((ObjectNode) d.deepCopy())))
          .map(Releasability::nations)
          .ifPresent(ns -> ns.forEach(rel::add));
    }
    m.put("tlp", tlps.isEmpty() ? "" : String.join(" ", tlps));
    return m;
  }

  /** A TLP level as people write it: TLP:AMBER+STRICT. */
  static String label(Tlp t) {
    return "TLP:" + t.name().replace('_', '+');
  }

  /** An attribution: who assessed (its origin nation), to whom, with which confidence words. */
  static ObjectNode attribution(
      Seen s, String targetName, BiFunction<String, String, Optional<JsonNode>> markings) {
    JsonNode o = s.json();
    JsonNode ext = o.path("extensions").path(RegisterStix.ATTRIBUTION_EXTENSION);
    ObjectNode v = RegisterStix.JSON.createObjectNode();
    v.put("id", s.id());
    v.put("nation", s.header().originNation());
    v.put("incident_id", o.path("source_ref").asString(""));
    v.put("attributed_to", o.path("target_ref").asString(""));
    v.put("attributed_to_name", targetName);
    v.put("confidence", o.path("confidence").asInt(0));
    v.put("estimative_term", RegisterStix.term(ext.path("estimative_term").asString("")));
    v.put(
        "admiralty_code",
        ext.path("admiralty_reliability").asString("")
            + ext.path("admiralty_credibility").asString(""));
    v.put("state_responsibility", ext.path("state_responsibility").asString(""));
    v.put("assessed_at", o.path("modified").asString(""));
    v.put("rationale", ext.path("rationale").asString(""));
    v.set("marking", marking(s, markings));
    return v;
  }

  /** A response (an OASIS task). */
  static ObjectNode response(Seen s, BiFunction<String, String, Optional<JsonNode>> markings) {
    JsonNode o = s.json();
    JsonNode ext = o.path("extensions").path(RegisterStix.RESPONSE_EXTENSION);
    ObjectNode v = RegisterStix.JSON.createObjectNode();
    v.put("id", s.id());
    v.put("nation", s.header().originNation());
    v.put("option", ext.path("option").asString(""));
    v.put("name", o.path("name").asString(""));
    v.put("status", ext.path("status").asString(""));
    v.put("outcome", o.path("outcome").asString(""));
    v.put("outcome_text", ext.path("outcome_text").asString(""));
    v.put("decided_by", ext.path("decided_by").asString(""));
    v.put("decided_at", ext.path("decided_at").asString(""));
    ArrayNode allies = v.putArray("coordinated_with");
    ext.path("coordinated_with").forEach(allies::add);
    ArrayNode refs = v.putArray("subject_ids");
    ext.path("subject_refs").forEach(refs::add);
    v.put("version", s.header().version());
    v.set("marking", marking(s, markings));
    return v;
  }

  /** One version in an incident's history. */
  static ObjectNode version(Seen s, BiFunction<String, String, Optional<JsonNode>> markings) {
    ObjectNode v = RegisterStix.JSON.createObjectNode();
    v.put("version", s.header().version());
    v.put("status", status(s.json()));
    JsonNode changes = RegisterStix.ext(s.json()).path("status_history");
    JsonNode last = changes.path(changes.size() - 1);
    v.put("changed_by", last.path("by").asString(""));
    v.put("changed_at", last.path("at").asString(""));
    v.set("marking", marking(s, markings));
    return v;
  }
}
