package dev.bulwark.stix.pattern;

import java.time.Instant;
import java.util.List;

/**
 * An indicator whose pattern matched: which indicator, over which observations and when (the
 * earliest {@code first_observed} and latest {@code last_observed} of those observations): what a
 * sighting needs. Immutable.
 *
 * @param indicatorId the indicator's id
 * @param firstObserved the earliest first_observed of the matching observations
 * @param lastObserved the latest last_observed of the matching observations
 * @param observationIds the ids of the observations that the match used
 */
public record IndexMatch(
    String indicatorId, Instant firstObserved, Instant lastObserved, List<String> observationIds) {

  /** Defensive copy. */
  public IndexMatch {
    observationIds = List.copyOf(observationIds);
  }
}
