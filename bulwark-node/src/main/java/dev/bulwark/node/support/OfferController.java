package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.allocation.Offer;
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
 * Allies' offers, {@code /api/support/offers}: read by every reader, entered (JSON or CSV) and
 * withdrawn by a contributor for its own nation or by an admin for any. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class OfferController {
  private final SupportRequests requests;
  private final SupportAudit audit;
  private final PlanningStore planning;
  private final PlanningInput input;

  OfferController(
      SupportRequests requests,
      SupportAudit audit,
      PlanningStore planning,
      SupportPlanner planner) {
    this.requests = requests;
    this.audit = audit;
    this.planning = planning;
    this.input = new PlanningInput(planner.allies());
  }

  @GetMapping("/offers")
  ResponseEntity<String> offers(HttpServletRequest request) {
    requests.reader(request, "support.offers.list");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    planning
        .offers()
        .forEach(o -> out.add(AllocationJson.offer(o.offer()).put("entered_by", o.enteredBy())));
    audit.allowed(request, out.size() + " offers");
    return SupportResponses.json(out.toString());
  }

  @PostMapping(
      path = "/offers",
      consumes = {"application/json", "text/csv"})
  ResponseEntity<String> addOffers(HttpServletRequest request) {
    NodePrincipal p = requests.enterer(request, "support.offers.add");
    boolean csv = SupportRequests.isCsv(request);
    String text = requests.body(request);
    Set<String> held =
        planning.offers().stream().map(o -> o.offer().id()).collect(Collectors.toSet());
    List<Offer> items =
        input.offers(
            csv ? Optional.empty() : Optional.of(SupportRequests.parseJson(text)),
            csv ? Optional.of(text) : Optional.empty(),
            held,
            SupportAccess.onlyNation(p));
    try {
      planning.addOffers(items, p.name());
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(409, e.getMessage());
    }
    audit.allowed(
        request, items.stream().map(Offer::id).limit(1000).toList(), items.size() + " offers");
    return SupportResponses.created(Map.of("stored", items.size()));
  }

  @DeleteMapping("/offers/{id}")
  ResponseEntity<String> deleteOffer(@PathVariable String id, HttpServletRequest request) {
    NodePrincipal p = requests.enterer(request, "support.offers.delete");
    Offer o =
        planning.offers().stream()
            .map(PlanningStore.StoredOffer::offer)
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new SupportError(404, "no offer '" + id + "'"));
    if (!SupportAccess.mayEnterFor(p, o.ally())) {
      throw new SupportError(
          403,
          "offer "
              + id
              + " is "
              + o.ally()
              + "'s: a contributor of "
              + p.nation()
              + " may withdraw only "
              + p.nation()
              + "'s offers");
    }
    planning.deleteOffer(id);
    audit.allowed(request, List.of(id), "");
    return ResponseEntity.noContent().build();
  }
}
