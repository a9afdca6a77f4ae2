package dev.bulwark.node.readiness;

import java.util.List;

/**
 * A readiness request refused, with its HTTP status and every offending place (a CSV line, an entry
 * of a JSON array, a parameter) and why. Nothing of the request was stored. Immutable.
 */
final class ReadinessError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One offending place and why. */
  record Detail(String where, String reason) {}

  private final int status;
  private final transient List<Detail> details;

  ReadinessError(int status, String message, List<Detail> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  ReadinessError(int status, String message) {
    this(status, message, List.of());
  }

  int status() {
    return status;
  }

  List<Detail> details() {
    return details;
  }
}
