package dev.bulwark.node.store;

import java.time.Clock;
import java.time.Instant;

/**
 * Hands out date_added values: the wall clock in microseconds, but always strictly greater than the
 * last value handed out or found in the database, so that a clock stepping backwards (or two
 * objects in one microsecond) cannot break TAXII paging. Callers hold the store's write lock; not
 * thread-safe.
 */
final class DateAddedClock {
  private final Clock clock;
  private long last;

  DateAddedClock(Clock clock, long lastInDatabase) {
    this.clock = clock;
    this.last = lastInDatabase;
  }

  long next() {
    last = Math.max(nowMicros(), last + 1);
    return last;
  }

  long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }

  /**
   * Makes the next value greater than {@code newestInDatabase} (which another process may have
   * written).
   */
  void advancePast(long newestInDatabase) {
    last = Math.max(last, newestInDatabase);
  }

  /** The current position, to return to when a transaction rolls back. */
  long mark() {
    return last;
  }

  void reset(long mark) {
    last = mark;
  }
}
