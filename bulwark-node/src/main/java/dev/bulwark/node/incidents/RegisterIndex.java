package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * What the register's list, counts and map need of each incident a reader may read, kept per reader
 * so that a filtered page of 100,000 incidents does not re-read and re-parse them all. Each view is
 * built through {@link RegisterReads} for that reader (the gate, granular markings applied), and
 * used only for the same reader (nation, identity, peer or not). It is rebuilt when the collection
 * changes (the newest date_added differs) and at least every {@link #MAX_AGE_NANOS}, so that a
 * marking-definition arriving later (which can only make more visible: definitions are never
 * replaced and versions never widen) is taken into account soon. At most {@link #READERS} views are
 * kept (least recently used goes). Thread-safe.
 */
final class RegisterIndex {
  static final int READERS = 16;
  static final long MAX_AGE_NANOS = 300_000_000_000L;

  /** One readable incident, as the list needs it (no JSON kept). */
  record Entry(
      String id,
      String name,
      String kind,
      String status,
      long firstSeenMillis,
      String lastSeen,
      Optional<double[]> location,
      StoredObject header) {}

  /** One reader's view: its entries by id and origin, and the newest date_added it has seen. */
  private static final class View {
    final Map<String, Entry> byKey = new HashMap<>();
    long stamp;
    long builtNanos;
    List<Entry> entries = List.of();
    boolean rebuilding;
  }

  private final RegisterReads reads;
  private final ObjectStore store;
  private final LongSupplier nanos;
  private final Map<String, View> views =
      new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
          return size() > READERS;
        }
      };

  RegisterIndex(RegisterReads reads, ObjectStore store, LongSupplier nanos) {
    this.reads = reads;
    this.store = store;
    this.nanos = nanos;
  }

  /**
   * The incidents this principal may read. A first call reads them all through the gate; later
   * calls read only the rows added since (through the same gate) and merge them; a view older than
   * {@link #MAX_AGE_NANOS} is rebuilt whole in the background (meanwhile the current one serves:
   * what it lacks can only be what became readable later, never what became hidden, since versions
   * never widen and definitions are never replaced).
   */
  List<Entry> entries(NodePrincipal p) {
    String key =
        p.reader().nation() + '\n' + p.reader().identityId().orElse("") + '\n' + p.has(Role.PEER);
    View v;
    synchronized (views) {
      v = views.computeIfAbsent(key, k -> new View());
    }
    synchronized (v) {
      long stamp = store.lastAddedMicros(RegisterReads.COLLECTION);
      if (v.builtNanos == 0) {
        rebuild(p, v);
      } else if (stamp != v.stamp) {
        merge(v, since(p, v.stamp), stamp);
      }
      if (nanos.getAsLong() - v.builtNanos > MAX_AGE_NANOS && !v.rebuilding) {
        v.rebuilding = true;
        CompletableFuture.runAsync(
            () -> {
              // read outside the view's lock: requests keep being served from the current one
              try {
                long fresh = store.lastAddedMicros(RegisterReads.COLLECTION);
                long started = nanos.getAsLong();
                List<Seen> all = since(p, 0L);
                synchronized (v) {
                  v.byKey.clear();
                  v.stamp = 0;
                  v.builtNanos = started;
                  merge(v, all, fresh);
                }
              } finally {
                synchronized (v) {
                  v.rebuilding = false;
                }
              }
            });
      }
      return v.entries;
    }
  }

  private void rebuild(NodePrincipal p, View v) {
    long stamp = store.lastAddedMicros(RegisterReads.COLLECTION);
    v.builtNanos = nanos.getAsLong();
    merge(v, since(p, 0L), stamp);
  }

  private List<Seen> since(NodePrincipal p, long afterMicros) {
    return reads.latestAddedAfter(
        reads.viewer(p, RegisterReads.COLLECTION),
        RegisterReads.COLLECTION,
        Set.of("incident"),
        afterMicros);
  }

  private static void merge(View v, List<Seen> seen, long stamp) {
    for (Seen s : seen) {
      String k = s.id() + '\n' + s.header().originNation();
      Entry held = v.byKey.get(k);
      if (held == null || s.header().versionMicros() >= held.header().versionMicros()) {
        v.byKey.put(k, entry(s));
      }
    }
    v.stamp = Math.max(v.stamp, stamp);
    // kept in the list's order (newest first, then id), so that a request filters without sorting
    List<Entry> sorted = new ArrayList<>(v.byKey.values());
    sorted.sort(RegisterQuery.ORDER);
    v.entries = List.copyOf(sorted);
  }

  static Entry entry(Seen s) {
    JsonNode o = s.json();
    JsonNode ext = RegisterStix.ext(o);
    String last = ext.path("last_seen").asString("");
    return new Entry(
        s.id(),
        o.path("name").asString(""),
        IncidentViews.kind(o),
        IncidentViews.status(o),
        IncidentViews.firstSeenMillis(o),
        StixTimestamps.isValid(last) ? last : "",
        IncidentViews.location(o),
        s.header().withJson(""));
  }
}
