package dev.bulwark.node.maritime.watch;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertListener;
import dev.bulwark.maritime.detect.VesselState;
import dev.bulwark.maritime.engine.EngineConfig;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselIdentity;
import dev.bulwark.maritime.vessel.VesselList;
import dev.bulwark.node.maritime.ingest.ObservationQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs the {@link MaritimeEngine} on one thread of its own: drains the {@link ObservationQueue} in
 * batches, runs the engine, hands alerts to a listener, and about once a second publishes a {@link
 * LiveSnapshot} of the vessels. Other threads never touch the engine: they read the snapshot, or
 * {@link #query} a function that the engine thread runs between batches. Thread-safe.
 */
public final class LiveEngine implements AutoCloseable {
  private static final int BATCH = 4096;

  private final ObservationQueue queue;
  private final MaritimeEngine engine;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final long snapshotEveryMillis;
  private volatile LiveSnapshot snapshot = LiveSnapshot.empty();
  private volatile boolean running;
  private Thread thread;

  /**
   * @param alerts told of every raised or updated alert, on the engine thread (must not block)
   */
  public LiveEngine(
      ObservationQueue queue,
      InfrastructureLayer layer,
      BiConsumer<Alert, AlertListener.Change> alerts,
      long snapshotEveryMillis) {
    this.queue = queue;
    this.snapshotEveryMillis = snapshotEveryMillis;
    this.engine =
        new MaritimeEngine(
            EngineConfig.DEFAULT,
            layer,
            VesselList.empty(),
            VesselList.empty(),
            MaritimeEngine.defaultDetectors(),
            alerts::accept);
  }

  /** Starts the engine thread (once). */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(this::loop, "maritime-engine");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    List<VesselObservation> batch = new ArrayList<>(BATCH);
    long nextSnapshot = 0;
    while (running) {
      try {
        batch.clear();
        queue.drain(batch, BATCH, 50);
        for (VesselObservation o : batch) {
          try {
            engine.accept(o);
          } catch (RuntimeException e) {
            failures.incrementAndGet(); // one bad observation must not stop the watch
          }
        }
        processed.addAndGet(batch.size());
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        long now = System.currentTimeMillis();
        if (now >= nextSnapshot) {
          snapshot = takeSnapshot();
          nextSnapshot = now + snapshotEveryMillis;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private LiveSnapshot takeSnapshot() {
    List<VesselView> views = new ArrayList<>();
    for (VesselState v : engine.vessels()) {
      if (v.hasPosition()) {
        views.add(view(v));
      }
    }
    long now = engine.now();
    return new LiveSnapshot(
        now == Long.MIN_VALUE ? "" : Instant.ofEpochMilli(now).toString(), engine.stats(), views);
  }

  public static VesselView view(VesselState v) {
    PositionReport p = v.last();
    VesselIdentity id = v.identity();
    return new VesselView(
        v.mmsi(),
        id.name(),
        id.callSign(),
        id.imo(),
        id.shipType(),
        id.flag().orElse(""),
        p.lat(),
        p.lon(),
        p.hasSog() ? p.sogKn() : -1,
        p.hasCog() ? p.cogDeg() : -1,
        p.headingDeg(),
        p.timeMillis());
  }

  /** The latest snapshot (at most about a second old). */
  public LiveSnapshot snapshot() {
    return snapshot;
  }

  /** Observations the engine has taken so far. */
  public long processed() {
    return processed.get();
  }

  /** Observations the engine failed on (counted, skipped). */
  public long failures() {
    return failures.get();
  }

  /**
   * Runs {@code f} on the engine thread and returns its result.
   *
   * @throws IllegalStateException when the engine does not answer within 5 s
   */
  public <T> T query(Function<MaritimeEngine, T> f) {
    CompletableFuture<T> result = new CompletableFuture<>();
    tasks.add(
        () -> {
          try {
            result.complete(f.apply(engine));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the maritime engine did not answer within 5 s", e);
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
