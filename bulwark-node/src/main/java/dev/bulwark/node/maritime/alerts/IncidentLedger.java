package dev.bulwark.node.maritime.alerts;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.stix.AlertStix;
import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.markings.VersionRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alerts as STIX in the node's store: the state of each alert and its storage. Each alert the
 * engine raises or updates is mapped by {@link AlertStix} (the incident with the {@link
 * MaritimeExtension}, the vessel's identity, the asset's infrastructure, a location, a sighting and
 * the evidence note holding the GeoJSON track); the ledger versions those objects, marks them with
 * the node's default markings and writes them in one transaction to the alerts collection. An
 * object is written again only when its content changed, as a new version (same id, later {@code
 * modified}). Analysts' acknowledgements, notes and closures become new versions too. The ledger is
 * rebuilt from the store at start, so the store is the only truth and nothing acknowledged is lost
 * across a restart.
 *
 * <p>Whose alerts: the ledger adopts only what the node itself wrote (origin the node's nation,
 * added by the watch's actor, incidents authored by the node's identity); anything else in the
 * collection (an older node let contributors and peers write there) is not an alert of this node
 * and is never shown through it. For every object it keeps the header of the latest version it
 * wrote (markings and origin), and shows an alert, its evidence and each note only to a reader the
 * caller's predicate (the access policy on that header) admits, exactly as TAXII would. A new
 * version written for an analyst or an engine update never widens: its markings are the node's
 * configured markings only when they admit no reader the previous version's markings do not ({@link
 * VersionRule}), and its origin stays the node's nation.
 *
 * <p>Thread-safe: every method is synchronized (writes are few: alerts and analysts' actions).
 */
public final class IncidentLedger {
  static final String ACTOR = "maritime-watch";

  private final ObjectStore store;
  private final String collection;
  private final String nation;
  private final NodeMarkings markings;
  private final InfrastructureLayer layer;
  private final LongSupplier clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String nodeIdentity;
  private final AlertStix stix;
  private final Map<String, Version> versions = new HashMap<>();

  /**
   * Marking-definitions the node wrote (read by the never-widen rule); thread-safe for the
   * resolver.
   */
  private final Map<String, StixObject> ownDefinitions = new ConcurrentHashMap<>();

  private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
  private final Map<String, AlertRecord> byIncident = new HashMap<>();
  private Set<String> unmarkedDefault = Set.of();
  private volatile Consumer<Change> listener = c -> {};

  /**
   * An alert as it changed: its list view and the header of its incident's latest version, which
   * decides who may see the change.
   */
  public record Change(ObjectNode view, StoredObject incident) {}

  /**
   * What the ledger knows of the latest version of an object it wrote.
   *
   * @param head the stored header of that version (markings, origin; no JSON)
   */
  private record Version(String content, long modifiedMillis, String created, StoredObject head) {}

  /** One alert's objects and state. */
  private static final class AlertRecord {
    final String alertId;
    final String incidentId;
    ObjectNode ext;
    String name = "";
    String version = "";

    /**
     * The evidence's GeoJSON track, kept as data: taken from the alert when it is published, and at
     * start from the stored evidence note's extension through {@link AlertStix#evidenceTrack} (the
     * note is the store's only copy); the note's text is never parsed.
     */
    JsonNode track = JsonNodeFactory.instance.nullNode();

    final List<ObjectNode> notes = new ArrayList<>();

    AlertRecord(String alertId, String incidentId) {
      this.alertId = alertId;
      this.incidentId = incidentId;
    }
  }

  public IncidentLedger(
      ObjectStore store,
      String collection,
      String nation,
      NodeMarkings markings,
      InfrastructureLayer layer,
      LongSupplier clock) {
    this.store = store;
    this.collection = collection;
    this.nation = nation;
    this.markings = markings;
    this.layer = layer;
    this.clock = clock;
    this.nodeIdentity = MaritimeExtension.nodeIdentity(nation);
    this.stix = new AlertStix(nodeIdentity);
  }

  /** Told of every alert after each change, on the thread that made the change. */
  public void onChange(Consumer<Change> l) {
    this.listener = l;
  }

  public String collection() {
    return collection;
  }

  public String nodeIdentity() {
    return nodeIdentity;
  }

  /** The node's nation: the origin nation of everything the ledger writes. */
  public String nodeIdentityNation() {
    return nation;
  }

  /**
   * The markings the node proposes for what it publishes (a new version of an object may keep
   * stricter ones).
   */
  public List<String> markingRefs() {
    return markings.refs();
  }

  /**
   * Whether the node itself wrote this stored object: its origin is the node's nation and the watch
   * added it.
   */
  boolean ownObject(StoredObject o) {
    return nation.equalsIgnoreCase(o.originNation()) && ACTOR.equals(o.addedBy());
  }

  /**
   * Reads what the collection already holds (latest version of each object) and publishes the
   * node's identity, the extension-definition and the marking definitions when missing.
   */
  public synchronized void start() {
    reload();
    publishBasics();
  }

  /**
   * Reads the collection again, forgetting what was held, and writes nothing: a standby process
   * (one that does not hold the node lease) shows the alerts the watching process stored.
   */
  public synchronized void reload() {
    versions.clear();
    alerts.clear();
    byIncident.clear();
    unmarkedDefault =
        store.collection(collection).map(CollectionInfo::defaultNations).orElse(Set.of());
    markings.definitions().forEach(m -> ownDefinitions.put(m.id(), m));
    List<ObjectNode> notes = new ArrayList<>();
    for (StoredObject o : latestOwnVersions().values()) {
      adopt(o, notes);
    }
    attachNotes(notes);
  }

  /**
   * The latest version of every object the node wrote itself: an object someone else put into the
   * collection is not ours to show, version or adopt as an alert.
   */
  private Map<String, StoredObject> latestOwnVersions() {
    Map<String, StoredObject> latest = new HashMap<>();
    long after = 0;
    ReadFilter own = this::ownObject;
    while (true) {
      Page page =
          store.page(new ObjectQuery(collection, after, Set.of(), Set.of(), Set.of(), 1000), own);
      for (StoredObject o : page.items()) {
        StoredObject held = latest.get(o.objectId());
        if (held == null || o.versionMicros() >= held.versionMicros()) {
          latest.put(o.objectId(), o);
        }
      }
      after = page.scannedUpToMicros();
      if (!page.more()) {
        return latest;
      }
    }
  }

  /**
   * Takes one stored object back: its version, a releasability definition the node wrote, an
   * alert's incident; notes are collected for {@link #attachNotes}.
   */
  private void adopt(StoredObject o, List<ObjectNode> notes) {
    ObjectNode n;
    try {
      n = (ObjectNode) json.readTree(o.json());
    } catch (JacksonException | ClassCastException e) {
      return;
    }
    if (n.has("modified")) {
      versions.put(
          o.objectId(),
          new Version(
              content(n),
              StixTimestamps.toMillis(n.get("modified").asString()),
              n.path("created").asString(""),
              headerOf(o)));
    }
    if ("marking-definition".equals(o.type())
        && ReleasabilityMarking.carriesExtension(StixObject.of(n))) {
      ownDefinitions.put(o.objectId(), StixObject.of(n));
    }
    JsonNode ext = n.path("extensions").path(MaritimeExtension.ID);
    if ("incident".equals(o.type())
        && "alert".equals(ext.path("subject").asString(""))
        && nodeIdentity.equals(n.path("created_by_ref").asString(""))
        && versions.containsKey(o.objectId())) {
      AlertRecord r = new AlertRecord(ext.path("alert_id").asString(), o.objectId());
      r.ext = (ObjectNode) ext.deepCopy();
      r.name = n.path("name").asString("");
      r.version = n.path("modified").asString("");
      alerts.put(r.alertId, r);
      byIncident.put(r.incidentId, r);
    } else if ("note".equals(o.type())) {
      notes.add(n);
    }
  }

  /** Gives each alert its evidence track and its analysts' notes (oldest first). */
  private void attachNotes(List<ObjectNode> notes) {
    for (ObjectNode n : notes) {
      for (JsonNode ref : n.path("object_refs").values()) {
        AlertRecord r = byIncident.get(ref.asString(""));
        if (r == null) {
          continue;
        }
        if (n.path("id").asString().equals(r.ext.path("evidence_ref").asString())) {
          r.track = AlertStix.evidenceTrack(n);
        } else {
          r.notes.add(n);
        }
      }
    }
    alerts
        .values()
        .forEach(r -> r.notes.sort(Comparator.comparing(x -> x.path("created").asString(""))));
  }

  /** The node's identity, the extension-definition and the marking definitions, when missing. */
  private void publishBasics() {
    List<NewObject> out = new ArrayList<>();
    for (StixObject m : markings.definitions()) {
      out.add(NewObject.from(m));
    }
    for (ObjectNode o :
        List.of(stix.nodeIdentityObject(nation), MaritimeExtension.definition(json))) {
      version(o, out, "2026-11-28T00:00:00.000Z");
    }
    write(out);
  }

  /** Publishes a raised or updated alert (new versions of whatever changed). */
  public synchronized void publish(Alert a) {
    AlertRecord r = alerts.get(a.id());
    if (r == null) {
      r = new AlertRecord(a.id(), AlertStix.incidentId(a.id()));
      r.ext = json.createObjectNode();
      r.ext.put("status", "open");
      r.ext.put("annotation_count", 0);
      alerts.put(a.id(), r);
      byIncident.put(r.incidentId, r);
    }
    List<NewObject> out = new ArrayList<>();
    long now = clock.getAsLong();
    AlertStix.Mapped mapped =
        stix.map(a, r.incidentId, r.ext, a.assetId().flatMap(layer::find), markings.refs());
    for (ObjectNode o : mapped.objects()) {
      version(o, out, StixTimestamps.formatMillis(now));
    }
    r.track = mapped.track();
    r.name = mapped.title();
    versionIncident(r, out, now);
    write(out);
    changed(r);
  }

  /**
   * Marks an alert acknowledged by a principal; empty when there is no such alert or the reader may
   * not see it.
   *
   * @param reader whether the acting principal may read a stored object (the access policy)
   */
  public synchronized Optional<ObjectNode> acknowledge(
      String alertId, String principal, Predicate<StoredObject> reader) {
    AlertRecord r = readable(alertId, reader);
    if (r == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    if (!"closed".equals(r.ext.path("status").asString())) {
      r.ext.put("status", "acknowledged");
    }
    r.ext.put("acknowledged_by", principal);
    r.ext.put("acknowledged_at", StixTimestamps.formatMillis(now));
    List<NewObject> out = new ArrayList<>();
    versionIncident(r, out, now);
    write(out);
    changed(r);
    return Optional.of(detail(r, reader));
  }

  /**
   * Adds an analyst's note to an alert (a STIX note on the incident, marked like the incident's
   * latest version); empty when there is no such alert or the reader may not see it.
   */
  public synchronized Optional<ObjectNode> annotate(
      String alertId, String principal, String text, Predicate<StoredObject> reader) {
    AlertRecord r = readable(alertId, reader);
    if (r == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    List<NewObject> out = new ArrayList<>();
    // a note says something about the alert: never more widely readable than the alert itself
    ObjectNode note =
        stix.analystNote(
            StixIds.random("note"),
            principal,
            text,
            r.incidentId,
            versions.get(r.incidentId).head().markingRefs());
    version(note, out, StixTimestamps.formatMillis(now));
    r.notes.add(note);
    r.ext.put("annotation_count", r.notes.size());
    versionIncident(r, out, now);
    write(out);
    changed(r);
    return Optional.of(detail(r, reader));
  }

  /**
   * Closes an alert with a disposition; empty when there is no such alert or the reader may not see
   * it.
   */
  public synchronized Optional<ObjectNode> close(
      String alertId, String principal, Disposition d, Predicate<StoredObject> reader) {
    AlertRecord r = readable(alertId, reader);
    if (r == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    r.ext.put("status", "closed");
    r.ext.put("disposition", d.slug());
    r.ext.put("closed_by", principal);
    r.ext.put("closed_at", StixTimestamps.formatMillis(now));
    List<NewObject> out = new ArrayList<>();
    versionIncident(r, out, now);
    write(out);
    changed(r);
    return Optional.of(detail(r, reader));
  }

  /** The incident id of an alert the reader may see. */
  public synchronized Optional<String> incidentOf(String alertId, Predicate<StoredObject> reader) {
    return Optional.ofNullable(readable(alertId, reader)).map(r -> r.incidentId);
  }

  /**
   * The header of the latest version of an alert's incident (markings, origin); for the node's own
   * checks.
   */
  synchronized Optional<StoredObject> incidentHeader(String alertId) {
    return Optional.ofNullable(alerts.get(alertId)).map(r -> versions.get(r.incidentId).head());
  }

  /** The list view of every alert the reader may see, newest raised first. */
  public synchronized List<ObjectNode> list(Predicate<StoredObject> reader) {
    List<ObjectNode> out = new ArrayList<>();
    for (AlertRecord r : alerts.values()) {
      if (reader.test(versions.get(r.incidentId).head())) {
        out.add(listView(r));
      }
    }
    out.sort(Comparator.comparing((ObjectNode n) -> n.path("raised").asString("")).reversed());
    return out;
  }

  /**
   * One alert with its evidence and notes, as far as the reader may see them; empty when it may not
   * see the alert.
   */
  public synchronized Optional<ObjectNode> detail(String alertId, Predicate<StoredObject> reader) {
    return Optional.ofNullable(readable(alertId, reader)).map(r -> detail(r, reader));
  }

  /** How many alerts the ledger holds (for the node's log; never shown to a reader). */
  public synchronized int size() {
    return alerts.size();
  }

  /** The alert when it exists and the reader may see its incident's latest version; else null. */
  private AlertRecord readable(String alertId, Predicate<StoredObject> reader) {
    AlertRecord r = alerts.get(alertId);
    return r != null && reader.test(versions.get(r.incidentId).head()) ? r : null;
  }

  private void changed(AlertRecord r) {
    listener.accept(new Change(listView(r), versions.get(r.incidentId).head()));
  }

  private ObjectNode listView(AlertRecord r) {
    return AlertJson.view(r.ext, r.alertId, r.incidentId, r.name, r.version);
  }

  /** The alert in full, with the evidence track and the notes the reader may see. */
  private ObjectNode detail(AlertRecord r, Predicate<StoredObject> reader) {
    Version evidence = versions.get(r.ext.path("evidence_ref").asString(""));
    boolean mayReadEvidence = evidence != null && reader.test(evidence.head());
    List<ObjectNode> notes = new ArrayList<>();
    for (ObjectNode n : r.notes) {
      Version held = versions.get(n.path("id").asString(""));
      if (held != null && reader.test(held.head())) {
        notes.add(n);
      }
    }
    return AlertJson.detail(
        listView(r),
        r.ext,
        mayReadEvidence ? r.track : json.nullNode(),
        notes,
        versions.get(r.incidentId).head().markingRefs());
  }

  private void versionIncident(AlertRecord r, List<NewObject> out, long now) {
    ObjectNode inc = stix.incident(r.incidentId, r.name, r.ext, markings.refs());
    version(inc, out, StixTimestamps.formatMillis(now));
    r.version =
        versions.get(r.incidentId).modifiedMillis == 0
            ? ""
            : StixTimestamps.formatMillis(versions.get(r.incidentId).modifiedMillis);
  }

  private static void setMarkings(ObjectNode o, List<String> refs) {
    ArrayNode m = o.putArray("object_marking_refs");
    refs.forEach(m::add);
  }

  /**
   * Adds a new version of {@code o} to {@code out} when its content differs from the latest one
   * written: same created, modified later than the previous version's, markings never wider than
   * the previous version's. Returns its id.
   */
  private String version(ObjectNode o, List<NewObject> out, String createdIfNew) {
    String id = o.get("id").asString();
    o.remove("created");
    o.remove("modified");
    Version held = versions.get(id);
    if (held != null) {
      setMarkings(o, nextMarkings(held.head().markingRefs(), refsOf(o)));
    }
    String content = content(o);
    if (held != null && held.content.equals(content)) {
      return id;
    }
    String created = held != null && !held.created.isEmpty() ? held.created : createdIfNew;
    long modified =
        StixVersions.nextModifiedMillis(
            created,
            held == null ? null : StixTimestamps.formatMillis(held.modifiedMillis),
            clock.getAsLong());
    StixObject written = StixVersions.stamped(o, created, StixTimestamps.formatMillis(modified));
    out.add(NewObject.from(written));
    versions.put(id, new Version(content, modified, created, headerOf(written, modified)));
    o.put("created", created);
    o.put("modified", StixTimestamps.formatMillis(modified));
    return id;
  }

  /**
   * The markings of a new version of an object the node wrote: the proposed ones only when they
   * never widen the previous version's, and only when the node can resolve every one of them (a
   * configured ref it cannot read might be wider than it looks).
   */
  private List<String> nextMarkings(List<String> previous, List<String> proposed) {
    if (previous.equals(proposed)) {
      return previous;
    }
    boolean resolvable = proposed.stream().allMatch(ref -> resolve(ref).isPresent());
    return resolvable
        ? VersionRule.nextMarkings(nation, previous, proposed, this::resolve, unmarkedDefault)
        : previous;
  }

  /** TLP from the library; other definitions only those the node itself wrote. */
  private Optional<StixObject> resolve(String ref) {
    Optional<Tlp> tlp = Tlp.fromMarkingId(ref);
    return tlp.isPresent()
        ? Optional.of(tlp.get().definition())
        : Optional.ofNullable(ownDefinitions.get(ref));
  }

  private static List<String> refsOf(ObjectNode o) {
    List<String> refs = new ArrayList<>();
    o.path("object_marking_refs").values().forEach(r -> refs.add(r.asString("")));
    return refs;
  }

  /**
   * The header the store keeps of a version the node writes (origin the node's nation, added by the
   * watch).
   */
  private StoredObject headerOf(StixObject o, long modifiedMillis) {
    return new StoredObject(
        collection,
        o.id(),
        o.type(),
        StixTimestamps.formatMillis(modifiedMillis),
        modifiedMillis * 1000,
        "2.1",
        0L,
        nation,
        ACTOR,
        o.objectMarkingRefs(),
        "");
  }

  /** A stored version's header, without its JSON (the ledger keeps its own view of the content). */
  private static StoredObject headerOf(StoredObject o) {
    return o.withJson("");
  }

  private static String content(ObjectNode o) {
    ObjectNode c = o.deepCopy();
    c.remove("created");
    c.remove("modified");
    return c.toString();
  }

  private void write(List<NewObject> out) {
    if (!out.isEmpty()) {
      // the ledger versions only what the node wrote, so the origin it keeps is the node's nation
      store.addAll(collection, out, new Provenance(nation, ACTOR));
    }
  }
}
