package dev.bulwark.node.maritime.ingest;

import dev.bulwark.maritime.model.VesselObservation;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-over from the sources (many threads) to the engine (one thread). When the engine
 * falls behind and the queue is full, a live feed ({@link #offer}) drops the oldest observation and
 * counts it: a live watch wants the newest positions. A replay ({@link #put}) waits instead (its
 * reader slows down, and a TCP sender with it), and the waits are counted. Either way the node's
 * memory stays bounded whatever the feeds send. Thread-safe.
 */
public final class ObservationQueue {
  private final ArrayBlockingQueue<VesselObservation> queue;
  private final int capacity;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong waits = new AtomicLong();

  public ObservationQueue(int capacity) {
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Adds an observation, dropping the oldest one when full. Never blocks. */
  public void offer(VesselObservation o) {
    offered.incrementAndGet();
    while (!queue.offer(o)) {
      if (queue.poll() != null) {
        dropped.incrementAndGet();
      }
    }
  }

  /**
   * Adds an observation, waiting for room when full (backpressure). When the waiting thread is
   * interrupted (its source is closing) the observation is dropped and counted.
   */
  public void put(VesselObservation o) {
    offered.incrementAndGet();
    if (queue.offer(o)) {
      return;
    }
    waits.incrementAndGet();
    try {
      queue.put(o);
    } catch (InterruptedException e) {
      dropped.incrementAndGet();
      Thread.currentThread().interrupt();
    }
  }

  /** How often a replay had to wait for the engine. */
  public long waits() {
    return waits.get();
  }

  /**
   * Moves up to {@code max} observations into {@code into}, waiting up to {@code waitMillis} for
   * the first.
   */
  public int drain(List<VesselObservation> into, int max, long waitMillis)
      throws InterruptedException {
    int n = queue.drainTo(into, max);
    if (n > 0) {
      return n;
    }
    VesselObservation first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
    if (first == null) {
      return 0;
    }
    into.add(first);
    return 1 + queue.drainTo(into, max - 1);
  }

  public int size() {
    return queue.size();
  }

  public int capacity() {
    return capacity;
  }

  public long offered() {
    return offered.get();
  }

  /** Observations dropped because the engine was behind. */
  public long dropped() {
    return dropped.get();
  }
}
