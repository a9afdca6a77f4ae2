package dev.bulwark.support.forecast;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A what-if: an ally's scheduled (not yet counted) support multiplied by a factor from a date on;
 * 1.5 raises it by half, 0 cancels it. Immutable and thread-safe.
 */
public record PledgeChange(String ally, BigDecimal factor) {
  public PledgeChange {
    if (factor.signum() < 0) {
      throw new IllegalArgumentException("factor must not be negative: " + factor);
    }
  }

  /** Parses {@code DEU=1.5} or {@code DEU=+50%} / {@code DEU=-100%}. */
  public static PledgeChange parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "what-if must look like DEU=1.5 or DEU=+50%, not '" + text + "'");
    }
    String ally = text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
    String v = text.substring(eq + 1).trim();
    try {
      BigDecimal factor =
          v.endsWith("%")
              ? BigDecimal.ONE.add(
                  new BigDecimal(v.substring(0, v.length() - 1).replace("+", "")).movePointLeft(2))
              : new BigDecimal(v);
      return new PledgeChange(ally, factor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "what-if must look like DEU=1.5 or DEU=+50%, not '" + text + "'");
    }
  }
}
