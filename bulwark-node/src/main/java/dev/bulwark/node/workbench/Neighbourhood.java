package dev.bulwark.node.workbench;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.workbench.IntelObjects.Seen;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One hop of an object's graph for one reader: what it names ({@code _ref}s; a relationship's two
 * ends, a sighting's), and what names it (relationships either way, sightings, reports and other
 * containers, incidents with it as evidence, any other {@code _ref}). Each node and edge is there
 * only when the reader may read every object it rests on; nothing hints at what was left out.
 * Thread-safe.
 */
@Component
final class Neighbourhood {
  /** At most this many objects that name the center are followed. */
  static final int MAX_INCOMING = 200;

  /** At most this many identifiers the center names are followed. */
  static final int MAX_OUTGOING = 200;

  private static final Set<String> CONTAINERS = Set.of("report", "grouping", "note", "opinion");

  private final IntelObjects objects;
  private final IntelSearch search;
  private final AccessPolicy policy;

  Neighbourhood(IntelObjects objects, IntelSearch search, AccessPolicy policy) {
    this.objects = objects;
    this.search = search;
    this.policy = policy;
  }

  /** The graph around a readable object (the caller checked that it is). */
  ObjectNode around(NodePrincipal p, Seen center) {
    Map<String, ObjectNode> nodes = new LinkedHashMap<>();
    ArrayNode edges = WorkbenchJson.JSON.createArrayNode();
    String id = center.row().objectId();
    nodes.put(id, IntelViews.summary(center.row(), center.json(), policy));
    JsonNode root = IntelViews.parse(center.json());
    outgoing(p, id, center.row().type(), root, nodes, edges);
    for (StoredObject o : search.referencing(p, id, MAX_INCOMING)) {
      Optional<Seen> seen = objects.latest(p, o.objectId());
      if (seen.isEmpty() || seen.get().row().objectId().equals(id)) {
        continue;
      }
      incoming(p, id, seen.get(), nodes, edges);
    }
    ObjectNode out = WorkbenchJson.JSON.createObjectNode();
    out.put("center", id);
    ArrayNode list = out.putArray("nodes");
    nodes.values().forEach(list::add);
    out.set("edges", edges);
    return out;
  }

  private void outgoing(
      NodePrincipal p,
      String id,
      String type,
      JsonNode root,
      Map<String, ObjectNode> nodes,
      ArrayNode edges) {
    int followed = 0;
    for (String property : root.propertyNames()) {
      for (String target : refsOf(root.get(property), property)) {
        if (followed++ >= MAX_OUTGOING || target.equals(id) || !node(p, target, nodes)) {
          continue;
        }
        String kind = "sighting".equals(type) ? "sighting" : "ref";
        edge(edges, id, target, kind, property);
      }
    }
  }

  private void incoming(
      NodePrincipal p, String id, Seen other, Map<String, ObjectNode> nodes, ArrayNode edges) {
    JsonNode root = IntelViews.parse(other.json());
    String otherId = other.row().objectId();
    String type = other.row().type();
    if ("relationship".equals(type)) {
      String source = root.path("source_ref").asString("");
      String target = root.path("target_ref").asString("");
      String far = source.equals(id) ? target : source;
      if ((source.equals(id) || target.equals(id)) && (far.equals(id) || node(p, far, nodes))) {
        edge(edges, source, target, "relationship", root.path("relationship_type").asString(""))
            .put("via", otherId);
      }
      return;
    }
    nodes.put(otherId, IntelViews.summary(other.row(), other.json(), policy));
    String kind =
        "sighting".equals(type)
            ? "sighting"
            : CONTAINERS.contains(type) ? "report" : "incident".equals(type) ? "incident" : "ref";
    edge(edges, otherId, id, kind, propertyNaming(root, id));
  }

  /** Adds the node when the reader may read it; whether it is in the graph. */
  private boolean node(NodePrincipal p, String target, Map<String, ObjectNode> nodes) {
    if (nodes.containsKey(target)) {
      return true;
    }
    Optional<Seen> seen = objects.latest(p, target);
    seen.ifPresent(s -> nodes.put(target, IntelViews.summary(s.row(), s.json(), policy)));
    return seen.isPresent();
  }

  private static ObjectNode edge(
      ArrayNode edges, String source, String target, String kind, String label) {
    return edges
        .addObject()
        .put("source", source)
        .put("target", target)
        .put("kind", kind)
        .put("label", label);
  }

  private static Set<String> refsOf(JsonNode value, String property) {
    Set<String> out = new LinkedHashSet<>();
    if (property.endsWith("_ref") && value.isString()) {
      out.add(value.asString());
    } else if (property.endsWith("_refs") && value.isArray()) {
      value.forEach(v -> out.add(v.asString("")));
    }
    out.remove("");
    return out;
  }

  /** The property that names the identifier (top level, else "refs" for a nested one). */
  private static String propertyNaming(JsonNode root, String id) {
    for (String property : root.propertyNames()) {
      if (refsOf(root.get(property), property).contains(id)) {
        return property;
      }
    }
    return "refs";
  }
}
