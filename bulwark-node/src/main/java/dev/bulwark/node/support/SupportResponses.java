package dev.bulwark.node.support;

import dev.bulwark.support.input.InputRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers of the support API: JSON bodies, and a refusal ({@link SupportError}, or input the
 * library's checks refuse) as a JSON error with every offending place, audited as denied. Applies
 * to the {@code /api/support} controllers only. Thread-safe.
 */
// first among advices: the support controllers' refusals are always answered (and audited) here,
// whatever advice another feature adds for its own controllers
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
    assignableTypes = {
      SupportDirectoryController.class,
      SupportReportController.class,
      ContributionController.class,
      ContributionImportController.class,
      CorrectionController.class,
      RequirementController.class,
      OfferController.class,
      AllocationController.class,
      PublicationController.class
    })
final class SupportResponses {
  private final SupportAudit audit;

  SupportResponses(SupportAudit audit) {
    this.audit = audit;
  }

  static ResponseEntity<String> json(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  static ResponseEntity<String> created(String body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  static ResponseEntity<String> created(Map<String, Object> body) {
    return created(SupportJson.MAPPER.writeValueAsString(body));
  }

  @ExceptionHandler(InputRejected.class)
  ResponseEntity<String> rejected(InputRejected e, HttpServletRequest request) {
    return refused(SupportError.of(e), request);
  }

  @ExceptionHandler(SupportError.class)
  ResponseEntity<String> refused(SupportError e, HttpServletRequest request) {
    audit.refused(request, e);
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("title", HttpStatus.valueOf(e.status()).getReasonPhrase());
    o.put("description", e.getMessage());
    o.put("http_status", e.status());
    ArrayNode details = o.putArray("details");
    e.details().forEach(d -> details.addObject().put("where", d.where()).put("reason", d.reason()));
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(o.toString());
  }
}
