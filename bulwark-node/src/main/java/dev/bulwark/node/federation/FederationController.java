package dev.bulwark.node.federation;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /bulwark/federation/status}: the federation report, for admins. Thread-safe. */
@RestController
class FederationController {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PeerStore peers;
  private final CursorStore cursors;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final String nation;

  FederationController(
      PeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      AccessPolicy policy,
      @Value("${bulwark.nation:EST}") String nation) {
    this.peers = peers;
    this.cursors = cursors;
    this.store = store;
    this.policy = policy;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  @GetMapping(path = "/bulwark/federation/status", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> status() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean admin =
        auth != null
            && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    if (!admin) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              "{\"title\":\"Forbidden\",\"description\":\"federation status is for admins\",\"http_status\":\"403\"}");
    }
    List<FederationStatus.Line> lines =
        FederationStatus.report(peers, cursors, store, policy, nation);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode items = root.putArray("exchanges");
    for (FederationStatus.Line l : lines) {
      ObjectNode o = items.addObject();
      o.put("peer", l.peer());
      o.put("nation", l.nation());
      o.put("direction", l.direction());
      o.put("collection", l.collection());
      o.put("cursor", l.cursor());
      o.put("objects", l.objects());
      o.put("refused", l.refused());
      l.lagObjects().ifPresent(v -> o.put("lag_objects", v));
      l.lastSuccess().ifPresent(t -> o.put("last_success", t.toString()));
      o.put("last_error", l.lastError());
      l.lastErrorAt().ifPresent(t -> o.put("last_error_at", t.toString()));
      o.put("failing", l.failing());
    }
    return ResponseEntity.ok(JSON.writeValueAsString(root));
  }
}
