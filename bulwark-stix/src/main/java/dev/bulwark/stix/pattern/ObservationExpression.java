package dev.bulwark.stix.pattern;

import java.util.List;

/**
 * A pattern's observation expressions (STIX 2.1 section 9.5): bracketed comparison expressions
 * joined by AND, OR and FOLLOWEDBY, and qualified by WITHIN, REPEATS and START … STOP. Immutable.
 */
public sealed interface ObservationExpression {

  /** {@code [ comparison ]}: one observation with an object satisfying the comparison. */
  record Simple(ComparisonExpression comparison) implements ObservationExpression {}

  /** Each operand matched by a distinct observation. */
  record And(List<ObservationExpression> operands) implements ObservationExpression {
    /** Defensive copy. */
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** One operand matched. */
  record Or(List<ObservationExpression> operands) implements ObservationExpression {
    /** Defensive copy. */
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** The right side observed no earlier than the left side, by distinct observations. */
  record FollowedBy(ObservationExpression left, ObservationExpression right)
      implements ObservationExpression {}

  /**
   * {@code expr WITHIN n SECONDS}: all observations of a match fit in a window of that length.
   *
   * @param inner the qualified expression
   * @param micros the window in microseconds (positive)
   * @param text the number as written
   */
  record Within(ObservationExpression inner, long micros, String text)
      implements ObservationExpression {}

  /**
   * {@code expr REPEATS n TIMES}: n matches by distinct observations.
   *
   * @param inner the qualified expression
   * @param times how many (positive)
   */
  record Repeats(ObservationExpression inner, int times) implements ObservationExpression {}

  /**
   * {@code expr START t'..' STOP t'..'}: every observation of a match overlaps [start, stop).
   *
   * @param inner the qualified expression
   * @param startMicros start, epoch microseconds
   * @param stopMicros stop, epoch microseconds (later than start)
   */
  record StartStop(ObservationExpression inner, long startMicros, long stopMicros)
      implements ObservationExpression {}
}
