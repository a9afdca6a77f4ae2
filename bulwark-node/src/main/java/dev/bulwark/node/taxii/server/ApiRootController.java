package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TaxiiResponses.JSON;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 section 4.2, Get API Root Information: {@code GET /{root}/} gives the root's title, the
 * TAXII version it speaks and the largest body a POST may send. Thread-safe.
 */
@RestController
class ApiRootController {
  private final TaxiiRequests requests;
  private final EnvelopeIntake envelopes;

  ApiRootController(TaxiiRequests requests, EnvelopeIntake envelopes) {
    this.requests = requests;
    this.envelopes = envelopes;
  }

  @GetMapping("/{root}/")
  ResponseEntity<String> apiRoot(@PathVariable("root") String root, HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    TaxiiProperties.ApiRoot r = requests.apiRoot(root);
    ObjectNode a = JSON.createObjectNode();
    a.put("title", r.title().isEmpty() ? root : r.title());
    if (!r.description().isEmpty()) {
      a.put("description", r.description());
    }
    a.putArray("versions").add(MediaTypes.TAXII);
    a.put("max_content_length", envelopes.maxContentLength());
    return TaxiiResponses.ok(a);
  }
}
