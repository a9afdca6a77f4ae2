package dev.bulwark.node.workbench;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.SearchDocument;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the workbench shows an object in lists and graphs: its summary (human fields first) and its
 * markings as words ("TLP:AMBER", "releasable to DEU"). Built only from what the reader received:
 * the JSON as {@code IntelAccess.jsonFor} gave it. Stateless.
 */
final class IntelViews {
  private static final int DESCRIPTION = 300;

  private IntelViews() {}

  static JsonNode parse(String json) {
    try {
      return WorkbenchJson.JSON.readTree(json);
    } catch (JacksonException e) {
      return WorkbenchJson.JSON.createObjectNode();
    }
  }

  /** The summary of a permitted row whose JSON, as the reader may receive it, is {@code json}. */
  static ObjectNode summary(StoredObject o, String json, AccessPolicy policy) {
    JsonNode root = parse(json);
    ObjectNode s = WorkbenchJson.JSON.createObjectNode();
    s.put("id", o.objectId());
    s.put("type", o.type());
    s.put("name", SearchDocument.displayName(root, o.objectId()));
    String d = root.path("description").asString("");
    s.put("description", d.length() > DESCRIPTION ? d.substring(0, DESCRIPTION) + "…" : d);
    s.put("created", root.path("created").asString(""));
    s.put("modified", root.path("modified").asString(""));
    s.put("created_by_ref", root.path("created_by_ref").asString(""));
    s.set("labels", root.path("labels").isArray() ? root.path("labels") : s.arrayNode());
    ArrayNode refs = s.putArray("marking_refs");
    o.markingRefs().forEach(refs::add);
    ArrayNode words = s.putArray("markings");
    for (String ref : o.markingRefs()) {
      words.add(markingWords(ref, policy.resolve(ref, o.originNation())));
    }
    s.put("origin_nation", o.originNation());
    s.put("collection", o.collectionId());
    s.put("date_added", StixTimestamps.formatMicros(o.dateAddedMicros()));
    return s;
  }

  /** A marking as words: the TLP level, the releasability, or the definition's name. */
  static String markingWords(String ref, Optional<StixObject> definition) {
    Optional<Tlp> tlp = Tlp.fromMarkingId(ref);
    if (tlp.isPresent()) {
      return tlp.get().definition().json().path("name").asString(ref);
    }
    if (definition.isEmpty()) {
      return "unresolved marking";
    }
    Optional<Releasability> r = ReleasabilityMarking.read(definition.get());
    if (r.isPresent()) {
      String nations = String.join(", ", r.get().nations());
      return r.get().recipients().isEmpty()
          ? "releasable to " + nations
          : "releasable to " + nations + (nations.isEmpty() ? "" : "; ") + "named recipients";
    }
    return definition.get().json().path("name").asString("statement");
  }

  static ArrayNode array(List<String> values) {
    ArrayNode a = WorkbenchJson.JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }
}
