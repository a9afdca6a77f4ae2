package dev.bulwark.node.maritime.ingest;

/**
 * Holds a replay to its recorded pace times a factor: an observation of track time {@code t} is let
 * through once the wall clock has advanced {@code (t - first) / factor} since the first. A factor
 * of 0 means as fast as possible. Not thread-safe.
 */
final class Pacer {
  private final double factor;
  private long firstTrack = Long.MIN_VALUE;
  private long firstWallNanos;

  Pacer(double factor) {
    this.factor = factor;
  }

  /** Waits until {@code trackMillis} is due; returns false when interrupted. */
  boolean await(long trackMillis) {
    if (factor <= 0) {
      return !Thread.currentThread().isInterrupted();
    }
    if (firstTrack == Long.MIN_VALUE) {
      firstTrack = trackMillis;
      firstWallNanos = System.nanoTime();
      return true;
    }
    long due = firstWallNanos + (long) ((trackMillis - firstTrack) * 1_000_000L / factor);
    long wait = due - System.nanoTime();
    if (wait > 1_000_000L) {
      try {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !Thread.currentThread().isInterrupted();
  }
}
