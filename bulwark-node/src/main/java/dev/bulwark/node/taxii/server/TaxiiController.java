package dev.bulwark.node.taxii.server;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.CommunityIdentities;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoreException;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server: every endpoint of sections 4 and 5 of the standard. Reads go through the
 * {@link AccessPolicy} (an object the caller may not see is answered exactly like a missing one);
 * every read, write and denial goes to the audit log. Thread-safe.
 */
@RestController
class TaxiiController {
  private static final Logger LOG = LoggerFactory.getLogger(TaxiiController.class);

  /**
   * Numbers as written (big decimals keep scale and digits), as bulwark-stix reads files: a POSTed
   * object's unknown properties must come back unchanged, and doubles turned {@code 1.50} into
   * {@code 1.5}.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final Set<String> OBJECT_MATCH = Set.of("id", "type", "version", "spec_version");
  private static final Set<String> ONE_OBJECT_MATCH = Set.of("version", "spec_version");
  private static final Set<String> VERSIONS_MATCH = Set.of("spec_version");

  private final TaxiiProperties properties;
  private final TaxiiCollections collections;
  private final AccessPolicy policy;
  private final ObjectStore store;
  private final ObjectReads reads;
  private final ObjectWrites writes;
  private final StatusStore statuses;
  private final AuditLog audit;
  private final CursorCodec cursors;
  private final GranularMarkings parts;
  private final EnvelopeIntake envelopes;
  private final Clock clock = Clock.systemUTC();

  TaxiiController(
      TaxiiProperties properties,
      TaxiiCollections collections,
      AccessPolicy policy,
      ObjectStore store,
      StatusStore statuses,
      AuditLog audit,
      CursorCodec cursors,
      CommunityIdentities identities,
      @Value("${bulwark.nation:EST}") String nation) {
    this.properties = properties;
    this.collections = collections;
    this.policy = policy;
    this.store = store;
    this.reads = new ObjectReads(store);
    this.writes = new ObjectWrites(store, policy, collections, nation, identities);
    this.statuses = statuses;
    this.audit = audit;
    this.cursors = cursors;
    this.parts = new GranularMarkings(policy);
    this.envelopes = new EnvelopeIntake(properties, JSON);
  }

  // ---- section 4: server information ----

  @GetMapping("/taxii2/")
  ResponseEntity<String> discovery(HttpServletRequest request) {
    negotiate(request);
    ObjectNode d = JSON.createObjectNode();
    d.put("title", properties.title());
    if (!properties.description().isEmpty()) {
      d.put("description", properties.description());
    }
    if (!properties.contact().isEmpty()) {
      d.put("contact", properties.contact());
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    d.put("default", base + "/" + properties.defaultApiRoot() + "/");
    ArrayNode roots = d.putArray("api_roots");
    properties.apiRoots().keySet().stream().sorted().forEach(r -> roots.add(base + "/" + r + "/"));
    return ok(d);
  }

  @GetMapping("/{root}/")
  ResponseEntity<String> apiRoot(@PathVariable("root") String root, HttpServletRequest request) {
    negotiate(request);
    TaxiiProperties.ApiRoot r = apiRootOf(root);
    ObjectNode a = JSON.createObjectNode();
    a.put("title", r.title().isEmpty() ? root : r.title());
    if (!r.description().isEmpty()) {
      a.put("description", r.description());
    }
    a.putArray("versions").add(MediaTypes.TAXII);
    a.put("max_content_length", envelopes.maxContentLength());
    return ok(a);
  }

  @GetMapping("/{root}/status/{statusId}/")
  ResponseEntity<String> status(
      @PathVariable("root") String root,
      @PathVariable("statusId") String statusId,
      HttpServletRequest request) {
    negotiate(request);
    apiRootOf(root);
    NodePrincipal p = principal();
    Optional<StatusStore.Saved> saved =
        statuses
            .find(statusId)
            .filter(s -> s.apiRoot().equals(root))
            .filter(s -> s.principal().equals(p.name()) || p.isAdmin());
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            "taxii.status",
            "",
            saved.isPresent() ? Decision.ALLOW : Decision.DENY,
            List.of(),
            "status " + statusId));
    return saved
        .map(
            s ->
                ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII)
                    .body(s.json()))
        .orElseThrow(() -> TaxiiException.notFound("No status " + statusId + " in this API root."));
  }

  // ---- section 5: collections ----

  @GetMapping("/{root}/collections/")
  ResponseEntity<String> collections(
      @PathVariable("root") String root, HttpServletRequest request) {
    negotiate(request);
    apiRootOf(root);
    NodePrincipal p = principal();
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = JSON.createArrayNode();
    for (TaxiiCollection c : collections.in(root)) {
      if (c.grants().canRead(p) || c.grants().canWrite(p)) {
        list.add(collectionJson(c, p));
      }
    }
    if (!list.isEmpty()) {
      body.set("collections", list);
    }
    return ok(body);
  }

  @GetMapping("/{root}/collections/{id}/")
  ResponseEntity<String> collection(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      HttpServletRequest request) {
    negotiate(request);
    NodePrincipal p = principal();
    return ok(collectionJson(visible(root, id, p), p));
  }

  @GetMapping("/{root}/collections/{id}/manifest/")
  ResponseEntity<String> manifest(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      HttpServletRequest request) {
    negotiate(request);
    NodePrincipal p = principal();
    TaxiiCollection c = readable(root, id, p);
    TaxiiFilters f = filters(request, OBJECT_MATCH, VersionMatch.LAST);
    String binding = binding(p, c, "manifest", f);
    ReadFilter rule = policy.readFilter(p, c.info());
    AuditingFilter filter = new AuditingFilter(rule);
    ObjectReads.Selection s =
        reads.page(c.alias(), f, start(f, binding), withholding(filter, p, c), rule);
    StringBuilder body = new StringBuilder("{");
    envelopeHead(body, s, binding);
    if (!s.items().isEmpty()) {
      ArrayNode records = JSON.createArrayNode();
      for (StoredObject o : s.items()) {
        ObjectNode r = records.addObject();
        r.put("id", o.objectId());
        r.put("date_added", StixTimestamps.formatMicros(o.dateAddedMicros()));
        r.put(
            "version",
            o.version().isEmpty() ? StixTimestamps.formatMicros(o.dateAddedMicros()) : o.version());
        r.put("media_type", MediaTypes.STIX);
      }
      body.append("\"objects\":").append(JSON.writeValueAsString(records));
    }
    trimComma(body).append('}');
    auditRead(p, c, "taxii.manifest", s.items(), filter);
    return withDateHeaders(s.items(), body.toString());
  }

  @GetMapping("/{root}/collections/{id}/objects/")
  ResponseEntity<String> objects(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      HttpServletRequest request) {
    negotiate(request);
    NodePrincipal p = principal();
    TaxiiCollection c = readable(root, id, p);
    TaxiiFilters f = filters(request, OBJECT_MATCH, VersionMatch.LAST);
    String binding = binding(p, c, "objects", f);
    ReadFilter rule = policy.readFilter(p, c.info());
    AuditingFilter filter = new AuditingFilter(rule);
    ObjectReads.Selection s =
        servable(
            reads.page(c.alias(), f, start(f, binding), withholding(filter, p, c), rule), p, c);
    auditRead(p, c, "taxii.objects", s.items(), filter);
    return withDateHeaders(s.items(), envelope(s, binding, p));
  }

  @PostMapping("/{root}/collections/{id}/objects/")
  ResponseEntity<String> addObjects(
      @PathVariable("root") String root, @PathVariable("id") String id, HttpServletRequest request)
      throws IOException {
    negotiate(request);
    NodePrincipal p = principal();
    TaxiiCollection c = visible(root, id, p);
    Optional<String> refusal = c.grants().writeRefusal(p);
    if (refusal.isPresent()) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              "taxii.add",
              c.alias(),
              Decision.DENY,
              List.of(),
              "no write grant"));
      throw TaxiiException.forbidden(refusal.get());
    }
    if (!MediaTypes.isTaxiiContent(request.getContentType())) {
      throw new TaxiiException(
          415,
          "Unsupported media type",
          "Send the envelope as " + MediaTypes.TAXII + ", not " + request.getContentType() + ".");
    }
    // The envelope's share of the heap stays reserved until its objects are stored (or refused).
    try (EnvelopeIntake.Received envelope = envelopes.receive(request)) {
      long requestMicros = nowMicros();
      String statusId = UUID.randomUUID().toString();
      AtomicReference<String> status = new AtomicReference<>();
      // The status resource and the audit records commit with the objects: a write the node
      // acknowledged is always in the audit trail, and a crash never leaves a status without
      // objects.
      writes.add(
          c,
          p,
          envelope.envelope(),
          (connection, outcomes) -> {
            String json = statusJson(statusId, requestMicros, outcomes);
            statuses.save(connection, statusId, root, p.name(), requestMicros, json);
            audit.appendAll(connection, addEntries(p, c, statusId, outcomes));
            status.set(json);
          });
      return ResponseEntity.accepted()
          .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII)
          .body(status.get());
    }
  }

  @GetMapping("/{root}/collections/{id}/objects/{objectId}/")
  ResponseEntity<String> object(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      @PathVariable("objectId") String objectId,
      HttpServletRequest request) {
    negotiate(request);
    NodePrincipal p = principal();
    TaxiiCollection c = readable(root, id, p);
    TaxiiFilters f = filters(request, ONE_OBJECT_MATCH, VersionMatch.LAST);
    String binding = binding(p, c, "object " + objectId, f);
    AuditingFilter filter = new AuditingFilter(policy.readFilter(p, c.info()));
    ObjectReads.ObjectVersions v =
        reads.versionsOf(c.alias(), objectId, f, start(f, binding), withholding(filter, p, c));
    auditRead(p, c, "taxii.object", v.selection().items(), filter);
    if (v.all().isEmpty()) {
      throw TaxiiException.notFound("No object " + objectId + " in this collection.");
    }
    ObjectReads.Selection s = servable(v.selection(), p, c);
    return withDateHeaders(s.items(), envelope(s, binding, p));
  }

  @DeleteMapping("/{root}/collections/{id}/objects/{objectId}/")
  ResponseEntity<String> delete(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      @PathVariable("objectId") String objectId,
      HttpServletRequest request) {
    negotiate(request);
    NodePrincipal p = principal();
    TaxiiCollection c = visible(root, id, p);
    if (!c.grants().canDelete(p)) {
      throw TaxiiException.forbidden(
          "Deleting needs both read and write access to the collection.");
    }
    TaxiiFilters f = filters(request, Set.of("version"), VersionMatch.ALL);
    ReadFilter rule = policy.readFilter(p, c.info());
    AuditingFilter filter = new AuditingFilter(rule);
    List<StoredObject> permitted = store.versions(c.alias(), objectId, withholding(filter, p, c));
    // Rows of another origin under this id are another nation's object (issue 14, finding 6): a
    // principal deletes its own nation's object, which it must have added itself; an admin deletes
    // whatever it may read.
    ReadFilter deletable =
        p.isAdmin() ? rule : o -> o.originNation().equals(p.nation()) && rule.permits(o);
    List<StoredObject> target = permitted.stream().filter(deletable::permits).toList();
    long first = target.stream().mapToLong(StoredObject::versionMicros).min().orElse(0);
    long last = target.stream().mapToLong(StoredObject::versionMicros).max().orElse(0);
    List<Long> chosen =
        target.stream()
            .filter(o -> f.versions().selects(o.versionMicros(), first, last))
            .map(StoredObject::versionMicros)
            .toList();
    if (permitted.isEmpty() || (p.isAdmin() && chosen.isEmpty())) {
      auditRead(p, c, "taxii.delete", List.of(), filter);
      throw TaxiiException.notFound("No object " + objectId + " in this collection.");
    }
    boolean mine = !target.isEmpty() && target.stream().allMatch(o -> o.addedBy().equals(p.name()));
    if (!mine && !p.isAdmin()) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              "taxii.delete",
              c.alias(),
              Decision.DENY,
              List.of(objectId),
              "only the principal that added it or an admin may delete"));
      throw TaxiiException.forbidden(
          "Only the principal that added this object, or an admin, may delete it.");
    }
    if (chosen.isEmpty()) {
      auditRead(p, c, "taxii.delete", List.of(), filter);
      throw TaxiiException.notFound("No object " + objectId + " in this collection.");
    }
    int deleted = store.delete(c.alias(), objectId, chosen, deletable);
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            "taxii.delete",
            c.alias(),
            Decision.ALLOW,
            List.of(objectId),
            deleted + " version(s) deleted"));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII).body("{}");
  }

  @GetMapping("/{root}/collections/{id}/objects/{objectId}/versions/")
  ResponseEntity<String> versions(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      @PathVariable("objectId") String objectId,
      HttpServletRequest request) {
    negotiate(request);
    NodePrincipal p = principal();
    TaxiiCollection c = readable(root, id, p);
    TaxiiFilters f = filters(request, VERSIONS_MATCH, VersionMatch.ALL);
    String binding = binding(p, c, "versions " + objectId, f);
    AuditingFilter filter = new AuditingFilter(policy.readFilter(p, c.info()));
    ObjectReads.ObjectVersions v =
        reads.versionsOf(c.alias(), objectId, f, start(f, binding), withholding(filter, p, c));
    auditRead(p, c, "taxii.versions", v.selection().items(), filter);
    if (v.all().isEmpty()) {
      throw TaxiiException.notFound("No object " + objectId + " in this collection.");
    }
    StringBuilder body = new StringBuilder("{");
    envelopeHead(body, v.selection(), binding);
    if (!v.selection().items().isEmpty()) {
      ArrayNode list = JSON.createArrayNode();
      v.selection()
          .items()
          .forEach(
              o ->
                  list.add(
                      o.version().isEmpty()
                          ? StixTimestamps.formatMicros(o.dateAddedMicros())
                          : o.version()));
      body.append("\"versions\":").append(JSON.writeValueAsString(list));
    }
    trimComma(body).append('}');
    return withDateHeaders(v.selection().items(), body.toString());
  }

  // ---- errors ----

  @ExceptionHandler(TaxiiException.class)
  ResponseEntity<String> taxiiError(TaxiiException e) {
    return error(e.status(), e.title(), e.getMessage());
  }

  @ExceptionHandler(EnvelopeIntake.Busy.class)
  ResponseEntity<String> busy(EnvelopeIntake.Busy e) {
    ResponseEntity<String> r = error(503, "Service unavailable", e.getMessage());
    return ResponseEntity.status(503)
        .headers(r.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(EnvelopeIntake.RETRY_AFTER_SECONDS))
        .body(r.getBody());
  }

  @ExceptionHandler({StoreException.class, IllegalStateException.class})
  ResponseEntity<String> serverError(RuntimeException e) {
    LOG.error("TAXII request failed", e);
    return error(500, "Internal error", "The node could not complete the request; see its log.");
  }

  static ResponseEntity<String> error(int status, String title, String description) {
    ObjectNode e = JSON.createObjectNode();
    e.put("title", title);
    e.put("description", description);
    e.put("http_status", Integer.toString(status));
    return ResponseEntity.status(status)
        .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII)
        .body(JSON.writeValueAsString(e));
  }

  // ---- helpers ----

  private static ResponseEntity<String> ok(ObjectNode body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII)
        .body(JSON.writeValueAsString(body));
  }

  private static void negotiate(HttpServletRequest request) {
    if (!MediaTypes.accepts(request.getHeader(HttpHeaders.ACCEPT))) {
      throw new TaxiiException(
          406,
          "Not acceptable",
          "This server answers with " + MediaTypes.TAXII + "; put it in the Accept header.");
    }
  }

  private TaxiiProperties.ApiRoot apiRootOf(String root) {
    TaxiiProperties.ApiRoot r = properties.apiRoots().get(root);
    if (r == null) {
      throw TaxiiException.notFound("No API root " + root + " on this server.");
    }
    return r;
  }

  private static NodePrincipal principal() {
    // the security configuration lets no unauthenticated request reach these endpoints
    return NodeAuthentication.current()
        .orElseThrow(() -> new TaxiiException(401, "Unauthorized", "Credentials are needed."));
  }

  /**
   * The collection when the principal may read or write it; otherwise it does not exist for them.
   */
  private TaxiiCollection visible(String root, String id, NodePrincipal p) {
    apiRootOf(root);
    return collections
        .find(root, id)
        .filter(c -> c.grants().canRead(p) || c.grants().canWrite(p))
        .orElseThrow(() -> TaxiiException.notFound("No collection " + id + " in this API root."));
  }

  private TaxiiCollection readable(String root, String id, NodePrincipal p) {
    TaxiiCollection c = visible(root, id, p);
    if (!c.grants().canRead(p)) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              "taxii.read",
              c.alias(),
              Decision.DENY,
              List.of(),
              "no read grant"));
      throw TaxiiException.forbidden("You may not read this collection.");
    }
    return c;
  }

  private TaxiiFilters filters(
      HttpServletRequest request, Set<String> match, VersionMatch versions) {
    Map<String, String[]> params = request.getParameterMap();
    return TaxiiFilters.parse(
        params, match, versions, properties.defaultPageSize(), properties.maxPageSize());
  }

  private static String binding(
      NodePrincipal p, TaxiiCollection c, String endpoint, TaxiiFilters f) {
    return p.name() + "|" + c.alias() + "|" + endpoint + "|" + f.binding();
  }

  /**
   * The request's filter with the objects withheld by their granular markings taken out. Outside
   * the AuditingFilter, which remembers decisions per origin and object markings: granular markings
   * are per object. Rows read without JSON (version selection) are the policy's alone.
   */
  private ReadFilter withholding(AuditingFilter filter, NodePrincipal p, TaxiiCollection c) {
    return parts.withholding(filter, p.reader(), c.info().defaultNations());
  }

  /**
   * The selection with each object's JSON as this reader may receive it: the parts its granular
   * markings keep from the reader removed. (The read filter already took out the objects withheld
   * whole; one withheld here all the same is left out, never sent.)
   */
  private ObjectReads.Selection servable(
      ObjectReads.Selection s, NodePrincipal p, TaxiiCollection c) {
    List<StoredObject> out = new ArrayList<>(s.items().size());
    for (StoredObject o : s.items()) {
      parts
          .jsonFor(p.reader(), o, c.info().defaultNations())
          .ifPresent(
              json ->
                  out.add(
                      json.equals(o.json())
                          ? o
                          : new StoredObject(
                              o.collectionId(),
                              o.objectId(),
                              o.type(),
                              o.version(),
                              o.versionMicros(),
                              o.specVersion(),
                              o.dateAddedMicros(),
                              o.originNation(),
                              o.addedBy(),
                              o.relayedVia(),
                              o.markingRefs(),
                              json)));
    }
    return new ObjectReads.Selection(out, s.scannedUpTo(), s.more());
  }

  /** Where a read starts: after the position in next, else after added_after, else at the start. */
  private long start(TaxiiFilters f, String binding) {
    if (f.next().isPresent()) {
      return cursors
          .decode(f.next().get(), binding)
          .orElseThrow(
              () ->
                  TaxiiException.badRequest(
                      "next is not a token this server issued for this request; repeat the original query"
                          + " parameters with the next value of the previous response"));
    }
    return f.addedAfter().orElse(0L);
  }

  private void envelopeHead(StringBuilder body, ObjectReads.Selection s, String binding) {
    body.append("\"more\":").append(s.more()).append(',');
    if (s.more()) {
      body.append("\"next\":\"").append(cursors.encode(s.scannedUpTo(), binding)).append("\",");
    }
  }

  /**
   * The envelope, with each object's JSON exactly as stored (no re-serialisation); for a peer node,
   * with each object's provenance (see {@link #provenance}).
   */
  private String envelope(ObjectReads.Selection s, String binding, NodePrincipal p) {
    StringBuilder body = new StringBuilder(64 + s.items().size() * 512).append('{');
    envelopeHead(body, s, binding);
    if (!s.items().isEmpty()) {
      body.append("\"objects\":[");
      for (int i = 0; i < s.items().size(); i++) {
        if (i > 0) {
          body.append(',');
        }
        body.append(s.items().get(i).json());
      }
      body.append(']');
      if (p.has(Role.PEER)) {
        provenance(body.append(','), s.items());
      }
    }
    return trimComma(body).append('}').toString();
  }

  /**
   * The custom property {@value ProvenanceClaim#PROPERTY} (TAXII 2.1 section 7.1): one entry per
   * object, in the order of {@code objects}, with the nation it originates from and the nations
   * that relayed it so far, so that a peer that pulls it stores it under its true origin (issue 14,
   * finding 4). Only ever sent to peer nodes.
   */
  private static void provenance(StringBuilder body, List<StoredObject> items) {
    body.append('"').append(ProvenanceClaim.PROPERTY).append("\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(ProvenanceClaim.of(items.get(i)).toJson());
    }
    body.append(']');
  }

  private static StringBuilder trimComma(StringBuilder b) {
    if (b.charAt(b.length() - 1) == ',') {
      b.setLength(b.length() - 1);
    }
    return b;
  }

  private static ResponseEntity<String> withDateHeaders(List<StoredObject> items, String body) {
    ResponseEntity.BodyBuilder r =
        ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII);
    if (!items.isEmpty()) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (StoredObject o : items) {
        first = Math.min(first, o.dateAddedMicros());
        last = Math.max(last, o.dateAddedMicros());
      }
      r.header("X-TAXII-Date-Added-First", StixTimestamps.formatMicros(first));
      r.header("X-TAXII-Date-Added-Last", StixTimestamps.formatMicros(last));
    }
    return r.body(body);
  }

  private void auditRead(
      NodePrincipal p,
      TaxiiCollection c,
      String action,
      List<StoredObject> items,
      AuditingFilter filter) {
    List<String> refs = new ArrayList<>(items.size());
    items.forEach(o -> refs.add(o.objectId() + "@" + o.version()));
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            c.alias(),
            Decision.ALLOW,
            refs,
            items.size() + " object(s)"));
    if (filter.deniedCount() > 0) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              c.alias(),
              Decision.DENY,
              filter.denied(),
              filter.deniedCount() + " object(s) withheld by their markings"));
    }
  }

  private ObjectNode collectionJson(TaxiiCollection c, NodePrincipal p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", c.taxiiId());
    o.put("title", c.info().title());
    if (!c.info().description().isEmpty()) {
      o.put("description", c.info().description());
    }
    if (!c.alias().equals(c.taxiiId())) {
      o.put("alias", c.alias());
    }
    o.put("can_read", c.grants().canRead(p));
    o.put("can_write", c.grants().canWrite(p));
    o.putArray("media_types").add(MediaTypes.STIX);
    return o;
  }

  /**
   * The audit records of a POST: the versions stored, and (if any) those refused with the reasons.
   */
  private static List<AuditEntry> addEntries(
      NodePrincipal p, TaxiiCollection c, String statusId, List<ObjectWrites.Outcome> outcomes) {
    List<String> stored = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    StringBuilder reasons = new StringBuilder();
    for (ObjectWrites.Outcome o : outcomes) {
      (o.success() ? stored : refused).add(o.id() + "@" + o.version());
      if (!o.success() && reasons.length() < 1500) {
        reasons.append(o.id()).append(": ").append(o.message()).append("; ");
      }
    }
    List<AuditEntry> entries = new ArrayList<>(2);
    entries.add(
        new AuditEntry(
            p.name(),
            p.nation(),
            "taxii.add",
            c.alias(),
            Decision.ALLOW,
            stored,
            "status " + statusId));
    if (!refused.isEmpty()) {
      entries.add(
          new AuditEntry(
              p.name(),
              p.nation(),
              "taxii.add",
              c.alias(),
              Decision.DENY,
              refused,
              reasons.toString()));
    }
    return entries;
  }

  private static String statusJson(
      String id, long requestMicros, List<ObjectWrites.Outcome> outcomes) {
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    s.put("status", "complete");
    s.put("request_timestamp", StixTimestamps.formatMicros(requestMicros));
    s.put("total_count", outcomes.size());
    ArrayNode successes = JSON.createArrayNode();
    ArrayNode failures = JSON.createArrayNode();
    for (ObjectWrites.Outcome o : outcomes) {
      ObjectNode d = (o.success() ? successes : failures).addObject();
      d.put("id", o.id());
      d.put("version", o.version());
      d.put("message", o.message());
    }
    s.put("success_count", successes.size());
    if (!successes.isEmpty()) {
      s.set("successes", successes);
    }
    s.put("failure_count", failures.size());
    if (!failures.isEmpty()) {
      s.set("failures", failures);
    }
    s.put("pending_count", 0);
    return JSON.writeValueAsString(s);
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
