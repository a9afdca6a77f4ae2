package dev.bulwark.incidents.attribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One nation's attribution of an incident (or campaign) to an actor, with its stated confidence.
 * Immutable; checked by {@link AttributionStix#check}.
 *
 * @param subjectRef the incident or campaign id
 * @param targetRef a {@code threat-actor}, {@code intrusion-set} or {@code identity} (a state) id
 * @param confidence STIX confidence 0..100
 * @param estimativeTerm an estimative-language likelihood machine tag
 * @param admiraltyReliability source reliability {@code A}..{@code G}
 * @param admiraltyCredibility information credibility {@code 1}..{@code 6}
 * @param stateResponsibility a state-responsibility level, e.g. {@code state-coordinated}
 * @param assessingNation the nation that holds this view (ISO 3166 alpha-3)
 * @param rationale why, in words
 * @param markings its markings (usually tighter than the incident's)
 * @param createdBy the author identity, when known
 */
public record Attribution(
    String subjectRef,
    String targetRef,
    int confidence,
    String estimativeTerm,
    String admiraltyReliability,
    String admiraltyCredibility,
    String stateResponsibility,
    String assessingNation,
    String rationale,
    List<String> markings,
    Optional<String> createdBy) {

  /** Requires every part; copies the list. */
  public Attribution {
    Objects.requireNonNull(subjectRef, "subjectRef");
    Objects.requireNonNull(targetRef, "targetRef");
    Objects.requireNonNull(estimativeTerm, "estimativeTerm");
    Objects.requireNonNull(admiraltyReliability, "admiraltyReliability");
    Objects.requireNonNull(admiraltyCredibility, "admiraltyCredibility");
    Objects.requireNonNull(stateResponsibility, "stateResponsibility");
    Objects.requireNonNull(assessingNation, "assessingNation");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(createdBy, "createdBy");
    markings = List.copyOf(markings);
  }
}
