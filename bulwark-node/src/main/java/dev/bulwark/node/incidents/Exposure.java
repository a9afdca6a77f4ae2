package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an exposure report of some incidents may contain: only objects marked TLP:CLEAR and nothing
 * else (no releasability list), read through the anonymous public's gate, so that granular markings
 * take out the parts the public may not read, field by field. The published content is built from
 * the public's reads alone: nothing the public may not read can reach it, whatever the analyst
 * asked for. The preview compares, for the analyst, what the analyst sees with what the public
 * would, and says what is withheld and why (only about objects the analyst may see). Thread-safe.
 */
final class Exposure {
  static final List<String> FIELDS =
      List.of("name", "description", "kind", "status", "first_seen", "last_seen", "location");

  private final RegisterReads reads;

  Exposure(RegisterReads reads) {
    this.reads = reads;
  }

  /** The public content of these incidents: what the anonymous public may read of them. */
  ArrayNode publicContent(List<String> incidentIds) {
    Viewer pub = reads.publicViewer(RegisterReads.COLLECTION);
    List<Seen> related =
        reads
            .latest(
                pub,
                RegisterReads.COLLECTION,
                Set.of("relationship", "task", "threat-actor", "intrusion-set", "identity"))
            .stream()
            .filter(this::clearOnly)
            .toList();
    Map<String, String> names = new HashMap<>();
    related.forEach(s -> names.put(s.id(), s.json().path("name").asString("")));
    ArrayNode out = RegisterStix.JSON.createArrayNode();
    for (String id : new LinkedHashSet<>(incidentIds)) {
      Optional<Seen> s =
          reads.get(pub, RegisterReads.COLLECTION, id).filter(x -> "incident".equals(x.type()));
      if (s.isEmpty() || !clearOnly(s.get())) {
        continue;
      }
      ObjectNode item = fields(s.get());
      ArrayNode attributions = item.putArray("attributions");
      ArrayNode responses = item.putArray("responses");
      for (Seen r : related) {
        JsonNode o = r.json();
        if ("relationship".equals(r.type())
            && "attributed-to".equals(o.path("relationship_type").asString(""))
            && id.equals(o.path("source_ref").asString(""))
            && names.containsKey(o.path("target_ref").asString(""))) {
          ObjectNode a =
              IncidentViews.attribution(
                  r, names.get(o.path("target_ref").asString()), reads::marking);
          a.remove("incident_id");
          attributions.add(a);
        } else if ("task".equals(r.type()) && subjects(r).contains(id)) {
          ObjectNode t = IncidentViews.response(r, reads::marking);
          t.remove("subject_ids"); // other subjects may not be public
          responses.add(t);
        }
      }
      item.set("stix_ids", stixIds(s.get(), attributions, responses));
      out.add(item);
    }
    return out;
  }

  /** The public fields of one incident (as the public gate gave them). */
  private static ObjectNode fields(Seen s) {
    JsonNode o = s.json();
    JsonNode ext = RegisterStix.ext(o);
    ObjectNode item = RegisterStix.JSON.createObjectNode();
    item.put("id", s.id());
    item.put("origin", s.header().originNation());
    if (o.has("name")) {
      item.put("name", o.path("name").asString());
    }
    if (o.has("description")) {
      item.put("description", o.path("description").asString());
    }
    if (ext.has("kind")) {
      item.put("kind", ext.path("kind").asString());
    }
    if (ext.has("status")) {
      item.put("status", ext.path("status").asString());
    }
    if (ext.has("first_seen")) {
      item.put("first_seen", ext.path("first_seen").asString());
    }
    if (ext.has("last_seen")) {
      item.put("last_seen", ext.path("last_seen").asString());
    }
    IncidentViews.location(o)
        .ifPresent(at -> item.putObject("location").put("lat", at[0]).put("lon", at[1]));
    if (ext.path("kind_fields").isObject()) {
      item.set("kind_fields", ext.get("kind_fields"));
    }
    return item;
  }

  private static ArrayNode stixIds(Seen incident, ArrayNode attributions, ArrayNode responses) {
    ArrayNode ids = RegisterStix.JSON.createArrayNode();
    ids.add(incident.id());
    attributions.forEach(
        a -> {
          ids.add(a.path("id").asString());
          ids.add(a.path("attributed_to").asString());
        });
    responses.forEach(r -> ids.add(r.path("id").asString()));
    return ids;
  }

  /**
   * The analyst's preview: what will be published and what is withheld and why, over the incidents
   * the analyst may see (others are "not found", as if they did not exist).
   */
  ObjectNode preview(NodePrincipal p, List<String> incidentIds) {
    ArrayNode published = publicContent(incidentIds);
    Map<String, JsonNode> byId = new HashMap<>();
    published.forEach(i -> byId.put(i.path("id").asString(), i));
    Viewer own = reads.viewer(p, RegisterReads.COLLECTION);
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    out.set("published", published);
    ArrayNode withheld = out.putArray("withheld");
    for (String id : new LinkedHashSet<>(incidentIds)) {
      Optional<Seen> mine =
          reads.get(own, RegisterReads.COLLECTION, id).filter(x -> "incident".equals(x.type()));
      if (mine.isEmpty()) {
        withheld.addObject().put("object", id).put("field", "").put("reason", "not found");
        continue;
      }
      JsonNode pub = byId.get(id);
      if (pub == null) {
        withheld
            .addObject()
            .put("object", id)
            .put("field", "")
            .put("reason", whyNotPublic(mine.get()));
        continue;
      }
      ObjectNode analyst = fields(mine.get());
      for (String f : FIELDS) {
        if (analyst.has(f) && !pub.has(f)) {
          withheld
              .addObject()
              .put("object", id)
              .put("field", f)
              .put("reason", "a granular marking keeps this field from the public");
        }
      }
      for (String f : analyst.path("kind_fields").propertyNames()) {
        if (!pub.path("kind_fields").has(f)) {
          withheld
              .addObject()
              .put("object", id)
              .put("field", "kind_fields." + f)
              .put("reason", "a granular marking keeps this field from the public");
        }
      }
    }
    relatedWithheld(p, incidentIds, byId, withheld);
    return out;
  }

  /** Attributions and responses the analyst sees on the incidents that will not be published. */
  private void relatedWithheld(
      NodePrincipal p, List<String> incidentIds, Map<String, JsonNode> published, ArrayNode out) {
    Viewer own = reads.viewer(p, RegisterReads.COLLECTION);
    Set<String> shown = new HashSet<>();
    published.values().forEach(i -> i.path("stix_ids").forEach(x -> shown.add(x.asString())));
    for (Seen s : reads.latest(own, RegisterReads.COLLECTION, Set.of("relationship", "task"))) {
      boolean about =
          "relationship".equals(s.type())
              ? incidentIds.contains(s.json().path("source_ref").asString(""))
              : subjects(s).stream().anyMatch(incidentIds::contains);
      if (about && !shown.contains(s.id())) {
        out.addObject()
            .put("object", s.id())
            .put("field", "")
            .put(
                "reason",
                ("task".equals(s.type()) ? "response " : "attribution ")
                    + (clearOnly(s) ? "names an object that is not public" : whyNotPublic(s)));
      }
    }
  }

  /** Why an object the analyst sees is not public: its marking in words. */
  private String whyNotPublic(Seen s) {
    ObjectNode m = IncidentViews.marking(s, reads::marking);
    if (!m.path("releasable_to").isEmpty()) {
      return "releasable to a list of nations (" + m.path("releasable_to").toString() + ")";
    }
    String tlp = m.path("tlp").asString("");
    return tlp.isEmpty() ? "unmarked: the collection's default is not public" : "marked " + tlp;
  }

  /** Marked TLP:CLEAR and nothing else, and readable by the anonymous public by the policy. */
  boolean clearOnly(Seen s) {
    List<String> refs = s.header().markingRefs();
    return !refs.isEmpty()
        && refs.stream().allMatch(r -> Tlp.fromMarkingId(r).filter(t -> t == Tlp.CLEAR).isPresent())
        && reads.publicMayRead(s.header());
  }

  static List<String> subjects(Seen task) {
    List<String> out = new ArrayList<>();
    task.json()
        .path("extensions")
        .path(RegisterStix.RESPONSE_EXTENSION)
        .path("subject_refs")
        .forEach(n -> out.add(n.asString("")));
    return out;
  }
}
