package dev.bulwark.node.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit log over HTTP, for admins only (the security configuration enforces the role): {@code
 * GET /bulwark/audit/?after=SEQ&limit=N&principal=NAME} pages through the records, oldest first,
 * {@code GET /bulwark/audit/verify/} checks the chain and its head, and {@code GET
 * /bulwark/audit/anchors/?peer=NAME} exports the anchors exchanged with peers. Thread-safe.
 */
@RestController
class AuditController {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final AuditLog log;
  private final AnchorStore anchors;
  private final String nation;

  AuditController(
      AuditLog log, AnchorStore anchors, @Value("${bulwark.nation:EST}") String nation) {
    this.log = log;
    this.anchors = anchors;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  /**
   * The anchors sent and received, in the export form {@code bulwark audit verify --anchors} reads.
   */
  @GetMapping(path = "/bulwark/audit/anchors/", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> anchors(
      @RequestParam(name = "peer", required = false) Optional<String> peer) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(AnchorJson.export(nation, anchors.list(Optional.empty(), peer)));
  }

  @GetMapping(path = "/bulwark/audit/", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> list(
      @RequestParam(name = "after", defaultValue = "0") long after,
      @RequestParam(name = "limit", defaultValue = "100") int limit,
      @RequestParam(name = "principal", required = false) Optional<String> principal) {
    if (limit < 1 || after < 0) {
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              "{\"title\":\"Bad request\",\"description\":\"limit must be positive and after not negative\",\"http_status\":\"400\"}");
    }
    List<AuditRecord> records = log.list(after, Math.min(limit, 1000), principal);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode items = root.putArray("records");
    for (AuditRecord r : records) {
      ObjectNode o = items.addObject();
      o.put("seq", r.seq());
      o.put(
          "at",
          Instant.ofEpochSecond(r.atMicros() / 1_000_000L, (r.atMicros() % 1_000_000L) * 1_000L)
              .toString());
      o.put("principal", r.entry().principal());
      o.put("nation", r.entry().nation());
      o.put("action", r.entry().action());
      o.put("collection", r.entry().collectionId());
      o.put("decision", r.entry().decision().name());
      ArrayNode refs = o.putArray("objects");
      r.entry().objectRefs().forEach(refs::add);
      o.put("detail", r.entry().detail());
      o.put("prev_hash", r.prevHash());
      o.put("hash", r.hash());
      o.put("scheme", r.scheme());
      o.put("key_id", r.keyId());
    }
    root.put("more", records.size() == Math.min(limit, 1000));
    if (!records.isEmpty()) {
      root.put("next_after", records.get(records.size() - 1).seq());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(JSON.writeValueAsString(root));
  }

  @GetMapping(path = "/bulwark/audit/verify/", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> verify() {
    AuditLog.Verification v = log.verify(n -> {});
    ObjectNode root = JSON.createObjectNode();
    root.put("intact", v.intact());
    root.put("records_checked", v.records());
    v.firstBreak()
        .ifPresent(
            b -> {
              root.put("first_tampered_seq", b.seq());
              root.put("reason", b.reason());
            });
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(JSON.writeValueAsString(root));
  }
}
