package dev.bulwark.support.csv;

/**
 * Why one row of an input file was refused: the file's name, the 1-based line and the reason.
 * Immutable and thread-safe.
 */
public record RowError(String source, int line, String reason) {
  @Override
  public String toString() {
    return source + ":" + line + ": " + reason;
  }
}
