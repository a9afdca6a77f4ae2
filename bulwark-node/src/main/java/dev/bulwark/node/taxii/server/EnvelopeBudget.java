package dev.bulwark.node.taxii.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that envelopes being received may take together. Each POST reserves its estimated share
 * before it reads its body, waiting a bounded time for it, and gives it back when it is answered
 * (its objects stored or refused): concurrent large POSTs queue here instead of filling the heap
 * together. A reservation is taken whole or not at all, so two POSTs can never each hold half of
 * what both need. Thread-safe.
 */
final class EnvelopeBudget {
  /** Semaphore permits count KiB, so that a budget of many gigabytes still fits an int. */
  private static final int UNIT = 1024;

  private final Semaphore permits;
  private final long capacityBytes;

  EnvelopeBudget(long capacityBytes) {
    long units = Math.max(1, Math.min(Integer.MAX_VALUE, capacityBytes / UNIT));
    this.permits = new Semaphore((int) units, true);
    this.capacityBytes = units * UNIT;
  }

  /** The whole budget, in bytes: a reservation larger than this can never be granted. */
  long capacityBytes() {
    return capacityBytes;
  }

  /**
   * Reserves {@code bytes}, waiting at most {@code wait} for other POSTs to give theirs back; empty
   * when the time ran out (or the thread was interrupted).
   *
   * @throws IllegalArgumentException when {@code bytes} exceeds the whole budget
   */
  Optional<Reservation> reserve(long bytes, Duration wait) {
    int units = units(bytes);
    if (units > capacityBytes / UNIT) {
      throw new IllegalArgumentException(bytes + " bytes exceed the budget of " + capacityBytes);
    }
    try {
      if (!permits.tryAcquire(units, wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return Optional.of(new Reservation(units));
  }

  /** Bytes not reserved at the moment (for tests and metrics). */
  long availableBytes() {
    return (long) permits.availablePermits() * UNIT;
  }

  private static int units(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + UNIT - 1) / UNIT));
  }

  /** A share of the budget, given back on {@link #close}. Used by one request thread. */
  final class Reservation implements AutoCloseable {
    private int held;

    private Reservation(int units) {
      this.held = units;
    }

    /**
     * Gives back what exceeds {@code bytes}, once the request turned out smaller than estimated.
     */
    void shrinkTo(long bytes) {
      int keep = units(bytes);
      if (keep < held) {
        permits.release(held - keep);
        held = keep;
      }
    }

    @Override
    public void close() {
      if (held > 0) {
        permits.release(held);
        held = 0;
      }
    }
  }
}
