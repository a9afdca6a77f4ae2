package dev.bulwark.node.taxii.server;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The read gate of the TAXII resources that return objects (manifest, objects, an object, its
 * versions, and the reads a delete makes): every read is filtered by the {@link AccessPolicy} and
 * the objects' granular markings, every object served is redacted to what the reader may receive,
 * and every read and every withheld object goes to the audit log. Thread-safe.
 */
@Component
class CollectionReads {
  private final AccessPolicy policy;
  private final GranularMarkings parts;
  private final ObjectReads reads;
  private final AuditLog audit;

  CollectionReads(AccessPolicy policy, ObjectStore store, AuditLog audit) {
    this.policy = policy;
    this.parts = new GranularMarkings(policy);
    this.reads = new ObjectReads(store);
    this.audit = audit;
  }

  /**
   * One principal's read of one collection: the policy's rule, the same rule remembering its
   * denials for the audit log, and that with the objects withheld whole by their granular markings
   * taken out. Not thread-safe: one per request.
   *
   * @param rule the access policy's filter for this principal and collection
   * @param audited {@code rule}, noting what it denies
   * @param withholding {@code audited} without the objects the reader would get nothing of. Outside
   *     the AuditingFilter, which remembers decisions per origin and object markings: granular
   *     markings are per object. Rows read without JSON (version selection) are the policy's alone.
   */
  record Scope(
      NodePrincipal principal,
      TaxiiCollection collection,
      ReadFilter rule,
      AuditingFilter audited,
      ReadFilter withholding) {}

  Scope scope(NodePrincipal p, TaxiiCollection c) {
    ReadFilter rule = policy.readFilter(p, c.info());
    AuditingFilter audited = new AuditingFilter(rule);
    return new Scope(
        p, c, rule, audited, parts.withholding(audited, p.reader(), c.info().defaultNations()));
  }

  /** Pages and version selection over the store (always given one of the scope's filters). */
  ObjectReads reads() {
    return reads;
  }

  /**
   * The selection with each object's JSON as this reader may receive it: the parts its granular
   * markings keep from the reader removed. (The read filter already took out the objects withheld
   * whole; one withheld here all the same is left out, never sent.)
   */
  ObjectReads.Selection servable(ObjectReads.Selection s, Scope scope) {
    NodePrincipal p = scope.principal();
    TaxiiCollection c = scope.collection();
    List<StoredObject> out = new ArrayList<>(s.items().size());
    for (StoredObject o : s.items()) {
      parts
          .jsonFor(p.reader(), o, c.info().defaultNations())
          .ifPresent(json -> out.add(json.equals(o.json()) ? o : o.withJson(json)));
    }
    return new ObjectReads.Selection(out, s.scannedUpTo(), s.more());
  }

  /**
   * The versions of one object this scope may read, from {@code after} on (sections 5.6 and 5.8),
   * audited under {@code action}.
   *
   * @throws TaxiiException 404 when the reader may read no version of it (the same answer as for an
   *     object that is not there)
   */
  ObjectReads.ObjectVersions versionsOf(
      Scope scope, String objectId, TaxiiFilters f, long after, String action) {
    ObjectReads.ObjectVersions v =
        reads.versionsOf(scope.collection().alias(), objectId, f, after, scope.withholding());
    audit(scope, action, v.selection().items());
    if (v.all().isEmpty()) {
      throw TaxiiException.notFound("No object " + objectId + " in this collection.");
    }
    return v;
  }

  /** Audits a read: the versions served, and (if any) those the scope's filter withheld. */
  void audit(Scope scope, String action, List<StoredObject> items) {
    NodePrincipal p = scope.principal();
    String collection = scope.collection().alias();
    AuditingFilter filter = scope.audited();
    List<String> refs = new ArrayList<>(items.size());
    items.forEach(o -> refs.add(o.objectId() + "@" + o.version()));
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            collection,
            Decision.ALLOW,
            refs,
            items.size() + " object(s)"));
    if (filter.deniedCount() > 0) {
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              collection,
              Decision.DENY,
              filter.denied(),
              filter.deniedCount() + " object(s) withheld by their markings"));
    }
  }
}
