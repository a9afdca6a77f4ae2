package dev.bulwark.node.federation;

import dev.bulwark.node.audit.Anchor;
import dev.bulwark.node.audit.AnchorJson;
import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.audit.AnchorStore.Direction;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /bulwark/federation/anchors}: a peer node publishes its audit chain head here ({@link
 * AnchorExchange}). Only principals with the peer role may; the anchor is recorded under the
 * principal's name and nation (never a name or nation the body claims). A peer posting faster than
 * one anchor per 200 ms is refused (429). Thread-safe.
 */
@RestController
class AnchorController {
  private static final Logger log = LoggerFactory.getLogger(AnchorController.class);

  /** An anchor is a few hundred bytes; anything much larger is not one. */
  private static final int MAX_BODY = 4096;

  /**
   * A peer sends one anchor every few minutes; more than one per principal in this many
   * microseconds is refused, so that a peer cannot fill the anchor table.
   */
  private static final long MIN_SPACING_MICROS = 200_000L;

  private final AnchorStore anchors;
  private final Map<String, Long> lastAccepted = new ConcurrentHashMap<>();

  AnchorController(AnchorStore anchors) {
    this.anchors = anchors;
  }

  @PostMapping(path = AnchorExchange.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> receive(@RequestBody(required = false) String body) {
    Optional<NodePrincipal> principal = NodeAuthentication.current();
    if (principal.isEmpty() || !principal.get().has(Role.PEER)) {
      return problem(
          HttpStatus.FORBIDDEN, "Forbidden", "anchors are received from peer nodes only");
    }
    if (body == null || body.length() > MAX_BODY) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "Bad request",
          "the body is one anchor: {\"seq\":N,\"link\":\"64 hex\",\"issued\":\"instant\"}");
    }
    Anchor anchor;
    try {
      anchor = AnchorJson.parseMessage(body);
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }
    NodePrincipal p = principal.get();
    long now = FederationService.nowMicros();
    Long previous = lastAccepted.put(p.name(), now);
    if (previous != null && now - previous < MIN_SPACING_MICROS) {
      return problem(
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many requests",
          "one anchor at a time: a node sends its head every few minutes");
    }
    if (anchors.record(
        new AnchorStore.Exchanged(
            Direction.RECEIVED, p.name(), p.nation(), anchor, FederationService.nowMicros()))) {
      log.debug("audit anchor #{} received from {} ({})", anchor.seq(), p.name(), p.nation());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"recorded\":true}");
  }

  private static ResponseEntity<String> problem(
      HttpStatus status, String title, String description) {
    String json =
        "{\"title\":\""
            + title
            + "\",\"description\":\""
            + description.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"http_status\":\""
            + status.value()
            + "\"}";
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
  }
}
