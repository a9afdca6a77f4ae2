package dev.bulwark.stix;

/**
 * Thrown when text is not one well-formed JSON object. The message says what is wrong and where
 * (line and column). Immutable; safe to share across threads.
 */
public final class StixParseException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and where
   */
  public StixParseException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying parser error
   */
  public StixParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
