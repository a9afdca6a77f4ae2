package dev.bulwark.node.support;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place where the support API writes the audit log. A handler names its action once, when
 * {@link SupportRequests} checks the principal; that binds the principal and the action to the
 * request, and every record of the call, allowed or refused, is written from there: collection
 * {@value #COLLECTION}, or {@value ReportPublisher#COLLECTION} for the publishing actions ({@code
 * support.publ...}). Thread-safe.
 */
@Component
final class SupportAudit {
  static final String COLLECTION = "support";
  static final String ACTION = "bulwark.support.action";
  static final String PRINCIPAL = "bulwark.support.principal";

  private final AuditLog audit;

  SupportAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** An allowed call that names no objects. */
  void allowed(HttpServletRequest request, String detail) {
    allowed(request, List.of(), detail);
  }

  /** An allowed call of the request's principal and action, naming the objects it touched. */
  void allowed(HttpServletRequest request, List<String> refs, String detail) {
    NodePrincipal p = (NodePrincipal) request.getAttribute(PRINCIPAL);
    String action = (String) request.getAttribute(ACTION);
    audit.append(
        new AuditEntry(
            p.name(), p.nation(), action, collection(action), Decision.ALLOW, refs, detail));
  }

  /** A refused call, if a principal was bound to it (a call refused before that is not audited). */
  void refused(HttpServletRequest request, SupportError e) {
    if (request.getAttribute(PRINCIPAL) instanceof NodePrincipal p) {
      String action = String.valueOf(request.getAttribute(ACTION));
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              collection(action),
              Decision.DENY,
              List.of(),
              e.status() + " " + e.getMessage()));
    }
  }

  private static String collection(String action) {
    return action.startsWith("support.publ") ? ReportPublisher.COLLECTION : COLLECTION;
  }
}
