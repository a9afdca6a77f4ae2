package dev.bulwark.node.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign board's API under {@code /api/campaigns/suggestions}: the suggestions over what the
 * caller may read, and accepting (a STIX campaign with relationships) or rejecting one.
 * Thread-safe.
 */
@RestController
@RequestMapping("/api/campaigns/suggestions")
class CampaignController {
  private final Campaigns campaigns;

  CampaignController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @GetMapping
  ResponseEntity<String> suggestions() {
    return IncidentController.json(
        200, campaigns.suggestions(IncidentController.principal()).toString());
  }

  @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> accept(HttpServletRequest request) throws IOException {
    return IncidentController.body(request)
        .map(f -> IncidentController.answer(campaigns.accept(IncidentController.principal(), f)))
        .orElseGet(IncidentController::bad);
  }

  @PostMapping(path = "/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> reject(HttpServletRequest request) throws IOException {
    return IncidentController.body(request)
        .map(f -> IncidentController.answer(campaigns.reject(IncidentController.principal(), f)))
        .orElseGet(IncidentController::bad);
  }
}
