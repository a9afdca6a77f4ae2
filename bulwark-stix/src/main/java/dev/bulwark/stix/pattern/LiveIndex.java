package dev.bulwark.stix.pattern;

import java.util.Collection;
import java.util.List;

/**
 * The current {@link PatternIndex}, replaced whole on reload (copy-on-write): a reload builds the
 * new index beside the old one, and matching threads keep using the old one until the reference is
 * swapped, so matching never pauses for a reload. Thread-safe.
 */
public final class LiveIndex {

  private volatile PatternIndex current;

  /**
   * Starts with an index.
   *
   * @param initial the first index
   */
  public LiveIndex(PatternIndex initial) {
    this.current = initial;
  }

  /**
   * The index in use now; a caller matching a batch takes it once and uses it for the batch.
   *
   * @return the current index
   */
  public PatternIndex current() {
    return current;
  }

  /**
   * Builds an index from the entries (revoked ones and those past valid_until are the caller's to
   * include or not; revoked ones are left out) and swaps it in.
   *
   * @param indicators the full new set of indicators
   * @return the entries that could not be indexed
   */
  public List<IndexError> reload(Collection<IndicatorEntry> indicators) {
    PatternIndex next = PatternIndex.build(indicators);
    current = next;
    return next.errors();
  }

  /**
   * Matches one observation against the current index.
   *
   * @param obs the observation
   * @return the matches
   */
  public List<IndexMatch> match(Observation obs) {
    return current.match(obs);
  }
}
