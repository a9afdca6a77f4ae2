package dev.bulwark.node.maritime.alerts;

import dev.bulwark.maritime.alert.Alert;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves alerts from the engine thread to the store without making the engine wait for the database:
 * the engine hands over snapshots, a publishing thread writes them through the {@link
 * IncidentLedger}. While an alert waits, a newer snapshot of the same alert replaces it (only the
 * latest state matters), so the backlog is bounded by the number of distinct alerts in flight, and
 * at most {@code limit} (beyond that the newest is dropped and counted). A failed write is counted
 * and retried with the next update of that alert. Thread-safe.
 */
public final class AlertPublisher implements AutoCloseable {
  private final IncidentLedger ledger;
  private final int limit;
  private final LinkedHashMap<String, Alert> pending = new LinkedHashMap<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile String lastError = "";
  private volatile boolean running;
  private Thread thread;

  public AlertPublisher(IncidentLedger ledger, int limit) {
    this.ledger = ledger;
    this.limit = limit;
  }

  /** Called on the engine thread; never blocks on the database. */
  public void submit(Alert a) {
    synchronized (pending) {
      if (!pending.containsKey(a.id()) && pending.size() >= limit) {
        dropped.incrementAndGet();
        return;
      }
      pending.put(a.id(), a);
      pending.notifyAll();
    }
  }

  public synchronized void start() {
    running = true;
    thread = new Thread(this::loop, "maritime-publisher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      Alert next;
      synchronized (pending) {
        while (pending.isEmpty() && running) {
          try {
            pending.wait(500);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (!running) {
          return;
        }
        Iterator<Map.Entry<String, Alert>> it = pending.entrySet().iterator();
        next = it.next().getValue();
        it.remove();
      }
      try {
        ledger.publish(next);
        published.incrementAndGet();
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        lastError = next.id() + ": " + e.getMessage();
      }
    }
  }

  /** Alerts waiting to be written. */
  public int backlog() {
    synchronized (pending) {
      return pending.size();
    }
  }

  public long published() {
    return published.get();
  }

  public long failed() {
    return failed.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public String lastError() {
    return lastError;
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
