package dev.bulwark.misp.read;

/**
 * MISP input that cannot be read: where (a JSON path such as {@code
 * $.response[0].Event.Attribute[3].value}) and why. Immutable.
 */
public final class MispFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  /**
   * A rejection.
   *
   * @param path JSON path of the offending value
   * @param reason what is wrong
   */
  public MispFormatException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  /** The JSON path of the offending value. */
  public String path() {
    return path;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }
}
