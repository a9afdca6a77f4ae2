package dev.bulwark.node.maritime.alerts;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertListener;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides which engine changes of an alert become a new stored version of its STIX incident: only
 * what a reader would care about. A raised, escalated (severity) or closed alert is always written;
 * an update (the episode goes on: new positions, a later end of its time window, a new predicted
 * crossing time) at most once every {@code windowEveryMillis} of track time. Analysts'
 * acknowledgements, notes and closures do not pass through here: the ledger writes each of them.
 * Before this gate the demo wrote a version on every engine update (every 5 minutes of track time
 * per open alert, 5 seconds at the demo's x60): 6,593 incident versions for 56 alerts, 25 MB a
 * minute.
 *
 * <p>Memory: one entry per open alert, removed when the alert closes. Not thread-safe: called on
 * the engine thread only.
 */
public final class IncidentVersionGate {

  /** Default least track time between two stored versions of an ongoing alert: one hour. */
  public static final long DEFAULT_WINDOW_EVERY_MILLIS = 3_600_000L;

  private record Written(long endMillis, String severity, String assetId) {}

  private final long windowEveryMillis;
  private final Map<String, Written> written = new HashMap<>();

  public IncidentVersionGate(long windowEveryMillis) {
    this.windowEveryMillis = windowEveryMillis;
  }

  /** Whether this change of the alert is to be stored (and, when it is, records it as written). */
  public boolean admit(Alert a, AlertListener.Change change) {
    if (change == AlertListener.Change.CLOSED) {
      written.remove(a.id());
      return true;
    }
    Written w = written.get(a.id());
    String asset = a.assetId().orElse("");
    boolean due =
        w == null
            || change != AlertListener.Change.UPDATED
            || !w.severity().equals(a.severity().name())
            || !w.assetId().equals(asset)
            || a.end().toEpochMilli() - w.endMillis() >= windowEveryMillis;
    if (due) {
      written.put(a.id(), new Written(a.end().toEpochMilli(), a.severity().name(), asset));
    }
    return due;
  }

  /** Alerts tracked (open ones seen so far). */
  public int size() {
    return written.size();
  }
}
