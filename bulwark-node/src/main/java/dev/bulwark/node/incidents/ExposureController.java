package dev.bulwark.node.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The analyst's side of exposure reports under {@code /api/exposure}: the preview (what will be
 * published, what is withheld and why) and publishing. Thread-safe.
 */
@RestController
@RequestMapping("/api/exposure")
class ExposureController {
  private final ExposurePublisher publisher;
  private final String publicBaseUrl;

  ExposureController(
      ExposurePublisher publisher,
      @Value("${bulwark.support.public-base-url:}") String publicBaseUrl) {
    this.publisher = publisher;
    this.publicBaseUrl = publicBaseUrl;
  }

  @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> preview(HttpServletRequest request) throws IOException {
    return IncidentController.body(request)
        .map(
            f ->
                IncidentController.json(
                    200, publisher.preview(IncidentController.principal(), f).toString()))
        .orElseGet(IncidentController::bad);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> publish(HttpServletRequest request) throws IOException {
    String base =
        publicBaseUrl.isBlank()
            ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
            : publicBaseUrl.replaceAll("/+$", "");
    return IncidentController.body(request)
        .map(
            f ->
                IncidentController.answer(
                    publisher.publish(IncidentController.principal(), f, base)))
        .orElseGet(IncidentController::bad);
  }
}
