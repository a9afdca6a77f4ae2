package dev.bulwark.node.cyber;

import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cyber API under {@code /api/cyber}:
 *
 * <ul>
 *   <li>{@code POST /events?format=eve|zeek|stix}: a sensor principal's events, JSON lines (or a
 *       STIX bundle), streamed; answers the post's summary (events, matches, held back, sightings,
 *       rejected lines per cause). Only principals with the {@code sensor} role; recorded in the
 *       audit log.
 *   <li>{@code GET /sightings?indicator=&sensor=&limit=}, {@code GET /sightings/{id}}, {@code GET
 *       /overview}: the sightings the caller may read (the one read gate), per indicator, per
 *       sensor, top indicators. A sighting the caller may not read is 404, as one that does not
 *       exist.
 * </ul>
 *
 * Thread-safe (stateless; the intake serialises each sensor's posts).
 */
@RestController
@RequestMapping("/api/cyber")
class CyberController {
  private final CyberIntake intake;
  private final SightingReads reads;
  private final CyberProperties properties;
  private final AuditLog audit;
  private final JsonMapper json = JsonMapper.builder().build();

  CyberController(
      CyberIntake intake, SightingReads reads, CyberProperties properties, AuditLog audit) {
    this.intake = intake;
    this.reads = reads;
    this.properties = properties;
    this.audit = audit;
  }

  @PostMapping("/events")
  ResponseEntity<String> events(
      @RequestParam(defaultValue = "eve") String format, HttpServletRequest request)
      throws IOException {
    NodePrincipal p = principal();
    if (!p.has(Role.SENSOR)) {
      record(p, "cyber.events", AuditEntry.Decision.DENY, "not a sensor");
      return error(HttpStatus.FORBIDDEN, "only sensor principals post events");
    }
    SensorFormat f;
    try {
      f = SensorFormat.parse(format);
    } catch (IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    CyberIntake.Result r;
    try (Reader body =
        new InputStreamReader(
            new BoundedInput(request.getInputStream(), properties.maxBodyBytes()),
            StandardCharsets.UTF_8)) {
      r = intake.accept(p, f, body);
    } catch (BoundedInput.TooLarge e) {
      record(p, "cyber.events", AuditEntry.Decision.DENY, e.getMessage());
      return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage() + "; send it in several posts");
    }
    ObjectNode out = (ObjectNode) json.readTree(r.summary().toJson());
    out.put("sightings_held_back", r.heldBackSightings());
    out.putPOJO("first_rejections", List.copyOf(r.rejections()));
    record(
        p,
        "cyber.events",
        AuditEntry.Decision.ALLOW,
        f.label()
            + ": "
            + r.summary().events()
            + " events, "
            + r.summary().sightings()
            + " sightings");
    return ok(out.toString());
  }

  @GetMapping("/sightings")
  ResponseEntity<String> sightings(
      @RequestParam(defaultValue = "") String indicator,
      @RequestParam(defaultValue = "") String sensor,
      @RequestParam(defaultValue = "200") int limit) {
    return ok(reads.sightings(principal(), indicator, sensor, limit).toString());
  }

  @GetMapping("/sightings/{id}")
  ResponseEntity<String> sighting(@PathVariable String id) {
    return reads
        .sighting(principal(), id)
        .map(o -> ok(o.toString()))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no such sighting"));
  }

  @GetMapping("/overview")
  ResponseEntity<String> overview() {
    NodePrincipal p = principal();
    ObjectNode o = reads.overview(p);
    // the console shows "promote to incident" only to those the register lets write
    o.put("may_promote", p.has(Role.CONTRIBUTOR) || p.isAdmin());
    return ok(o.toString());
  }

  private void record(NodePrincipal p, String action, AuditEntry.Decision d, String detail) {
    audit.append(
        new AuditEntry(
            p.name(), p.nation(), action, properties.collection(), d, List.of(), detail));
  }

  private static NodePrincipal principal() {
    return NodeAuthentication.current()
        .orElseThrow(() -> new IllegalStateException("the cyber API needs a principal"));
  }

  private static ResponseEntity<String> ok(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private ResponseEntity<String> error(HttpStatus status, String message) {
    ObjectNode o = json.createObjectNode();
    o.put("error", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(o.toString());
  }
}
