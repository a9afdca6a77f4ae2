package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TaxiiResponses.JSON;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 section 4.1, Server Discovery: {@code GET /taxii2/} names the server and its API roots.
 * Open to every authenticated caller. Thread-safe.
 */
@RestController
class DiscoveryController {
  private final TaxiiProperties properties;

  DiscoveryController(TaxiiProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/taxii2/")
  ResponseEntity<String> discovery(HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    ObjectNode d = JSON.createObjectNode();
    d.put("title", properties.title());
    if (!properties.description().isEmpty()) {
      d.put("description", properties.description());
    }
    if (!properties.contact().isEmpty()) {
      d.put("contact", properties.contact());
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    d.put("default", base + "/" + properties.defaultApiRoot() + "/");
    ArrayNode roots = d.putArray("api_roots");
    properties.apiRoots().keySet().stream().sorted().forEach(r -> roots.add(base + "/" + r + "/"));
    return TaxiiResponses.ok(d);
  }
}
