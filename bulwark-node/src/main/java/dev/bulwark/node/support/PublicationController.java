package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.contribution.Contribution;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Publishing, {@code /api/support/publications}: the list of published reports, and publishing the
 * alliance report of a period (admins only). Audited in the collection {@value
 * ReportPublisher#COLLECTION}. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class PublicationController {
  private static final Set<String> FIELDS =
      Set.of("year", "period", "since", "baseline", "key", "key_year", "count");

  private final SupportRequests requests;
  private final SupportAudit audit;
  private final ContributionStore ledger;
  private final PublicationStore publications;
  private final ReportPublisher publisher;
  private final String publicBaseUrl;

  PublicationController(
      SupportRequests requests,
      SupportAudit audit,
      ContributionStore ledger,
      PublicationStore publications,
      ReportPublisher publisher,
      @Value("${bulwark.support.public-base-url:}") String publicBaseUrl) {
    this.requests = requests;
    this.audit = audit;
    this.ledger = ledger;
    this.publications = publications;
    this.publisher = publisher;
    this.publicBaseUrl = publicBaseUrl;
  }

  @GetMapping("/publications")
  ResponseEntity<String> listPublications(HttpServletRequest request) {
    requests.reader(request, "support.publications.list");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    String base = PublicUrls.base(publicBaseUrl, request);
    publications.list().forEach(x -> out.add(ReportPublisher.json(x, base)));
    audit.allowed(request, out.size() + " publications");
    return SupportResponses.json(out.toString());
  }

  /**
   * Publishes the alliance report of a period (body: the report parameters, e.g. {@code {"year":
   * 2025}}): it becomes public, TLP:CLEAR, at {@code /public/support/reports/{id}} and a STIX
   * report in the collection {@code support-reports}.
   */
  @PostMapping(path = "/publications", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> publish(HttpServletRequest request) {
    NodePrincipal p = requests.admin(request, "support.publish", "only an admin publishes reports");
    Map<String, String> params = params(requests.jsonBody(request));
    List<Contribution> all = ledger.ledger();
    ReportQuery q = ReportQuery.from(params, all, LocalDate.now(ZoneOffset.UTC));
    String base = PublicUrls.base(publicBaseUrl, request);
    ReportPublisher.Published done = publisher.publish(q, all, p.name(), base);
    audit.allowed(
        request, done.stixIds(), q.focus().label() + " as publication " + done.publication().id());
    return SupportResponses.created(ReportPublisher.json(done.publication(), base).toString());
  }

  /** The report parameters of a publish request's body. */
  private static Map<String, String> params(JsonNode body) {
    if (!body.isObject()) {
      throw SupportError.badParameter("body", "must be a JSON object");
    }
    Map<String, String> params = new HashMap<>();
    for (Map.Entry<String, JsonNode> f : body.properties()) {
      if (!FIELDS.contains(f.getKey())) {
        throw SupportError.badParameter(
            f.getKey(),
            "unknown field (expected year, period, since, baseline, key, key_year, count)");
      }
      params.put(
          f.getKey(),
          f.getValue().isNumber()
              ? f.getValue().decimalValue().toPlainString()
              : f.getValue().asString(""));
    }
    return params;
  }
}
