package dev.bulwark.node.maritime.ingest;

import dev.bulwark.maritime.model.VesselObservation;

/** A source that reads on one daemon thread of its own until closed. Thread-safe. */
abstract class ThreadedSource implements AisSource {
  protected final SourceStatus status;
  protected final ObservationQueue queue;
  protected final boolean block;
  protected volatile boolean running;
  private Thread thread;

  ThreadedSource(SourceStatus status, ObservationQueue queue, boolean block) {
    this.status = status;
    this.queue = queue;
    this.block = block;
  }

  /**
   * Hands an observation to the engine: waiting for room, or dropping the oldest (see the queue).
   */
  protected void emit(VesselObservation o) {
    if (block) {
      queue.put(o);
    } else {
      queue.offer(o);
    }
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("source " + status.name() + " already started");
    }
    running = true;
    thread = new Thread(this::runSafely, "ais-" + status.type() + "-" + status.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void runSafely() {
    try {
      run();
    } catch (RuntimeException e) {
      status.error("source stopped: " + e);
    } finally {
      status.connected(false);
    }
  }

  /** The reading loop; returns when {@link #running} turns false (or the input is over). */
  protected abstract void run();

  /** Unblocks the reading thread (closes its socket or stream). */
  protected void interruptIo() {}

  @Override
  public SourceStatus status() {
    return status;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    interruptIo();
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sleeps unless closed meanwhile; false when the source is closing. */
  protected boolean pause(long millis) {
    long until = System.currentTimeMillis() + millis;
    while (running) {
      long left = until - System.currentTimeMillis();
      if (left <= 0) {
        return true;
      }
      try {
        Thread.sleep(Math.min(left, 100));
      } catch (InterruptedException e) {
        return false;
      }
    }
    return false;
  }
}
