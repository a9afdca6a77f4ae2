package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.taxii.server.IntelAccess;
import dev.bulwark.node.workbench.IntelObjects.Seen;
import dev.bulwark.node.workbench.WorkbenchJson.BodyProblem;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.pattern.PatternException;
import dev.bulwark.stix.pattern.PatternParser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating and editing under {@code /api/intel}: live pattern validation, the audience preview of
 * chosen markings, a new object, a new version of an object (markings never widen: TAXII's rule),
 * each checked by the STIX validator and stored through TAXII's write path ({@link IntelAccess}).
 * Thread-safe.
 */
@RestController
@RequestMapping("/api/intel")
class AuthoringController {
  static final String DEFAULT_COLLECTION = "intel";

  private final IntelObjects objects;
  private final IntelAccess access;
  private final AccessPolicy policy;
  private final ObjectStore store;
  private final IntelWrites writes;

  AuthoringController(
      IntelObjects objects,
      IntelAccess access,
      AccessPolicy policy,
      ObjectStore store,
      IntelWrites writes) {
    this.objects = objects;
    this.access = access;
    this.policy = policy;
    this.store = store;
    this.writes = writes;
  }

  @PostMapping("/patterns/validate")
  ResponseEntity<String> validatePattern(HttpServletRequest request) {
    JsonNode body;
    try {
      body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
    } catch (BodyProblem e) {
      return e.answer();
    }
    String pattern = body.path("pattern").asString("");
    ObjectNode out = JSON.createObjectNode();
    try {
      PatternParser.parse(pattern);
      out.put("valid", true);
    } catch (PatternException e) {
      out.put("valid", false);
      out.putArray("errors").addObject().put("position", e.column()).put("reason", e.reason());
    }
    return WorkbenchJson.ok(out);
  }

  @PostMapping("/audience")
  ResponseEntity<String> audience(
      @RequestParam(defaultValue = DEFAULT_COLLECTION) String collection,
      HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    if (!IntelObjects.analyst(p)) {
      return WorkbenchJson.forbidden("the workbench is for readers, contributors and admins");
    }
    JsonNode body;
    ChosenMarkings chosen;
    try {
      body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
      chosen = ChosenMarkings.of(p, body);
    } catch (BodyProblem e) {
      return e.answer();
    } catch (ChosenMarkings.Bad e) {
      return WorkbenchJson.invalid(e.where, e.getMessage());
    }
    Set<String> defaults =
        access.readable(p).containsKey(collection)
            ? store.collection(collection).map(c -> c.defaultNations()).orElse(Set.of())
            : Set.of();
    return WorkbenchJson.ok(objects.preview(p, chosen.resolved(p, policy), defaults).json());
  }

  @PostMapping("/objects")
  ResponseEntity<String> create(
      @RequestParam(defaultValue = DEFAULT_COLLECTION) String collection,
      HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    if (!p.has(Role.CONTRIBUTOR) && !p.isAdmin()) {
      return WorkbenchJson.forbidden("creating objects needs the contributor role");
    }
    try {
      JsonNode body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
      if (!body.path("object").isObject()) {
        return WorkbenchJson.invalid("object", "give the STIX object as a JSON object");
      }
      ObjectNode o = ((ObjectNode) body.path("object")).deepCopy();
      String type = o.path("type").asString("");
      if (!type.matches("[a-z0-9][a-z0-9-]{1,249}")) {
        return WorkbenchJson.invalid("object.type", "give the STIX type, e.g. indicator");
      }
      String now = StixTimestamps.formatMillis(System.currentTimeMillis());
      if (!o.has("id")) {
        o.put("id", type + "--" + UUID.randomUUID());
      }
      o.put("spec_version", "2.1");
      if (!o.has("created")) {
        o.put("created", now);
      }
      if (!o.has("modified")) {
        o.put("modified", o.path("created").asString(now));
      }
      if (!o.has("created_by_ref")) {
        o.put("created_by_ref", ChosenMarkings.author(p));
      }
      return writes.write(p, collection, o, ChosenMarkings.of(p, body), 201);
    } catch (BodyProblem e) {
      return e.answer();
    } catch (ChosenMarkings.Bad e) {
      return WorkbenchJson.invalid(e.where, e.getMessage());
    }
  }

  @PostMapping("/objects/{id}/versions")
  ResponseEntity<String> newVersion(@PathVariable("id") String id, HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    Optional<Seen> current = IntelObjects.analyst(p) ? objects.latest(p, id) : Optional.empty();
    if (current.isEmpty()) {
      return WorkbenchJson.notFound();
    }
    if (!p.has(Role.CONTRIBUTOR) && !p.isAdmin()) {
      return WorkbenchJson.forbidden("editing objects needs the contributor role");
    }
    try {
      JsonNode body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
      JsonNode old = IntelViews.parse(current.get().json());
      ObjectNode o =
          body.path("object").isObject()
              ? ((ObjectNode) body.path("object")).deepCopy()
              : ((ObjectNode) old).deepCopy();
      for (String fixed : List.of("type", "id", "created", "created_by_ref", "spec_version")) {
        if (old.has(fixed)) {
          o.set(fixed, old.get(fixed));
        }
      }
      o.put("modified", StixTimestamps.formatMillis(System.currentTimeMillis()));
      ChosenMarkings chosen = ChosenMarkings.of(p, body);
      if (chosen.refs().isEmpty() && old.has("object_marking_refs")) {
        o.set("object_marking_refs", old.get("object_marking_refs"));
      }
      return writes.write(p, current.get().row().collectionId(), o, chosen, 200);
    } catch (BodyProblem e) {
      return e.answer();
    } catch (ChosenMarkings.Bad e) {
      return WorkbenchJson.invalid(e.where, e.getMessage());
    }
  }
}
