package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  static final long MAX_AGE_NANOS = 10_000_000_000L;

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

  private record View(long stamp, long builtNanos, List<Entry> entries) {}

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

  /** The incidents this principal may read. */
  List<Entry> entries(NodePrincipal p) {
    String key =
        p.reader().nation() + '\n' + p.reader().identityId().orElse("") + '\n' + p.has(Role.PEER);
    long stamp = store.lastAddedMicros(RegisterReads.COLLECTION);
    long now = nanos.getAsLong();
    synchronized (views) {
      View v = views.get(key);
      if (v != null && v.stamp() == stamp && now - v.builtNanos() < MAX_AGE_NANOS) {
        return v.entries();
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (Seen s :
        reads.latest(
            reads.viewer(p, RegisterReads.COLLECTION),
            RegisterReads.COLLECTION,
            Set.of("incident"))) {
      entries.add(entry(s));
    }
    List<Entry> built = List.copyOf(entries);
    synchronized (views) {
      views.put(key, new View(stamp, now, built));
    }
    return built;
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
