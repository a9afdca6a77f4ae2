package dev.bulwark.node.readiness;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodePrincipal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place the readiness API writes the audit log (collection {@value
 * DeclarationStore#COLLECTION}): every read of a summary or a listing, every change (each a new
 * version, named by id and version) and every refusal. Thread-safe.
 */
@Component
final class ReadinessAudit {
  private final AuditLog audit;

  ReadinessAudit(AuditLog audit) {
    this.audit = audit;
  }

  void allowed(NodePrincipal p, String action, List<String> refs, String detail) {
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            DeclarationStore.COLLECTION,
            Decision.ALLOW,
            refs,
            detail));
  }

  void refused(NodePrincipal p, String action, String detail) {
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            DeclarationStore.COLLECTION,
            Decision.DENY,
            List.of(),
            detail));
  }
}
