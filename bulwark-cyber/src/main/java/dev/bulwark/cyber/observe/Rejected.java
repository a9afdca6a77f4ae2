package dev.bulwark.cyber.observe;

/**
 * A line a mapper refuses, with its cause and a short reason naming the field. Thrown inside a
 * reader and counted there; it never leaves a reader. Not a value type.
 */
public final class Rejected extends Exception {
  private static final long serialVersionUID = 1L;

  /** The cause it is counted under. */
  private final RejectCause cause;

  /**
   * @param cause the counted cause
   * @param reason what and where, for the first few rejections a caller may print
   */
  public Rejected(RejectCause cause, String reason) {
    super(reason, null, false, false);
    this.cause = cause;
  }

  /** The counted cause. */
  public RejectCause cause() {
    return cause;
  }
}
