package dev.bulwark.node.taxii.server;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.CommunityIdentities;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The objects of a collection, TAXII 2.1 sections 5.4 (Get Objects, {@code GET
 * /{root}/collections/{id}/objects/}), 5.5 (Add Objects, {@code POST} there), 5.6 (Get An Object,
 * {@code GET .../objects/{objectId}/}) and 5.7 (Delete An Object, {@code DELETE} there). Reads go
 * through {@link CollectionReads} (an object the caller may not see is answered exactly like a
 * missing one); writes through {@link ObjectWrites}; every read, write and denial goes to the audit
 * log. Thread-safe.
 */
@RestController
class ObjectsController {
  private static final Set<String> OBJECTS_MATCH = Set.of("id", "type", "version", "spec_version");
  private static final Set<String> ONE_OBJECT_MATCH = Set.of("version", "spec_version");
  private static final Set<String> DELETE_MATCH = Set.of("version");

  private final TaxiiRequests requests;
  private final CollectionReads reads;
  private final TaxiiPaging paging;
  private final ObjectStore store;
  private final ObjectWrites writes;
  private final EnvelopeIntake envelopes;
  private final StatusStore statuses;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  ObjectsController(
      TaxiiRequests requests,
      CollectionReads reads,
      TaxiiPaging paging,
      TaxiiCollections collections,
      AccessPolicy policy,
      ObjectStore store,
      EnvelopeIntake envelopes,
      StatusStore statuses,
      AuditLog audit,
      CommunityIdentities identities,
      @Value("${bulwark.nation:EST}") String nation) {
    this.requests = requests;
    this.reads = reads;
    this.paging = paging;
    this.store = store;
    this.writes = new ObjectWrites(store, policy, collections, nation, identities);
    this.envelopes = envelopes;
    this.statuses = statuses;
    this.audit = audit;
  }

  /** Section 5.4: a page of the objects the caller may read, as it may receive them. */
  @GetMapping("/{root}/collections/{id}/objects/")
  ResponseEntity<String> objects(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    TaxiiCollection c = requests.readable(root, id, p);
    TaxiiFilters f = requests.filters(request, OBJECTS_MATCH, VersionMatch.LAST);
    String binding = TaxiiPaging.binding(p, c, "objects", f);
    CollectionReads.Scope scope = reads.scope(p, c);
    ObjectReads.Selection s =
        reads.servable(
            reads
                .reads()
                .page(c.alias(), f, paging.start(f, binding), scope.withholding(), scope.rule()),
            scope);
    reads.audit(scope, "taxii.objects", s.items());
    return TaxiiResponses.withDateHeaders(s.items(), paging.envelope(s, binding, p));
  }

  /** Section 5.5: stores an envelope's objects and answers with the status resource (202). */
  @PostMapping("/{root}/collections/{id}/objects/")
  ResponseEntity<String> addObjects(
      @PathVariable("root") String root, @PathVariable("id") String id, HttpServletRequest request)
      throws IOException {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    TaxiiCollection c = requests.visible(root, id, p);
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
            String json = AddStatus.json(statusId, requestMicros, outcomes);
            statuses.save(connection, statusId, root, p.name(), requestMicros, json);
            audit.appendAll(connection, AddStatus.auditEntries(p, c, statusId, outcomes));
            status.set(json);
          });
      return ResponseEntity.accepted()
          .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII)
          .body(status.get());
    }
  }

  /** Section 5.6: the versions of one object the caller may read (the last by default). */
  @GetMapping("/{root}/collections/{id}/objects/{objectId}/")
  ResponseEntity<String> object(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      @PathVariable("objectId") String objectId,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    TaxiiCollection c = requests.readable(root, id, p);
    TaxiiFilters f = requests.filters(request, ONE_OBJECT_MATCH, VersionMatch.LAST);
    String binding = TaxiiPaging.binding(p, c, "object " + objectId, f);
    CollectionReads.Scope scope = reads.scope(p, c);
    ObjectReads.ObjectVersions v =
        reads.versionsOf(scope, objectId, f, paging.start(f, binding), "taxii.object");
    ObjectReads.Selection s = reads.servable(v.selection(), scope);
    return TaxiiResponses.withDateHeaders(s.items(), paging.envelope(s, binding, p));
  }

  /**
   * Section 5.7: deletes the chosen versions of an object. Needs read and write access; a principal
   * deletes only what it added itself, an admin whatever it may read.
   */
  @DeleteMapping("/{root}/collections/{id}/objects/{objectId}/")
  ResponseEntity<String> delete(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      @PathVariable("objectId") String objectId,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    TaxiiCollection c = requests.visible(root, id, p);
    if (!c.grants().canDelete(p)) {
      throw TaxiiException.forbidden(
          "Deleting needs both read and write access to the collection.");
    }
    TaxiiFilters f = requests.filters(request, DELETE_MATCH, VersionMatch.ALL);
    CollectionReads.Scope scope = reads.scope(p, c);
    ReadFilter rule = scope.rule();
    List<StoredObject> permitted = store.versions(c.alias(), objectId, scope.withholding());
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
      reads.audit(scope, "taxii.delete", List.of());
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
      reads.audit(scope, "taxii.delete", List.of());
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
    return TaxiiResponses.ok("{}");
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
