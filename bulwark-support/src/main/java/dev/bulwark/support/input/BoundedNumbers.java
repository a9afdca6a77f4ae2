package dev.bulwark.support.input;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Range checks of the numbers in support input, made before the library computes with them or the
 * database stores them. {@code 1e99999999} is ten characters and a valid BigDecimal; rounding it to
 * cents, converting it to euros or printing it takes minutes and gigabytes (issue 14, finding 7).
 * The check looks only at the text's length and at the parsed number's scale and precision, so it
 * costs the same small constant for any input; a text that is not a number at all is left to the
 * library, which says so in its own words. Stateless and thread-safe.
 */
final class BoundedNumbers {
  /** Longer texts are refused before they are parsed. */
  static final int MAX_CHARS = 100;

  /**
   * How large and how fine a number of one kind may be.
   *
   * @param integerDigits the number is below 10^integerDigits in absolute value
   * @param decimals at most this many digits after the decimal point
   */
  record Range(int integerDigits, int decimals) {
    String describe() {
      return "numbers here are below 10^"
          + integerDigits
          + " with at most "
          + decimals
          + " decimal places";
    }
  }

  /** Amounts in a currency and in euros (the ledger keeps 8 decimals, euros below 10^18). */
  static final Range MONEY = new Range(15, 20);

  /** The Kiel tracker's columns, in billions of euros. */
  static final Range BILLIONS = new Range(6, 20);

  /** Quantities and unit values of requirements and offers. */
  static final Range PLANNING = new Range(12, 20);

  private BoundedNumbers() {}

  /**
   * Why {@code text}, the value of {@code field}, is out of {@code range}; empty when it is in
   * range or not a number (the library reports that).
   */
  static Optional<String> problem(String field, String text, Range range) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() > MAX_CHARS) {
      return Optional.of(
          field
              + " is "
              + t.length()
              + " characters long, not a number of at most "
              + MAX_CHARS
              + " ('"
              + t.substring(0, 20)
              + "...')");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(t);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    // scale and precision only: no arithmetic, no conversion to digits
    long scale = d.scale();
    long magnitude = (long) d.precision() - scale; // digits before the decimal point
    if (scale > range.decimals()
        || (d.signum() != 0 && magnitude > range.integerDigits())
        || (d.signum() == 0 && -scale > range.integerDigits())) {
      return Optional.of(field + " '" + t + "' is out of range: " + range.describe());
    }
    return Optional.empty();
  }

  /**
   * Why {@code text}, the value of {@code field}, is not a whole number from min to max; empty when
   * it is or it is not a number.
   */
  static Optional<String> wholeProblem(String field, String text, long min, long max) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() > MAX_CHARS) {
      return Optional.of(
          field
              + " is "
              + t.length()
              + " characters long, not a whole number from "
              + min
              + " to "
              + max);
    }
    if (!t.matches("[+-]?[0-9]+")) {
      return Optional.empty();
    }
    String digits = t.replaceFirst("^[+-]?0*", "");
    if (digits.length() > 18) {
      return Optional.of(
          field + " '" + t + "' is out of range: a whole number from " + min + " to " + max);
    }
    long v = Long.parseLong(t);
    return v < min || v > max
        ? Optional.of(
            field + " '" + t + "' is out of range: a whole number from " + min + " to " + max)
        : Optional.empty();
  }
}
