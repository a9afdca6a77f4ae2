package dev.bulwark.node.taxii.server;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * What every TAXII endpoint checks of a request before it answers: the Accept header (section
 * 1.6.8), the caller, the API root and the collection as the caller may see them, and the query
 * parameters (section 3.4). A collection the caller may neither read nor write does not exist for
 * them (404, like a missing one); a denied read is audited. Thread-safe.
 */
@Component
class TaxiiRequests {
  private final TaxiiProperties properties;
  private final TaxiiCollections collections;
  private final AuditLog audit;

  TaxiiRequests(TaxiiProperties properties, TaxiiCollections collections, AuditLog audit) {
    this.properties = properties;
    this.collections = collections;
    this.audit = audit;
  }

  /** 406 unless the Accept header admits TAXII 2.1 JSON. */
  static void negotiate(HttpServletRequest request) {
    if (!MediaTypes.accepts(request.getHeader(HttpHeaders.ACCEPT))) {
      throw new TaxiiException(
          406,
          "Not acceptable",
          "This server answers with " + MediaTypes.TAXII + "; put it in the Accept header.");
    }
  }

  static NodePrincipal principal() {
    // the security configuration lets no unauthenticated request reach these endpoints
    return NodeAuthentication.current()
        .orElseThrow(() -> new TaxiiException(401, "Unauthorized", "Credentials are needed."));
  }

  TaxiiProperties.ApiRoot apiRoot(String root) {
    TaxiiProperties.ApiRoot r = properties.apiRoots().get(root);
    if (r == null) {
      throw TaxiiException.notFound("No API root " + root + " on this server.");
    }
    return r;
  }

  /**
   * The collection when the principal may read or write it; otherwise it does not exist for them.
   */
  TaxiiCollection visible(String root, String id, NodePrincipal p) {
    apiRoot(root);
    return collections
        .find(root, id)
        .filter(c -> c.grants().canRead(p) || c.grants().canWrite(p))
        .orElseThrow(() -> TaxiiException.notFound("No collection " + id + " in this API root."));
  }

  /** The collection when the principal may read it; 403 (audited) when it may only write it. */
  TaxiiCollection readable(String root, String id, NodePrincipal p) {
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

  /** The request's filters and paging, the server's page sizes applied. */
  TaxiiFilters filters(HttpServletRequest request, Set<String> match, VersionMatch versions) {
    return TaxiiFilters.parse(
        request.getParameterMap(),
        match,
        versions,
        properties.defaultPageSize(),
        properties.maxPageSize());
  }
}
