package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TaxiiResponses.JSON;

import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 sections 5.1, Get Collections ({@code GET /{root}/collections/}), and 5.2, Get A
 * Collection ({@code GET /{root}/collections/{id}/}): the collections the caller may read or write,
 * with what it may do there. A collection it may do neither with is not listed and answers 404.
 * Thread-safe.
 */
@RestController
class CollectionsController {
  private final TaxiiRequests requests;
  private final TaxiiCollections collections;

  CollectionsController(TaxiiRequests requests, TaxiiCollections collections) {
    this.requests = requests;
    this.collections = collections;
  }

  @GetMapping("/{root}/collections/")
  ResponseEntity<String> collections(
      @PathVariable("root") String root, HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    requests.apiRoot(root);
    NodePrincipal p = TaxiiRequests.principal();
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = JSON.createArrayNode();
    for (TaxiiCollection c : collections.in(root)) {
      if (c.grants().canRead(p) || c.grants().canWrite(p)) {
        list.add(collectionJson(c, p));
      }
    }
    if (!list.isEmpty()) {
      body.set("collections", list);
    }
    return TaxiiResponses.ok(body);
  }

  @GetMapping("/{root}/collections/{id}/")
  ResponseEntity<String> collection(
      @PathVariable("root") String root,
      @PathVariable("id") String id,
      HttpServletRequest request) {
    TaxiiRequests.negotiate(request);
    NodePrincipal p = TaxiiRequests.principal();
    return TaxiiResponses.ok(collectionJson(requests.visible(root, id, p), p));
  }

  private static ObjectNode collectionJson(TaxiiCollection c, NodePrincipal p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", c.taxiiId());
    o.put("title", c.info().title());
    if (!c.info().description().isEmpty()) {
      o.put("description", c.info().description());
    }
    if (!c.alias().equals(c.taxiiId())) {
      o.put("alias", c.alias());
    }
    o.put("can_read", c.grants().canRead(p));
    o.put("can_write", c.grants().canWrite(p));
    o.putArray("media_types").add(MediaTypes.STIX);
    return o;
  }
}
