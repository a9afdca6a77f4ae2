package dev.bulwark.node.incidents;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;

/**
 * The published exposure reports, open to anyone: {@code /public/exposure} lists them, {@code
 * /public/exposure/{id}} serves the page exactly as published and {@code .../{id}/stix} its STIX
 * bundle. Nothing that was not published is reachable here; pages allow no script and no fetching.
 * Thread-safe.
 */
@RestController
@RequestMapping("/public/exposure")
class PublicExposureController {
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

  private final ExposureStore store;

  PublicExposureController(ExposurePublisher publisher) {
    this.store = publisher.store();
  }

  @GetMapping({"", "/"})
  ResponseEntity<String> index() {
    ArrayNode out = RegisterStix.JSON.createArrayNode();
    for (ExposureStore.Published p : store.list()) {
      out.addObject()
          .put("id", p.id())
          .put("title", p.title())
          .put("url", ExposurePublisher.PUBLIC_PATH + p.id())
          .put("stix_report_id", p.stixReportId());
    }
    return IncidentController.json(200, out.toString());
  }

  @GetMapping("/{id}")
  ResponseEntity<String> page(@PathVariable String id) {
    return answer(valid(id) ? store.html(id) : Optional.empty(), "text/html");
  }

  @GetMapping("/{id}/stix")
  ResponseEntity<String> stix(@PathVariable String id) {
    return answer(valid(id) ? store.stix(id) : Optional.empty(), "application/stix+json");
  }

  private static boolean valid(String id) {
    return id.matches("[0-9a-f-]{36}");
  }

  private static ResponseEntity<String> answer(Optional<String> body, String type) {
    return body.map(
            b ->
                ResponseEntity.ok()
                    .contentType(
                        type.equals("text/html")
                            ? new MediaType("text", "html", StandardCharsets.UTF_8)
                            : MediaType.parseMediaType(type))
                    .header("Content-Security-Policy", CSP)
                    .body(b))
        .orElseGet(() -> IncidentController.answer(Outcome.missing("published exposure report")));
  }
}
