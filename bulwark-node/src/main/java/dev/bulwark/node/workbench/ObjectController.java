package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.workbench.IntelObjects.Seen;
import dev.bulwark.stix.StixTimestamps;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An object's page under {@code /api/intel/objects/{id}}: the object with its summary and who may
 * read it, its audience alone, its versions, a diff between two, and its neighbourhood one hop at a
 * time. An object the reader may not read answers 404 exactly as a missing one. Thread-safe.
 */
@RestController
@RequestMapping("/api/intel/objects")
class ObjectController {
  private final IntelObjects objects;
  private final Neighbourhood graph;
  private final AccessPolicy policy;

  ObjectController(IntelObjects objects, Neighbourhood graph, AccessPolicy policy) {
    this.objects = objects;
    this.graph = graph;
    this.policy = policy;
  }

  @GetMapping("/{id}")
  ResponseEntity<String> object(@PathVariable("id") String id) {
    NodePrincipal p = WorkbenchJson.principal();
    if (!IntelObjects.analyst(p)) {
      return WorkbenchJson.forbidden("the workbench is for readers, contributors and admins");
    }
    List<Seen> versions = objects.versions(p, id);
    if (versions.isEmpty()) {
      return WorkbenchJson.notFound();
    }
    Seen s = versions.get(versions.size() - 1);
    ObjectNode out = JSON.createObjectNode();
    out.set("summary", IntelViews.summary(s.row(), s.json(), policy));
    out.set("object", IntelViews.parse(s.json()));
    out.set("readable_by", objects.audience(s.row()).json());
    out.put("versions_count", versions.size());
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/{id}/audience")
  ResponseEntity<String> audience(@PathVariable("id") String id) {
    return withLatest(id, s -> objects.audience(s.row()).json());
  }

  @GetMapping("/{id}/versions")
  ResponseEntity<String> versions(@PathVariable("id") String id) {
    NodePrincipal p = WorkbenchJson.principal();
    List<Seen> versions = IntelObjects.analyst(p) ? objects.versions(p, id) : List.of();
    if (versions.isEmpty()) {
      return WorkbenchJson.notFound();
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("versions");
    for (Seen s : versions) {
      list.addObject()
          .put("version", s.row().version())
          .put("date_added", StixTimestamps.formatMicros(s.row().dateAddedMicros()))
          .put("collection", s.row().collectionId())
          .put("origin_nation", s.row().originNation())
          .set("marking_refs", IntelViews.array(s.row().markingRefs()));
    }
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/{id}/diff")
  ResponseEntity<String> diff(
      @PathVariable("id") String id,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to) {
    NodePrincipal p = WorkbenchJson.principal();
    List<Seen> versions = IntelObjects.analyst(p) ? objects.versions(p, id) : List.of();
    if (versions.isEmpty()) {
      return WorkbenchJson.notFound();
    }
    Optional<Seen> a = version(versions, from);
    Optional<Seen> b = version(versions, to);
    if (a.isEmpty()) {
      return WorkbenchJson.invalid("from", "not a version of this object you may read");
    }
    if (b.isEmpty()) {
      return WorkbenchJson.invalid("to", "not a version of this object you may read");
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("from", a.get().row().version());
    out.put("to", b.get().row().version());
    out.set(
        "changes",
        JsonDiff.changes(IntelViews.parse(a.get().json()), IntelViews.parse(b.get().json())));
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/{id}/neighbours")
  ResponseEntity<String> neighbours(@PathVariable("id") String id) {
    NodePrincipal p = WorkbenchJson.principal();
    return withLatest(id, s -> graph.around(p, s));
  }

  private ResponseEntity<String> withLatest(String id, Function<Seen, ObjectNode> answer) {
    NodePrincipal p = WorkbenchJson.principal();
    Optional<Seen> s = IntelObjects.analyst(p) ? objects.latest(p, id) : Optional.empty();
    return s.map(seen -> WorkbenchJson.ok(answer.apply(seen))).orElseGet(WorkbenchJson::notFound);
  }

  /** The version written as {@code v} (the newest readable row of it); the newest when empty. */
  private static Optional<Seen> version(List<Seen> versions, String v) {
    Optional<Seen> found = Optional.empty();
    for (Seen s : versions) {
      if (v.isEmpty() || s.row().version().equals(v)) {
        found = Optional.of(s);
      }
    }
    return found;
  }
}
