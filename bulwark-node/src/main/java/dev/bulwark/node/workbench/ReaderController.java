package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.taxii.server.IntelAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the workbench pages need to know of the caller under {@code /api/intel}: who it is ({@code
 * me}: name, nation, roles, identity) and the collections its grants let it read, with whether it
 * may write to each. Only the caller's own view; nothing about other principals. Thread-safe.
 */
@RestController
@RequestMapping("/api/intel")
class ReaderController {
  private final IntelAccess access;

  ReaderController(IntelAccess access) {
    this.access = access;
  }

  @GetMapping("/me")
  ResponseEntity<String> me() {
    NodePrincipal p = WorkbenchJson.principal();
    ObjectNode out = AdminController.principalJson(p);
    out.remove("created");
    out.remove("revoked");
    out.remove("active");
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/collections")
  ResponseEntity<String> collections() {
    NodePrincipal p = WorkbenchJson.principal();
    if (!IntelObjects.analyst(p)) {
      return WorkbenchJson.forbidden("the workbench is for readers, contributors and admins");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("collections");
    for (IntelAccess.CollectionAccess c : access.grants()) {
      if (c.grants().canRead(p)) {
        list.addObject()
            .put("id", c.info().id())
            .put("title", c.info().title())
            .put("description", c.info().description())
            .put("can_write", c.grants().writeRefusal(p).isEmpty());
      }
    }
    return WorkbenchJson.ok(out);
  }
}
