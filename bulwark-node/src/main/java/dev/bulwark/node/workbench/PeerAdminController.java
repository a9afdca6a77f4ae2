package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.FederationStatus;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerCheck;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodeCertificates;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.workbench.WorkbenchJson.BodyProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Peers and federation for the administrator under {@code /api/admin/peers}: each peer with its
 * pinned certificate's fingerprint and, per collection and direction, the cursor, objects, lag,
 * last success and last error in plain words (federation's own status report); adding a peer; and
 * testing a peer's connection as federation would make it. Secrets are never answered. Thread-safe.
 */
@RestController
@RequestMapping("/api/admin/peers")
class PeerAdminController {
  private final PeerStore peers;
  private final CursorStore cursors;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final String nation;

  PeerAdminController(
      PeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      AccessPolicy policy,
      AuditLog audit,
      @Value("${bulwark.nation:EST}") String nation) {
    this.peers = peers;
    this.cursors = cursors;
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.nation = nation;
  }

  @GetMapping
  ResponseEntity<String> list() {
    if (AdminController.admin().isEmpty()) {
      return AdminController.notAdmin();
    }
    List<FederationStatus.Line> lines =
        FederationStatus.report(peers, cursors, store, policy, nation);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("peers");
    for (Peer peer : peers.list()) {
      ObjectNode o = list.addObject();
      o.put("name", peer.name());
      o.put("nation", peer.nation());
      o.put("url", peer.apiRoot().toString());
      o.put("fingerprint", PeerCheck.fingerprint(peer));
      o.set("pull", IntelViews.array(peer.pull()));
      o.set("push", IntelViews.array(peer.push()));
      ArrayNode exchanges = o.putArray("collections");
      List<FederationStatus.Line> mine =
          lines.stream().filter(l -> l.peer().equals(peer.name())).toList();
      mine.forEach(l -> exchanges.add(line(l)));
      o.put("status", status(mine));
    }
    return WorkbenchJson.ok(out);
  }

  /**
   * A peer's state in one word: {@code failing} when an exchange's last attempt failed, {@code
   * never_reached} when no exchange has succeeded yet (a peer just added, or one that was never up:
   * "ok" would claim a success that never happened), {@code partly_reached} when some collections
   * have exchanged and others not yet, {@code ok} when every exchange has succeeded at least once.
   */
  static String status(List<FederationStatus.Line> exchanges) {
    if (exchanges.stream().anyMatch(FederationStatus.Line::failing)) {
      return "failing";
    }
    long reached = exchanges.stream().filter(l -> l.lastSuccess().isPresent()).count();
    if (reached == 0) {
      return "never_reached";
    }
    return reached < exchanges.size() ? "partly_reached" : "ok";
  }

  private static ObjectNode line(FederationStatus.Line l) {
    ObjectNode e = JSON.createObjectNode();
    e.put("collection", l.collection());
    e.put("direction", l.direction());
    e.put("cursor", l.cursor());
    e.put("objects", l.objects());
    e.put("refused", l.refused());
    if (l.lagObjects().isPresent()) {
      e.put("lag_objects", l.lagObjects().get());
    } else {
      e.putNull("lag_objects");
    }
    e.put("last_success", l.lastSuccess().map(Instant::toString).orElse(""));
    e.put(
        "lag_seconds",
        l.lastSuccess().map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(-1L));
    e.put("last_error", l.lastError());
    e.put("last_error_at", l.lastErrorAt().map(Instant::toString).orElse(""));
    e.put("failing", l.failing());
    return e;
  }

  @PostMapping
  ResponseEntity<String> add(HttpServletRequest request) {
    Optional<NodePrincipal> a = AdminController.admin();
    if (a.isEmpty()) {
      return AdminController.notAdmin();
    }
    JsonNode b;
    try {
      b = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
    } catch (BodyProblem e) {
      return e.answer();
    }
    String name = b.path("name").asString("");
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      return WorkbenchJson.invalid("name", "letters, digits, . _ - (at most 100)");
    }
    if (!b.path("nation").asString("").matches("[A-Za-z]{3}")) {
      return WorkbenchJson.invalid("nation", "give an ISO 3166 alpha-3 code, e.g. FIN");
    }
    URI url;
    try {
      url = URI.create(b.path("url").asString(""));
      if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
        return WorkbenchJson.invalid("url", "give the peer's TAXII API root, https://…/bulwark/");
      }
    } catch (IllegalArgumentException e) {
      return WorkbenchJson.invalid("url", "not a URL: " + e.getMessage());
    }
    if (b.path("token").asString("").isEmpty()) {
      return WorkbenchJson.invalid("token", "give the token the peer's admin issued to this node");
    }
    Peer peer;
    try {
      peer = peer(b, name, url);
    } catch (IllegalArgumentException e) {
      return WorkbenchJson.invalid("fingerprint", e.getMessage());
    }
    peers.put(peer);
    audit.append(
        new AuditEntry(
            a.get().name(),
            a.get().nation(),
            "peer.add",
            "",
            AuditEntry.Decision.ALLOW,
            List.of(),
            name));
    ObjectNode out = JSON.createObjectNode();
    out.put("name", name);
    out.put("fingerprint", PeerCheck.fingerprint(peer));
    return WorkbenchJson.json(201, out);
  }

  @PostMapping("/{name}/test")
  ResponseEntity<String> test(@PathVariable("name") String name) {
    if (AdminController.admin().isEmpty()) {
      return AdminController.notAdmin();
    }
    Optional<Peer> peer = peers.find(name);
    if (peer.isEmpty()) {
      return WorkbenchJson.error(404, "not_found", "No such peer.", "name");
    }
    PeerCheck.Result r = PeerCheck.test(peer.get());
    ObjectNode out = JSON.createObjectNode();
    out.put("ok", r.ok());
    out.put("message", r.message());
    out.put("millis", r.millis());
    out.put("fingerprint", PeerCheck.fingerprint(peer.get()));
    return WorkbenchJson.ok(out);
  }

  private static Peer peer(JsonNode b, String name, URI url) {
    return new Peer(
        name,
        b.path("nation").asString(""),
        url,
        b.path("user").asString(""),
        b.path("token").asString(""),
        "",
        "",
        strings(b.path("pull")),
        strings(b.path("push")),
        Duration.ofSeconds(Math.max(5, b.path("interval_seconds").asLong(60))),
        pin(b.path("fingerprint").asString(""), b.path("cert_pem").asString("")));
  }

  /** The pin as federation keeps it: the certificate (PEM) when given, else the fingerprint. */
  private static String pin(String fingerprint, String certPem) {
    if (!certPem.isBlank()) {
      NodeCertificates.parsePem(certPem); // refuses what is not a certificate
      return certPem;
    }
    return fingerprint.isBlank() ? "" : NodeCertificates.normalizeFingerprint(fingerprint);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asString("")));
    out.removeIf(String::isBlank);
    return out;
  }
}
