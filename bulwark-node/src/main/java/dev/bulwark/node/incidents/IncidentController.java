package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.RegisterIndex.Entry;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register's JSON API under {@code /api/incidents} (described in {@code /api/openapi.json}):
 * the list with filters and paging, counts, the map (GeoJSON), an incident's page (fields,
 * evidence, attributions per nation, responses, history), and the analyst's actions (register, move
 * through the lifecycle, attribute, log a response, promote a maritime alert or a cyber sighting).
 * Every read is the reader's through {@link RegisterReads}; an incident the reader may not see is
 * answered exactly as a missing one (404, no count, no id). Thread-safe.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Register register;
  private final Assessments assessments;
  private final Promotion promotion;
  private final SightingPromotion sightingPromotion;
  private final RegisterIndex index;

  IncidentController(
      Register register,
      Assessments assessments,
      Promotion promotion,
      SightingPromotion sightingPromotion,
      RegisterIndex index) {
    this.register = register;
    this.assessments = assessments;
    this.promotion = promotion;
    this.sightingPromotion = sightingPromotion;
    this.index = index;
  }

  @GetMapping
  ResponseEntity<String> list(
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String since,
      @RequestParam(defaultValue = "") String until,
      @RequestParam(defaultValue = "") String bbox,
      @RequestParam(defaultValue = "") String origin,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit) {
    RegisterQuery q;
    try {
      q = RegisterQuery.of(kind, status, since, until, bbox, origin, offset, limit);
    } catch (IllegalArgumentException e) {
      return answer(Outcome.invalid("query", e.getMessage()));
    }
    List<Entry> matching = q.select(index.entries(principal()));
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    out.put("total", matching.size());
    out.put("offset", q.offset());
    ArrayNode items = out.putArray("items");
    int end = (int) Math.min(matching.size(), (long) q.offset() + q.limit());
    for (int i = q.offset(); i < end; i++) {
      items.add(IncidentViews.summary(matching.get(i), register.reads()::marking));
    }
    if (end < matching.size()) {
      out.put("next_offset", end);
    }
    return json(200, out.toString());
  }

  @GetMapping("/counts")
  ResponseEntity<String> counts() {
    TreeMap<String, Integer> byKind = new TreeMap<>();
    TreeMap<String, Integer> byStatus = new TreeMap<>();
    List<Entry> all = index.entries(principal());
    for (Entry e : all) {
      byKind.merge(e.kind(), 1, Integer::sum);
      byStatus.merge(e.status(), 1, Integer::sum);
    }
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    out.put("total", all.size());
    out.set("by_kind", RegisterStix.JSON.valueToTree(byKind));
    out.set("by_status", RegisterStix.JSON.valueToTree(byStatus));
    return json(200, out.toString());
  }

  @GetMapping("/map")
  ResponseEntity<String> map(
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String since,
      @RequestParam(defaultValue = "") String until,
      @RequestParam(defaultValue = "") String origin) {
    RegisterQuery q;
    try {
      q = RegisterQuery.of(kind, status, since, until, "", origin, 0, 1);
    } catch (IllegalArgumentException e) {
      return answer(Outcome.invalid("query", e.getMessage()));
    }
    ObjectNode fc = RegisterStix.JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Entry s : q.select(index.entries(principal()))) {
      s.location()
          .ifPresent(
              at -> {
                ObjectNode f = features.addObject();
                f.put("type", "Feature");
                f.putObject("geometry")
                    .put("type", "Point")
                    .putArray("coordinates")
                    .add(at[1])
                    .add(at[0]);
                f.set("properties", IncidentViews.summary(s, register.reads()::marking));
              });
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geo+json"))
        .body(fc.toString());
  }

  @GetMapping("/vocabulary")
  ResponseEntity<String> vocabulary() {
    ObjectNode o = RegisterStix.JSON.createObjectNode();
    o.set("kinds", RegisterStix.JSON.valueToTree(RegisterStix.KINDS));
    o.set("statuses", RegisterStix.JSON.valueToTree(RegisterStix.STATUSES));
    o.set("response_options", RegisterStix.JSON.valueToTree(RegisterStix.RESPONSE_OPTIONS));
    o.set("response_statuses", RegisterStix.JSON.valueToTree(RegisterStix.RESPONSE_STATUSES));
    o.set("estimative_terms", RegisterStix.JSON.valueToTree(RegisterStix.ESTIMATIVE_TERMS));
    o.set("state_responsibility", RegisterStix.JSON.valueToTree(RegisterStix.STATE_RESPONSIBILITY));
    return json(200, o.toString());
  }

  @GetMapping("/{id}")
  ResponseEntity<String> incident(@PathVariable String id) {
    NodePrincipal p = principal();
    Optional<Seen> found = register.incidentFor(p, id);
    if (found.isEmpty()) {
      return answer(Outcome.missing("incident " + id));
    }
    RegisterReads reads = register.reads();
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    out.set("incident", IncidentViews.detail(found.get(), reads::marking));
    out.set("evidence", promotion.evidence(p, found.get()));
    ObjectNode about = assessments.aboutIncident(p, id);
    out.set("attributions", about.get("attributions"));
    out.set("responses", about.get("responses"));
    ArrayNode history = out.putArray("history");
    Viewer v = reads.viewer(p, RegisterReads.COLLECTION);
    for (Seen s : reads.history(v, RegisterReads.COLLECTION, id)) {
      history.add(IncidentViews.version(s, reads::marking));
    }
    return json(200, out.toString());
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> create(HttpServletRequest request) throws IOException {
    NodePrincipal p = principal();
    return body(request).map(f -> answer(register.create(p, f))).orElseGet(IncidentController::bad);
  }

  @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> transition(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    NodePrincipal p = principal();
    return body(request)
        .map(f -> answer(register.transition(p, id, f)))
        .orElseGet(IncidentController::bad);
  }

  @PostMapping(path = "/{id}/attributions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> attribute(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    NodePrincipal p = principal();
    return body(request)
        .map(f -> answer(assessments.attribute(p, id, f)))
        .orElseGet(IncidentController::bad);
  }

  @PostMapping(path = "/{id}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> respond(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    NodePrincipal p = principal();
    return body(request)
        .map(f -> answer(assessments.respond(p, id, f)))
        .orElseGet(IncidentController::bad);
  }

  @PostMapping(path = "/promote", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> promote(HttpServletRequest request) throws IOException {
    NodePrincipal p = principal();
    return body(request)
        .map(f -> answer(promotion.promote(p, f)))
        .orElseGet(IncidentController::bad);
  }

  @PostMapping(path = "/promote-sighting", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> promoteSighting(HttpServletRequest request) throws IOException {
    NodePrincipal p = principal();
    return body(request)
        .map(f -> answer(sightingPromotion.promote(p, f)))
        .orElseGet(IncidentController::bad);
  }

  static NodePrincipal principal() {
    return NodeAuthentication.current()
        .orElseThrow(() -> new IllegalStateException("the register needs a principal"));
  }

  /** The request's JSON body, read in bounded memory; empty when too long or not JSON. */
  static Optional<JsonNode> body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
      if (b.length > MAX_BODY_BYTES) {
        return Optional.empty();
      }
      JsonNode n = RegisterStix.JSON.readTree(new String(b, StandardCharsets.UTF_8));
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  static ResponseEntity<String> bad() {
    return answer(
        Outcome.invalid(
            "$", "the body must be one JSON object of at most " + MAX_BODY_BYTES + " bytes"));
  }

  static ResponseEntity<String> answer(Outcome o) {
    return json(o.status(), o.body().toString());
  }

  static ResponseEntity<String> json(int status, String body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
