package dev.bulwark.incidents.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle step: the state entered, who moved the incident there and when. Immutable.
 *
 * @param status the state entered
 * @param by the principal (e.g. {@code analyst@FIN}) or system part (e.g. {@code surge-detector})
 * @param at when
 */
public record StatusStep(Status status, String by, Instant at) {

  /** Requires every part. */
  public StatusStep {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    if (by.isBlank()) {
      throw new IllegalArgumentException("a step names who made it");
    }
  }
}
