package dev.bulwark.stix.pattern;

import java.util.List;

/**
 * What is inside one pair of brackets (STIX 2.1 section 9.5, comparison expressions): comparisons
 * joined by AND and OR. All comparisons of one observation expression are tested against the same
 * cyber-observable object when joined by AND. Immutable.
 */
public sealed interface ComparisonExpression {

  /** Comparison operators (section 9.6). */
  enum Op {
    EQ("="),
    NEQ("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    IN("IN"),
    LIKE("LIKE"),
    MATCHES("MATCHES"),
    ISSUBSET("ISSUBSET"),
    ISSUPERSET("ISSUPERSET");

    private final String text;

    Op(String text) {
      this.text = text;
    }

    /**
     * As written.
     *
     * @return e.g. {@code <=}
     */
    public String text() {
      return text;
    }
  }

  /** Both sides hold for the same object. */
  record And(List<ComparisonExpression> operands) implements ComparisonExpression {
    /** Defensive copy. */
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Either side holds. */
  record Or(List<ComparisonExpression> operands) implements ComparisonExpression {
    /** Defensive copy. */
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /**
   * {@code path [NOT] op constant}.
   *
   * @param path the object path
   * @param op the operator
   * @param negated NOT written before the operator
   * @param value the constant (a {@link Literal.SetOf} for IN)
   */
  record Comparison(ObjectPath path, Op op, boolean negated, Literal value)
      implements ComparisonExpression {}

  /**
   * {@code [NOT] EXISTS path}.
   *
   * @param path the object path
   * @param negated NOT written before EXISTS
   */
  record Exists(ObjectPath path, boolean negated) implements ComparisonExpression {}
}
