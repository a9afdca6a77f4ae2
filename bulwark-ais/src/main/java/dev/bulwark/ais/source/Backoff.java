package dev.bulwark.ais.source;

import java.time.Duration;

/**
 * Exponential reconnect delays: {@code initial}, doubling after every failed attempt, capped at
 * {@code max}. Immutable and thread-safe.
 *
 * @param initial the first delay
 * @param max the largest delay
 */
public record Backoff(Duration initial, Duration max) {

  /** 250 ms doubling up to 30 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

  /** Checks the delays. */
  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /** The delay before attempt {@code failures + 1} after {@code failures} consecutive failures. */
  public Duration delay(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    long millis = initial.toMillis();
    for (int i = 1; i < failures && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
