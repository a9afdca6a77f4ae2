package dev.bulwark.node.taxii.server;

/**
 * A request the TAXII server answers with an error status and an error-message resource. The
 * description never names objects the caller may not see.
 */
final class TaxiiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;

  TaxiiException(int status, String title, String description) {
    super(description);
    this.status = status;
    this.title = title;
  }

  static TaxiiException badRequest(String description) {
    return new TaxiiException(400, "Bad request", description);
  }

  static TaxiiException notFound(String description) {
    return new TaxiiException(404, "Not found", description);
  }

  static TaxiiException forbidden(String description) {
    return new TaxiiException(403, "Forbidden", description);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
