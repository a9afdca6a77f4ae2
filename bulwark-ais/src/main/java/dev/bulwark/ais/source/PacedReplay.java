package dev.bulwark.ais.source;

import dev.bulwark.ais.DecodedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Replays decoded messages at their recorded pace times a factor (2.0 = twice as fast): each
 * message is delivered once the wall-clock time since the first message reaches its recorded offset
 * divided by the factor. Messages without a receive time are delivered at once.
 *
 * <p>Not thread-safe: wrap the consumer of one decoder.
 */
public final class PacedReplay implements Consumer<DecodedMessage> {

  /** Waits; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps for {@code nanos}. */
    void sleep(long nanos) throws InterruptedException;
  }

  private final Consumer<DecodedMessage> downstream;
  private final double factor;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private Instant firstRecorded;
  private long firstWall;

  /** Paces {@code downstream} at {@code factor} times the recorded speed, on the system clock. */
  public PacedReplay(Consumer<DecodedMessage> downstream, double factor) {
    this(
        downstream,
        factor,
        nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)),
        System::nanoTime);
  }

  /** As above with an explicit sleeper and monotonic clock. */
  public PacedReplay(
      Consumer<DecodedMessage> downstream, double factor, Sleeper sleeper, LongSupplier nanoTime) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("factor must be positive: " + factor);
    }
    this.downstream = downstream;
    this.factor = factor;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  @Override
  public void accept(DecodedMessage m) {
    if (m.receivedAt().isPresent()) {
      Instant at = m.receivedAt().get();
      if (firstRecorded == null) {
        firstRecorded = at;
        firstWall = nanoTime.getAsLong();
      } else {
        long offset = (long) (Duration.between(firstRecorded, at).toNanos() / factor);
        long wait = firstWall + offset - nanoTime.getAsLong();
        if (wait > 0) {
          try {
            sleeper.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
    downstream.accept(m);
  }
}
