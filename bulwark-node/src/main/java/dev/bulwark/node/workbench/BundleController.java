package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.server.IntelAccess;
import dev.bulwark.node.taxii.server.IntelAccess.Refusal;
import dev.bulwark.node.taxii.server.IntelAccess.WriteOutcome;
import dev.bulwark.node.workbench.IntelObjects.Seen;
import dev.bulwark.node.workbench.WorkbenchJson.BodyProblem;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.Severity;
import dev.bulwark.stix.validation.StixValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bundles under {@code /api/intel}: import (every object validated first and reported one by one
 * with each finding's path; one invalid object and nothing is stored; the valid bundle then goes
 * through TAXII's write checks, whose refusals are reported per object), and export of chosen
 * objects or of a search as a bundle of what the reader may read. Thread-safe.
 */
@RestController
@RequestMapping("/api/intel")
class BundleController {
  /** An export holds at most this many objects. */
  static final int MAX_EXPORT = 10_000;

  private final IntelAccess access;
  private final IntelObjects objects;
  private final IntelSearch search;
  private final StixValidator validator;

  BundleController(
      IntelAccess access, IntelObjects objects, IntelSearch search, StixValidator validator) {
    this.access = access;
    this.objects = objects;
    this.search = search;
    this.validator = validator;
  }

  @PostMapping("/import")
  ResponseEntity<String> importBundle(
      @RequestParam(defaultValue = AuthoringController.DEFAULT_COLLECTION) String collection,
      HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    if (!p.has(Role.CONTRIBUTOR) && !p.isAdmin()) {
      return WorkbenchJson.forbidden("importing needs the contributor role");
    }
    JsonNode bundle;
    try {
      bundle = WorkbenchJson.body(request, WorkbenchJson.MAX_IMPORT);
    } catch (BodyProblem e) {
      return e.answer();
    }
    if (!"bundle".equals(bundle.path("type").asString("")) || !bundle.path("objects").isArray()) {
      return WorkbenchJson.invalid(
          "type", "send a STIX bundle: {\"type\": \"bundle\", \"objects\": [...]}");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode report = JSON.createArrayNode();
    List<JsonNode> valid = new ArrayList<>();
    int refused = 0;
    int index = 0;
    for (JsonNode item : bundle.path("objects")) {
      ObjectNode line = report.addObject();
      line.put("index", index++);
      line.put("id", item.path("id").asString(""));
      line.put("type", item.path("type").asString(""));
      List<Finding> errors = errors(item);
      line.set("findings", IntelWrites.findings(errors));
      if (errors.isEmpty()) {
        line.put("status", "valid");
        valid.add(item);
      } else {
        line.put("status", "refused");
        refused++;
      }
    }
    if (refused > 0 || valid.isEmpty()) {
      out.put("stored", false);
      out.put("accepted", 0);
      out.put("refused", refused);
      out.put(
          "message",
          refused > 0
              ? refused + " object(s) are not valid STIX: nothing was stored."
              : "The bundle has no objects.");
      out.set("objects", report);
      return WorkbenchJson.json(400, out);
    }
    IntelAccess.Result r = access.add(p, collection, valid);
    if (r.refusal().isPresent()) {
      return r.refusal().get() == Refusal.NO_WRITE_GRANT
          ? WorkbenchJson.forbidden("you may not write to this collection")
          : WorkbenchJson.error(404, "not_found", "No such collection.", "collection");
    }
    return WorkbenchJson.ok(merge(report, r.outcomes()));
  }

  private List<Finding> errors(JsonNode item) {
    if (!item.isObject()) {
      return List.of(new Finding(Severity.ERROR, "", "object", "", "not a JSON object"));
    }
    try {
      return validator.validate(StixObject.of((ObjectNode) item)).errors();
    } catch (IllegalArgumentException e) {
      return List.of(new Finding(Severity.ERROR, "", "json", "", e.getMessage()));
    }
  }

  /** The report with each object's write outcome (by id and version, in order). */
  private static ObjectNode merge(ArrayNode report, List<WriteOutcome> outcomes) {
    Map<String, WriteOutcome> byKey = new HashMap<>();
    for (WriteOutcome w : outcomes) {
      byKey.putIfAbsent(w.id() + "\n" + w.version(), w);
    }
    int accepted = 0;
    int refused = 0;
    for (JsonNode n : report) {
      ObjectNode line = (ObjectNode) n;
      WriteOutcome w = byKey.get(line.path("id").asString("") + "\n" + version(line, outcomes));
      boolean ok = w != null && w.stored();
      line.put("status", status(w));
      if (w != null) {
        line.put("message", w.message());
      }
      if (ok) {
        accepted++;
      } else {
        refused++;
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("stored", accepted > 0);
    out.put("accepted", accepted);
    out.put("refused", refused);
    out.set("objects", report);
    return out;
  }

  private static String status(WriteOutcome w) {
    if (w == null || !w.stored()) {
      return "refused";
    }
    return w.message().startsWith("already") ? "duplicate" : "added";
  }

  private static String version(JsonNode line, List<WriteOutcome> outcomes) {
    String id = line.path("id").asString("");
    for (WriteOutcome w : outcomes) {
      if (w.id().equals(id)) {
        return w.version();
      }
    }
    return "";
  }

  @PostMapping("/export")
  ResponseEntity<String> export(HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    if (!IntelObjects.analyst(p)) {
      return WorkbenchJson.forbidden("the workbench is for readers, contributors and admins");
    }
    JsonNode body;
    try {
      body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
    } catch (BodyProblem e) {
      return e.answer();
    }
    List<String> json = new ArrayList<>();
    if (body.path("ids").isArray()) {
      Set<String> ids = new LinkedHashSet<>();
      body.path("ids").forEach(i -> ids.add(i.asString("")));
      if (ids.size() > MAX_EXPORT) {
        return WorkbenchJson.invalid("ids", "at most " + MAX_EXPORT + " ids");
      }
      for (String id : ids) {
        objects.latest(p, id).map(Seen::json).ifPresent(json::add);
      }
    } else if (body.path("search").isObject()) {
      Map<String, List<String>> params = new HashMap<>();
      body.path("search")
          .properties()
          .forEach(e -> params.put(e.getKey(), List.of(e.getValue().asString(""))));
      SearchParams sp;
      try {
        sp = SearchParams.of(params);
      } catch (SearchParams.Bad e) {
        return WorkbenchJson.invalid("search." + e.where, e.getMessage());
      }
      for (StoredObject o : search.page(p, sp.query(), MAX_EXPORT).objects()) {
        access.jsonFor(p, o).ifPresent(json::add);
      }
    } else {
      return WorkbenchJson.invalid("body", "give {\"ids\": [...]} or {\"search\": {...}}");
    }
    StringBuilder b =
        new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--")
            .append(UUID.randomUUID())
            .append("\",\"objects\":[");
    b.append(String.join(",", json)).append("]}");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(b.toString());
  }
}
