package dev.bulwark.support.csv;

/** A row of an input file that cannot be accepted, with its line number and the reason. */
public final class RowException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final String reason;

  public RowException(int line, String reason) {
    super("line " + line + ": " + reason);
    this.line = line;
    this.reason = reason;
  }

  /** 1-based line number in the file (the header is line 1). */
  public int line() {
    return line;
  }

  /** Why the row was refused, without the line prefix. */
  public String reason() {
    return reason;
  }
}
