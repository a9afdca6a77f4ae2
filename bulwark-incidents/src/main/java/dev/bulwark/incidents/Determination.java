package dev.bulwark.incidents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OASIS incident-core {@code incident-determination-enum}: a high-level determination of the
 * outcome. A new register entry is {@link #SUSPECTED} until assessed.
 */
public enum Determination {
  BLOCKED("blocked"),
  FAILED_ATTEMPT("failed-attempt"),
  FALSE_POSITIVE("false-positive"),
  LOW_VALUE("low-value"),
  SUCCESSFUL_ATTEMPT("successful-attempt"),
  SUSPECTED("suspected");

  private final String slug;

  Determination(String slug) {
    this.slug = slug;
  }

  /** The value as the specification writes it. */
  public String slug() {
    return slug;
  }

  /** The value for a string of the enumeration, if it is one. */
  public static Optional<Determination> ofSlug(String s) {
    return Arrays.stream(values()).filter(d -> d.slug.equals(s)).findFirst();
  }
}
