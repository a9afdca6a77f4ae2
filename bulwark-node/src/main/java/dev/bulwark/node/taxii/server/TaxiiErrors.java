package dev.bulwark.node.taxii.server;

import dev.bulwark.node.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns what a TAXII endpoint throws into the error message resource of TAXII 2.1 section 3.6.1.
 * Applies to the controllers of this package only (the TAXII resources), as the handlers of the one
 * TAXII controller did before it was split. Stateless; thread-safe.
 */
@RestControllerAdvice(basePackageClasses = TaxiiErrors.class)
class TaxiiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(TaxiiErrors.class);

  @ExceptionHandler(TaxiiException.class)
  ResponseEntity<String> taxiiError(TaxiiException e) {
    return TaxiiResponses.error(e.status(), e.title(), e.getMessage());
  }

  /** The envelope budget is spent: 503 with Retry-After (section 3.6.2). */
  @ExceptionHandler(EnvelopeIntake.Busy.class)
  ResponseEntity<String> busy(EnvelopeIntake.Busy e) {
    ResponseEntity<String> r = TaxiiResponses.error(503, "Service unavailable", e.getMessage());
    return ResponseEntity.status(503)
        .headers(r.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(EnvelopeIntake.RETRY_AFTER_SECONDS))
        .body(r.getBody());
  }

  @ExceptionHandler({StoreException.class, IllegalStateException.class})
  ResponseEntity<String> serverError(RuntimeException e) {
    LOG.error("TAXII request failed", e);
    return TaxiiResponses.error(
        500, "Internal error", "The node could not complete the request; see its log.");
  }
}
