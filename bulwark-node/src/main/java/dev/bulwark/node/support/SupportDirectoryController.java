package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.ally.Ally;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/support/me} (who the principal is and what it may do) and {@code /api/support/allies}
 * (the allies and whether each is a member today). Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class SupportDirectoryController {
  private final SupportRequests requests;
  private final SupportPlanner planner;

  SupportDirectoryController(SupportRequests requests, SupportPlanner planner) {
    this.requests = requests;
    this.planner = planner;
  }

  @GetMapping("/me")
  ResponseEntity<String> me(HttpServletRequest request) {
    NodePrincipal p = requests.reader(request, "support.me");
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("name", p.name());
    o.put("nation", p.nation());
    ArrayNode roles = o.putArray("roles");
    p.roles().stream().map(r -> r.label()).sorted().forEach(roles::add);
    o.put("may_enter", SupportAccess.mayEnter(p));
    o.put(
        "may_enter_for",
        SupportAccess.mayEnter(p) ? SupportAccess.onlyNation(p).orElse("any") : "none");
    o.put("may_publish", p.isAdmin());
    return SupportResponses.json(o.toString());
  }

  @GetMapping("/allies")
  ResponseEntity<String> allies(HttpServletRequest request) {
    requests.reader(request, "support.allies");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (Ally a : planner.allies().all()) {
      out.addObject()
          .put("iso3", a.iso3())
          .put("name", a.name())
          .put("accession", a.accession().toString())
          .put("member", a.memberOn(today));
    }
    return SupportResponses.json(out.toString());
  }
}
