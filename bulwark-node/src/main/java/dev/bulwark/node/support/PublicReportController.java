package dev.bulwark.node.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published reports, open to anyone (the one data path of the node without authentication,
 * besides TAXII discovery): {@code /public/support/reports} lists them, {@code .../latest} and
 * {@code .../{id}} serve the HTML exactly as it was published, marked TLP:CLEAR. Nothing that was
 * not published is reachable here. The pages carry a content security policy that allows no script
 * and no fetching (the report is self-contained). Anonymous reads are counted ({@code
 * bulwark_support_public_reads_total}), not audited: they are public by decision, and an audit
 * record per anonymous request would let anyone grow the hash-chained log. Thread-safe.
 */
@RestController
@RequestMapping("/public/support/reports")
class PublicReportController {
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

  private final PublicationStore publications;
  private final Counter reads;
  private final String publicBaseUrl;

  PublicReportController(
      PublicationStore publications,
      MeterRegistry registry,
      @Value("${bulwark.support.public-base-url:}") String publicBaseUrl) {
    this.publications = publications;
    this.publicBaseUrl = publicBaseUrl;
    this.reads =
        Counter.builder("bulwark.support.public.reads")
            .description("Reads of published support reports (anonymous included)")
            .register(registry);
  }

  @GetMapping({"", "/"})
  ResponseEntity<String> index(HttpServletRequest request) {
    reads.increment();
    String base = PublicUrls.base(publicBaseUrl, request);
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    for (PublicationStore.Publication p : publications.list()) {
      ObjectNode o = ReportPublisher.json(p, base);
      o.remove("published_by");
      out.add(o);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
  }

  @GetMapping("/latest")
  ResponseEntity<String> latest() {
    List<PublicationStore.Publication> all = publications.list();
    return all.isEmpty()
        ? notFound("no report has been published yet")
        : page(publications.html(all.get(0).id()));
  }

  @GetMapping("/{id}")
  ResponseEntity<String> report(@PathVariable String id) {
    if (!id.matches("[0-9]{1,18}")) {
      return notFound("no published report '" + id + "'");
    }
    return page(publications.html(Long.parseLong(id)));
  }

  private ResponseEntity<String> page(Optional<String> html) {
    reads.increment();
    return html.map(
            h ->
                ResponseEntity.ok()
                    .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", CSP)
                    .body(h))
        .orElseGet(() -> notFound("no such published report"));
  }

  private static ResponseEntity<String> notFound(String message) {
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("title", "Not Found");
    o.put("description", message);
    o.put("http_status", 404);
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(o.toString());
  }
}
