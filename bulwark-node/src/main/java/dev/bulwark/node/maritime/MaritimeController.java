package dev.bulwark.node.maritime;

import dev.bulwark.maritime.alert.TrackSnippets;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.model.Voyage;
import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.maritime.vessel.IdentityChange;
import dev.bulwark.maritime.vessel.VesselIdentity;
import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.maritime.alerts.Disposition;
import dev.bulwark.node.maritime.alerts.IncidentLedger;
import dev.bulwark.node.maritime.watch.LiveEngine;
import dev.bulwark.node.maritime.watch.LiveSnapshot;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The maritime REST API under {@code /api/maritime/} (described in {@code /api/openapi.json}): the
 * watch's status, live vessels with identity history and tracks, infrastructure assets, alerts with
 * the analyst workflow, and the server-sent event stream. Every caller is an authenticated
 * principal. Each alert is shown, listed, streamed and open to the workflow only for a principal
 * the {@link AccessPolicy} lets read that alert's own incident (its stored markings and origin),
 * exactly as TAXII decides; an alert it may not read is answered as missing. The workflow needs a
 * contributor or an admin of the node's own nation (each action is a new version of the node's
 * incident); the status (traffic counters, alert counts, source names) is for admins (the security
 * configuration). Every workflow action (allowed or denied) is recorded in the audit log.
 * Thread-safe.
 */
@RestController
@RequestMapping("/api/maritime")
@ConditionalOnBean(MaritimeWatch.class)
class MaritimeController {
  private static final MediaType JSON_TYPE = MediaType.APPLICATION_JSON;

  /**
   * The largest body a note or a closing may have: a note's 10,000 characters with room to spare.
   */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final MaritimeWatch watch;
  private final IncidentLedger ledger;
  private final AccessPolicy policy;
  private final ObjectStore store;
  private final AuditLog audit;
  private final JsonMapper json = JsonMapper.builder().build();

  MaritimeController(MaritimeWatch watch, AccessPolicy policy, ObjectStore store, AuditLog audit) {
    this.watch = watch;
    this.ledger = watch.ledger();
    this.policy = policy;
    this.store = store;
    this.audit = audit;
  }

  @GetMapping("/status")
  ResponseEntity<String> status() {
    return ok(json.writeValueAsString(watch.status()));
  }

  @GetMapping("/vessels")
  ResponseEntity<String> vessels(@RequestParam(defaultValue = "50000") int limit) {
    LiveSnapshot s = watch.engine().snapshot();
    ObjectNode o = json.createObjectNode();
    o.put("engine_time", s.engineTime());
    o.put("replay_speed", watch.replaySpeed());
    o.put("count", s.vessels().size());
    o.set("vessels", json.valueToTree(s.vessels().stream().limit(Math.max(0, limit)).toList()));
    return ok(o.toString());
  }

  @GetMapping("/vessels/{mmsi}")
  ResponseEntity<String> vessel(@PathVariable int mmsi) {
    Optional<ObjectNode> found =
        watch
            .engine()
            .query(
                e ->
                    e.vessel(mmsi)
                        .map(
                            v -> {
                              ObjectNode o = json.createObjectNode();
                              o.set("state", json.valueToTree(LiveEngine.view(v)));
                              o.put("nav_status", v.last().navStatus());
                              VesselIdentity id = e.registry().identity(mmsi);
                              ObjectNode i = o.putObject("identity");
                              i.put("mmsi", id.mmsi());
                              i.put("imo", id.imo());
                              i.put("name", id.name());
                              i.put("call_sign", id.callSign());
                              i.put("ship_type", id.shipType());
                              i.put("destination", id.destination());
                              i.put("flag", id.flag().orElse(""));
                              particulars(id, i);
                              ArrayNode h = o.putArray("identity_history");
                              for (IdentityChange c : e.registry().history(mmsi)) {
                                ObjectNode x = h.addObject();
                                x.put("time", StixTimestamps.formatMillis(c.timeMillis()));
                                x.put("field", c.field().name().toLowerCase(Locale.ROOT));
                                x.put("before", c.before());
                                x.put("after", c.after());
                              }
                              o.put("track_points", v.track().size());
                              return o;
                            }));
    return found
        .map(o -> ok(o.toString()))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no live vessel " + mmsi));
  }

  /**
   * Dimensions, draught and ETA (AIS types 5, 19, 24 B): {@code length_m}, {@code beam_m}, {@code
   * draught_m} (null when not reported), {@code eta} (ISO instant, the year inferred from when it
   * was reported; null when not reported).
   */
  private static void particulars(VesselIdentity id, ObjectNode i) {
    Voyage v = id.voyage();
    putPositive(i, "length_m", v.lengthM());
    putPositive(i, "beam_m", v.beamM());
    if (v.draughtDm() > 0) {
      i.put("draught_m", v.draughtM());
    } else {
      i.putNull("draught_m");
    }
    id.eta().ifPresentOrElse(t -> i.put("eta", t.toString()), () -> i.putNull("eta"));
  }

  private static void putPositive(ObjectNode o, String field, int v) {
    if (v > 0) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  @GetMapping("/vessels/{mmsi}/track")
  ResponseEntity<String> track(@PathVariable int mmsi) {
    Optional<String> geo =
        watch
            .engine()
            .query(
                e ->
                    e.vessel(mmsi)
                        .map(
                            v ->
                                TrackSnippets.geoJson(
                                    mmsi, v.track(), Long.MIN_VALUE / 2, e.now())));
    return geo.map(this::ok).orElseGet(() -> error(HttpStatus.NOT_FOUND, "no live vessel " + mmsi));
  }

  @GetMapping("/assets")
  ResponseEntity<String> assets() {
    ObjectNode fc = json.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Asset a : watch.layer().assets()) {
      GeoJson.feature(a, features);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geo+json"))
        .body(fc.toString());
  }

  @GetMapping("/alerts")
  ResponseEntity<String> alerts(@RequestParam(defaultValue = "") String status) {
    ArrayNode out = json.createArrayNode();
    for (ObjectNode a : ledger.list(reader(principal()))) {
      if (status.isEmpty() || status.equals(a.path("status").asString(""))) {
        out.add(a);
      }
    }
    return ok(out.toString());
  }

  /**
   * The alert list as the console filters it, as CSV or GeoJSON: only the alerts the principal may
   * read (the read gate, as the list); a filter value matches its member exactly.
   */
  @GetMapping("/alerts/export.{format}")
  ResponseEntity<String> export(
      @PathVariable String format,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String severity,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String asset) {
    Map<String, String> filters =
        Map.of("status", status, "severity", severity, "kind", kind, "asset", asset);
    List<ObjectNode> rows =
        ledger.list(reader(principal())).stream()
            .filter(a -> AlertExport.matches(a, filters))
            .toList();
    if (format.equals("csv")) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
          .header("Content-Disposition", "attachment; filename=\"alerts.csv\"")
          .body(AlertExport.csv(rows));
    }
    if (format.equals("geojson")) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("application/geo+json"))
          .header("Content-Disposition", "attachment; filename=\"alerts.geojson\"")
          .body(AlertExport.geoJson(rows, json));
    }
    return error(HttpStatus.NOT_FOUND, "no export format " + format + " (csv, geojson)");
  }

  @GetMapping("/alerts/{id}")
  ResponseEntity<String> alert(@PathVariable String id) {
    return ledger
        .detail(id, reader(principal()))
        .map(o -> ok(o.toString()))
        .orElseGet(() -> notFound(id));
  }

  @PostMapping("/alerts/{id}/acknowledge")
  ResponseEntity<String> acknowledge(@PathVariable String id) {
    NodePrincipal p = principal();
    return act(p, id, "maritime.acknowledge", "", r -> ledger.acknowledge(id, p.name(), r));
  }

  @PostMapping(path = "/alerts/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> annotate(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    NodePrincipal p = principal();
    Optional<String> body = boundedBody(request);
    if (body.isEmpty()) {
      return error(
          HttpStatus.PAYLOAD_TOO_LARGE, "a note's request is at most " + MAX_BODY_BYTES + " bytes");
    }
    String text = field(body.get(), "text");
    if (text.isBlank() || text.length() > 10_000) {
      return error(HttpStatus.BAD_REQUEST, "a note needs a 'text' of 1 to 10000 characters");
    }
    return act(p, id, "maritime.annotate", text, r -> ledger.annotate(id, p.name(), text, r));
  }

  @PostMapping(path = "/alerts/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> close(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    NodePrincipal p = principal();
    Optional<String> body = boundedBody(request);
    if (body.isEmpty()) {
      return error(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "a closing request is at most " + MAX_BODY_BYTES + " bytes");
    }
    Optional<Disposition> d = Disposition.parse(field(body.get(), "disposition"));
    if (d.isEmpty()) {
      return error(
          HttpStatus.BAD_REQUEST, "'disposition' must be true-threat, benign or false-alarm");
    }
    String comment = field(body.get(), "comment");
    return act(
        p,
        id,
        "maritime.close",
        d.get().slug() + (comment.isBlank() ? "" : ": " + comment),
        r -> {
          if (!comment.isBlank()) {
            ledger.annotate(id, p.name(), "Closed as " + d.get().slug() + ": " + comment, r);
          }
          return ledger.close(id, p.name(), d.get(), r);
        });
  }

  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events() {
    NodePrincipal p = principal();
    // each alert event is decided on that alert's incident, for this reader; the status is for
    // admins
    return watch.events().subscribe(reader(p), p.isAdmin());
  }

  @GetMapping("/extension")
  ResponseEntity<String> extension() {
    return ok(MaritimeExtension.definition(json).toString());
  }

  @GetMapping("/extension/schema.json")
  ResponseEntity<String> schema() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/schema+json"))
        .body(MaritimeExtension.schema());
  }

  private ResponseEntity<String> act(
      NodePrincipal p,
      String id,
      String action,
      String detail,
      Function<Predicate<StoredObject>, Optional<ObjectNode>> op) {
    String collection = ledger.collection();
    Predicate<StoredObject> reader = reader(p);
    Optional<String> found = ledger.incidentOf(id, reader);
    if (found.isEmpty()) {
      // an alert the principal may not read is answered exactly like one that does not exist
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              collection,
              AuditEntry.Decision.DENY,
              List.of(),
              "no such alert " + id));
      return notFound(id);
    }
    String incident = found.get();
    if (!(p.has(Role.CONTRIBUTOR) || p.isAdmin())) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              collection,
              AuditEntry.Decision.DENY,
              List.of(incident),
              "needs the contributor or admin role"));
      return error(HttpStatus.FORBIDDEN, "the alert workflow needs the contributor or admin role");
    }
    // every action is a new version of the node's incident: only the origin nation adds versions to
    // its objects
    if (!p.nation().equals(ledger.nodeIdentityNation())) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              collection,
              AuditEntry.Decision.DENY,
              List.of(incident),
              "not a principal of the node's nation " + ledger.nodeIdentityNation()));
      return error(
          HttpStatus.FORBIDDEN,
          "the alert workflow is for principals of the node's nation ("
              + ledger.nodeIdentityNation()
              + "): each action is a new version of the node's incident");
    }
    if (!watch.active()) {
      // a standby's ledger is a read-only copy: a version written here would be based on what the
      // watching process may already have changed
      return error(
          HttpStatus.CONFLICT,
          "this process of the node stands by (another process of "
              + ledger.nodeIdentityNation()
              + " runs the maritime watch): send the action to that process, or retry after it"
              + " takes over");
    }
    Optional<ObjectNode> result = op.apply(reader);
    if (result.isEmpty()) {
      return notFound(id);
    }
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            collection,
            AuditEntry.Decision.ALLOW,
            List.of(incident + "@" + result.get().path("version").asString("")),
            detail));
    return ok(result.get().toString());
  }

  /**
   * Whether the principal may read a stored object of the alerts collection: the access policy on
   * its header.
   */
  private Predicate<StoredObject> reader(NodePrincipal p) {
    Set<String> defaults =
        store.collection(ledger.collection()).map(CollectionInfo::defaultNations).orElse(Set.of());
    Reader r = p.reader();
    return object -> policy.mayRead(r, object, defaults);
  }

  private static NodePrincipal principal() {
    return NodeAuthentication.current()
        .orElseThrow(
            () -> new IllegalStateException("the maritime API needs an authenticated principal"));
  }

  /**
   * The request's body as text, or empty when it is longer than {@link #MAX_BODY_BYTES}: read in
   * bounded memory whatever the client declares or sends (issue 14, bounded work per request).
   */
  private static Optional<String> boundedBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES
          ? Optional.empty()
          : Optional.of(new String(body, StandardCharsets.UTF_8));
    }
  }

  private String field(String body, String name) {
    try {
      JsonNode n = json.readTree(body);
      return n.path(name).asString("");
    } catch (JacksonException e) {
      return "";
    }
  }

  private ResponseEntity<String> ok(String body) {
    return ResponseEntity.ok().contentType(JSON_TYPE).body(body);
  }

  private ResponseEntity<String> notFound(String id) {
    return error(HttpStatus.NOT_FOUND, "no alert " + id);
  }

  private ResponseEntity<String> error(HttpStatus status, String message) {
    ObjectNode o = json.createObjectNode();
    o.put("error", message);
    o.put("status", status.value());
    return ResponseEntity.status(status).contentType(JSON_TYPE).body(o.toString());
  }
}
