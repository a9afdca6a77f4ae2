package dev.bulwark.stix.pattern;

import java.time.Instant;

/**
 * One indicator to index: its id, its STIX pattern and when it is valid. Immutable.
 *
 * @param id the indicator's STIX id (returned in matches)
 * @param pattern the pattern text ({@code pattern_type} stix)
 * @param validFrom {@code valid_from}; observations that end before it do not match
 * @param validUntil {@code valid_until} or null; observations that start at or after it do not
 *     match
 * @param revoked true for a revoked indicator, which the index leaves out
 */
public record IndicatorEntry(
    String id, String pattern, Instant validFrom, Instant validUntil, boolean revoked) {

  /**
   * An entry, valid from the given time on, not revoked.
   *
   * @param id the indicator id
   * @param pattern the pattern
   * @param validFrom valid_from
   * @return the entry
   */
  public static IndicatorEntry of(String id, String pattern, Instant validFrom) {
    return new IndicatorEntry(id, pattern, validFrom, null, false);
  }
}
