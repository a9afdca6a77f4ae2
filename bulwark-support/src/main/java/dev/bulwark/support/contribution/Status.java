package dev.bulwark.support.contribution;

/**
 * How far a contribution has gone, in the order the Kiel tracker and OCHA's Financial Tracking
 * Service use: announced, legally committed, earmarked for a specific delivery, delivered.
 * Thread-safe (an enum).
 */
public enum Status {
  PLEDGE,
  COMMITMENT,
  ALLOCATION,
  DELIVERED;

  /** Whether this status is at or beyond the other (DELIVERED is at least ALLOCATION). */
  public boolean atLeast(Status other) {
    return compareTo(other) >= 0;
  }
}
