package dev.bulwark.stix.pattern;

/**
 * A pattern that is not valid STIX patterning (a syntax error or a constant of the wrong kind):
 * says what and at which column (1-based). Immutable; carries no stack trace since invalid patterns
 * are an expected input.
 */
public final class PatternException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String reason;

  /**
   * A new error.
   *
   * @param column 1-based column of the offending text
   * @param reason what is wrong
   */
  public PatternException(int column, String reason) {
    super("column " + column + ": " + reason, null, false, false);
    this.column = column;
    this.reason = reason;
  }

  /**
   * Where.
   *
   * @return the 1-based column
   */
  public int column() {
    return column;
  }

  /**
   * What.
   *
   * @return the reason without the column
   */
  public String reason() {
    return reason;
  }
}
