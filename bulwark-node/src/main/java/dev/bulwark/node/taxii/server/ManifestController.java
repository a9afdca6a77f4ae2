package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TaxiiResponses.JSON;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 section 5.3, Get Object Manifests: {@code GET /{root}/collections/{id}/manifest/} lists
 * a manifest record (id, date_added, version, media type) for each object version the caller may
 * read, with the same filters and paging as the objects. Thread-safe.
 */
@RestController
class ManifestController {
  private static final Set<String> MATCH = Set.of("id", "type", "version", "spec_version");

  private final TaxiiRequests requests;
  private final CollectionReads reads;
  private final TaxiiPaging paging;

  ManifestController(TaxiiRequests requests, CollectionReads reads, TaxiiPaging paging) {
    this.requests = requests;
    this.reads = reads;
    this.paging = paging;
  }

  @GetMapping("/{root}/collections/{id}/manifest/")
  ResponseEntity<String> manifest(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    TaxiiCollection c = requests.readable(root, id, p);
    TaxiiFilters f = requests.filters(request, MATCH, VersionMatch.LAST);
    String binding = TaxiiPaging.binding(p, c, "manifest", f);
    CollectionReads.Scope scope = reads.scope(p, c);
    ObjectReads.Selection s =
        reads
            .reads()
            .page(c.alias(), f, paging.start(f, binding), scope.withholding(), scope.rule());
    StringBuilder body = new StringBuilder("{");
    paging.head(body, s, binding);
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
    TaxiiResponses.trimComma(body).append('}');
    reads.audit(scope, "taxii.manifest", s.items());
    return TaxiiResponses.withDateHeaders(s.items(), body.toString());
  }
}
