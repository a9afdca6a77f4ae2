package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TaxiiResponses.JSON;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixTimestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;

/**
 * TAXII 2.1 section 5.8, Get Object Versions: {@code GET
 * /{root}/collections/{id}/objects/{objectId}/versions/} lists the versions of one object the
 * caller may read; an object with none it may read answers 404 like a missing one. Thread-safe.
 */
@RestController
class VersionsController {
  private static final Set<String> MATCH = Set.of("spec_version");

  private final TaxiiRequests requests;
  private final CollectionReads reads;
  private final TaxiiPaging paging;

  VersionsController(TaxiiRequests requests, CollectionReads reads, TaxiiPaging paging) {
    this.requests = requests;
    this.reads = reads;
    this.paging = paging;
  }

  @GetMapping("/{root}/collections/{id}/objects/{objectId}/versions/")
  ResponseEntity<String> versions(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      @PathVariable("objectId") String objectId,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    TaxiiCollection c = requests.readable(root, id, p);
    TaxiiFilters f = requests.filters(request, MATCH, VersionMatch.ALL);
    String binding = TaxiiPaging.binding(p, c, "versions " + objectId, f);
    CollectionReads.Scope scope = reads.scope(p, c);
    ObjectReads.ObjectVersions v =
        reads.versionsOf(scope, objectId, f, paging.start(f, binding), "taxii.versions");
    StringBuilder body = new StringBuilder("{");
    paging.head(body, v.selection(), binding);
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
    TaxiiResponses.trimComma(body).append('}');
    return TaxiiResponses.withDateHeaders(v.selection().items(), body.toString());
  }
}
