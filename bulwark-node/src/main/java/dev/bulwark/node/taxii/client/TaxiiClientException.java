package dev.bulwark.node.taxii.client;

/**
 * A TAXII server answered with an error status (or could not be reached). Carries the HTTP status
 * (0 when there was no answer) and the server's error-message title and description when it sent
 * one.
 */
public final class TaxiiClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public TaxiiClientException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when the server could not be reached. */
  public int status() {
    return status;
  }
}
