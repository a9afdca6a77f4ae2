package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.input.PlanningInput;
import dev.bulwark.support.json.AllocationJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;

/**
 * Ukraine's requirements, {@code /api/support/requirements}: read by every reader, entered (JSON or
 * CSV) and deleted by admins. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class RequirementController {
  private final SupportRequests requests;
  private final SupportAudit audit;
  private final PlanningStore planning;
  private final PlanningInput input;

  RequirementController(
      SupportRequests requests,
      SupportAudit audit,
      PlanningStore planning,
      SupportPlanner planner) {
    this.requests = requests;
    this.audit = audit;
    this.planning = planning;
    this.input = new PlanningInput(planner.allies());
  }

  @GetMapping("/requirements")
  ResponseEntity<String> requirements(HttpServletRequest request) {
    requests.reader(request, "support.requirements.list");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    planning.requirements().forEach(r -> out.add(AllocationJson.requirement(r)));
    audit.allowed(request, out.size() + " requirements");
    return SupportResponses.json(out.toString());
  }

  @PostMapping(
      path = "/requirements",
      consumes = {"application/json", "text/csv"})
  ResponseEntity<String> addRequirements(HttpServletRequest request) {
    NodePrincipal p =
        requests.admin(
            request, "support.requirements.add", "Ukraine's requirements are entered by admins");
    boolean csv = SupportRequests.isCsv(request);
    String text = requests.body(request);
    Set<String> held =
        planning.requirements().stream().map(Requirement::id).collect(Collectors.toSet());
    List<Requirement> items =
        input.requirements(
            csv ? Optional.empty() : Optional.of(SupportRequests.parseJson(text)),
            csv ? Optional.of(text) : Optional.empty(),
            held);
    try {
      planning.addRequirements(items, p.name());
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(409, e.getMessage());
    }
    audit.allowed(
        request,
        items.stream().map(Requirement::id).limit(1000).toList(),
        items.size() + " requirements");
    return SupportResponses.created(Map.of("stored", items.size()));
  }

  @DeleteMapping("/requirements/{id}")
  ResponseEntity<String> deleteRequirement(@PathVariable String id, HttpServletRequest request) {
    requests.admin(
        request, "support.requirements.delete", "Ukraine's requirements are changed by admins");
    if (!planning.deleteRequirement(id)) {
      throw new SupportError(404, "no requirement '" + id + "'");
    }
    audit.allowed(request, List.of(id), "");
    return ResponseEntity.noContent().build();
  }
}
