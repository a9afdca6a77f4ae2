package dev.bulwark.node.audit;

import java.util.List;
import java.util.Objects;

/**
 * One thing to record: who (principal and nation) did what (action) to which objects of which
 * collection, and whether it was allowed. Immutable.
 *
 * @param objectRefs the objects concerned ("id" or "id@version"); empty when none
 * @param detail a short free-text reason or summary ("" for none)
 */
public record AuditEntry(
    String principal,
    String nation,
    String action,
    String collectionId,
    Decision decision,
    List<String> objectRefs,
    String detail) {

  /** Allowed, or denied (a denial is recorded even though the caller is told "not found"). */
  public enum Decision {
    ALLOW,
    DENY
  }

  public AuditEntry {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(nation, "nation");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(decision, "decision");
    objectRefs = List.copyOf(objectRefs);
    detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
  }
}
