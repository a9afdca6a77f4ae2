package dev.bulwark.cyber.match;

import dev.bulwark.stix.pattern.IndicatorEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A STIX indicator as matching needs it: id, STIX pattern, validity, revocation, and its marking
 * refs (a sighting of it is marked no wider). Immutable and thread-safe.
 *
 * @param id the indicator id
 * @param name its name, if any
 * @param pattern the STIX pattern
 * @param validFrom {@code valid_from}
 * @param validUntil {@code valid_until}, if any
 * @param revoked whether it is revoked
 * @param markingRefs its {@code object_marking_refs}
 */
public record Indicator(
    String id,
    Optional<String> name,
    String pattern,
    Instant validFrom,
    Optional<Instant> validUntil,
    boolean revoked,
    List<String> markingRefs) {

  /** Copies the list. */
  public Indicator {
    markingRefs = List.copyOf(markingRefs);
  }

  /** The entry the pattern index takes. */
  public IndicatorEntry entry() {
    return new IndicatorEntry(id, pattern, validFrom, validUntil.orElse(null), revoked);
  }
}
