package dev.bulwark.misp;

/**
 * Stored / already held / rejected counts of one kind (events, attributes or objects). Immutable.
 *
 * @param stored newly stored
 * @param held already held
 * @param rejected rejected (unreadable or invalid)
 */
public record Counts(long stored, long held, long rejected) {
  /** No counts. */
  public static final Counts ZERO = new Counts(0, 0, 0);

  /**
   * The sum.
   *
   * @param o other counts
   * @return this plus o
   */
  public Counts plus(Counts o) {
    return new Counts(stored + o.stored, held + o.held, rejected + o.rejected);
  }
}
