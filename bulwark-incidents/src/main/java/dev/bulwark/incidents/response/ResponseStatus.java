package dev.bulwark.incidents.response;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a response stands, and the OASIS {@code task-outcome-enum} value an ally without the
 * Bulwark extension reads.
 */
public enum ResponseStatus {
  PROPOSED("proposed", "pending"),
  DECIDED("decided", "pending"),
  IN_PROGRESS("in-progress", "ongoing"),
  DONE("done", "successful"),
  ABANDONED("abandoned", "cancelled");

  private final String slug;
  private final String outcome;

  ResponseStatus(String slug, String outcome) {
    this.slug = slug;
    this.outcome = outcome;
  }

  /** The vocabulary string. */
  public String slug() {
    return slug;
  }

  /** The task's {@code outcome}. */
  public String taskOutcome() {
    return outcome;
  }

  /** The status for a vocabulary string. */
  public static Optional<ResponseStatus> ofSlug(String s) {
    return Arrays.stream(values()).filter(o -> o.slug.equals(s)).findFirst();
  }
}
