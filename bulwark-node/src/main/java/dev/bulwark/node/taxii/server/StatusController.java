package dev.bulwark.node.taxii.server;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * TAXII 2.1 section 4.3, Get Status: {@code GET /{root}/status/{statusId}/} returns the status
 * resource an add made (written with its objects, see {@link ObjectsController}), to the principal
 * that made it or an admin; to anyone else it does not exist. Every lookup is audited. Thread-safe.
 */
@RestController
class StatusController {
  private final TaxiiRequests requests;
  private final StatusStore statuses;
  private final AuditLog audit;

  StatusController(TaxiiRequests requests, StatusStore statuses, AuditLog audit) {
    this.requests = requests;
    this.statuses = statuses;
    this.audit = audit;
  }

  @GetMapping("/{root}/status/{statusId}/")
  ResponseEntity<String> status(
      @PathVariable("root") String root,
      @PathVariable("statusId") String statusId,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    requests.apiRoot(root);
    NodePrincipal p = TaxiiRequests.principal();
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
        .map(s -> TaxiiResponses.ok(s.json()))
        .orElseThrow(() -> TaxiiException.notFound("No status " + statusId + " in this API root."));
  }
}
