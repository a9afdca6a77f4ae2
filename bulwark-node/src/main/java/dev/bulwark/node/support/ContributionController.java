package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.Period;
import dev.bulwark.support.input.ContributionInput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger, {@code /api/support/contributions}: listed (by donor and period) and entered as JSON,
 * checked by the library's {@link ContributionInput}. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class ContributionController {
  private final SupportRequests requests;
  private final SupportAudit audit;
  private final ContributionStore ledger;
  private final LedgerWriter writer;
  private final ContributionInput input;

  ContributionController(
      SupportRequests requests,
      SupportAudit audit,
      ContributionStore ledger,
      LedgerWriter writer,
      SupportPlanner planner) {
    this.requests = requests;
    this.audit = audit;
    this.ledger = ledger;
    this.writer = writer;
    this.input = new ContributionInput(planner.allies(), planner.contributionCsv());
  }

  @GetMapping("/contributions")
  ResponseEntity<String> contributions(
      @RequestParam(defaultValue = "") String donor,
      @RequestParam(defaultValue = "") String period,
      HttpServletRequest request) {
    requests.reader(request, "support.contributions.list");
    String d = donor.trim().toUpperCase(Locale.ROOT);
    Optional<Period> in;
    try {
      in = period.isBlank() ? Optional.empty() : Optional.of(Period.parse(period));
    } catch (IllegalArgumentException e) {
      throw SupportError.badParameter("period", e.getMessage());
    }
    ArrayNode list = SupportJson.MAPPER.createArrayNode();
    for (StoredContribution s : ledger.list()) {
      Contribution c = s.contribution();
      if ((d.isEmpty() || c.donor().equals(d)) && in.map(x -> x.contains(c.date())).orElse(true)) {
        list.add(SupportJson.contribution(s));
      }
    }
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("count", list.size());
    o.set("contributions", list);
    audit.allowed(
        request,
        list.size()
            + " entries"
            + (d.isEmpty() ? "" : " of " + d)
            + in.map(x -> " in " + x.label()).orElse(""));
    return SupportResponses.json(o.toString());
  }

  @PostMapping(path = "/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> addContributions(HttpServletRequest request) {
    NodePrincipal p = requests.enterer(request, "support.contributions.add");
    var body = requests.jsonBody(request);
    String batch = SupportRequests.batch("api");
    List<Contribution> entries =
        input.fromJson(body, SupportAccess.onlyNation(p), ledger.ids(), SupportRequests::randomId);
    return writer.store(request, p, entries, batch, Map.of());
  }
}
