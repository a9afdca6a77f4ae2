package dev.bulwark.stix.pattern;

/**
 * A valid pattern that cannot be evaluated against the given observations: a type error the
 * reference matcher also rejects (a timestamp constant against a string that is no timestamp, an
 * address that is no address under ISSUBSET, a set of mixed types), or observations that are not
 * well formed (missing {@code first_observed}, {@code number_observed} below 1). Immutable.
 */
public final class PatternEvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A new error.
   *
   * @param message what cannot be evaluated and why
   */
  public PatternEvaluationException(String message) {
    super(message, null, false, false);
  }
}
