package dev.bulwark.node.maritime;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.vessel.VesselIdentity;
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
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.markings.VersionRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The alerts as STIX in the node's store: turns each alert the engine raises or updates into an
 * {@code incident} (with the {@link MaritimeExtension}), the vessel as an {@code identity}, the
 * asset as an {@code infrastructure}, a {@code location}, a {@code sighting} and the evidence as a
 * {@code note} holding the GeoJSON track; every object marked with the node's default markings and
 * written in one transaction to the alerts collection. An object is written again only when its
 * content changed, as a new version (same id, later {@code modified}). Analysts' acknowledgements,
 * notes and closures become new versions too. The ledger is rebuilt from the store at start, so the
 * store is the only truth and nothing acknowledged is lost across a restart.
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
 * <p>Why a vessel is an identity: STIX 2.1 has no vessel object and a custom SCO would need every
 * ally's tools to know it; an identity (class "unknown", sector transportation) with the
 * extension's AIS properties is understood everywhere and can be the target of a sighting.
 *
 * <p>Thread-safe: every method is synchronized (writes are few: alerts and analysts' actions).
 */
public final class IncidentLedger {
  static final String ACTOR = "maritime-watch";
  private static final String CLEAR = Tlp.CLEAR.markingDefinitionId();

  private final ObjectStore store;
  private final String collection;
  private final String nation;
  private final NodeMarkings markings;
  private final InfrastructureLayer layer;
  private final LongSupplier clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String nodeIdentity;
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
    String evidence = "null";
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
    unmarkedDefault =
        store.collection(collection).map(CollectionInfo::defaultNations).orElse(Set.of());
    markings.definitions().forEach(m -> ownDefinitions.put(m.id(), m));
    Map<String, StoredObject> latest = new HashMap<>();
    long after = 0;
    // Only what the node wrote itself: an object someone else put into the collection is not ours
    // to
    // show, version or adopt as an alert.
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
        break;
      }
    }
    List<ObjectNode> notes = new ArrayList<>();
    for (StoredObject o : latest.values()) {
      ObjectNode n;
      try {
        n = (ObjectNode) json.readTree(o.json());
      } catch (JacksonException | ClassCastException e) {
        continue;
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
    for (ObjectNode n : notes) {
      for (JsonNode ref : n.path("object_refs").values()) {
        AlertRecord r = byIncident.get(ref.asString(""));
        if (r == null) {
          continue;
        }
        if (n.path("id").asString().equals(r.ext.path("evidence_ref").asString())) {
          r.evidence = evidenceTrack(n);
        } else {
          r.notes.add(n);
        }
      }
    }
    alerts
        .values()
        .forEach(r -> r.notes.sort(Comparator.comparing(x -> x.path("created").asString(""))));
    List<ObjectNode> basics = new ArrayList<>();
    ObjectNode identity = json.createObjectNode();
    identity.put("type", "identity");
    identity.put("spec_version", "2.1");
    identity.put("id", nodeIdentity);
    identity.put("name", "Bulwark node " + nation + " (maritime watch)");
    identity.put("identity_class", "organization");
    identity.putArray("sectors").add("government-national");
    identity.putArray("object_marking_refs").add(CLEAR);
    basics.add(identity);
    basics.add(MaritimeExtension.definition(json));
    List<NewObject> out = new ArrayList<>();
    for (StixObject m : markings.definitions()) {
      out.add(NewObject.from(m));
    }
    for (ObjectNode o : basics) {
      version(o, out, "2026-11-28T00:00:00.000Z");
    }
    write(out);
  }

  /** Publishes a raised or updated alert (new versions of whatever changed). */
  public synchronized void publish(Alert a) {
    AlertRecord r = alerts.get(a.id());
    if (r == null) {
      r = new AlertRecord(a.id(), MaritimeExtension.id("incident", "alert|" + a.id()));
      r.ext = json.createObjectNode();
      r.ext.put("status", "open");
      r.ext.put("annotation_count", 0);
      alerts.put(a.id(), r);
      byIncident.put(r.incidentId, r);
    }
    List<NewObject> out = new ArrayList<>();
    long now = clock.getAsLong();
    ObjectNode ext = r.ext;
    ext.put("extension_type", "property-extension");
    ext.put("subject", "alert");
    ext.put("alert_id", a.id());
    ext.put("kind", a.kind().slug());
    ext.put("severity", a.severity().slug());
    ext.put("score", Math.round(a.score() * 1000) / 1000.0);
    ext.put("summary", a.summary());
    ext.put("start", StixTimestamps.formatMillis(a.start()));
    ext.put("end", StixTimestamps.formatMillis(a.end()));
    ext.put("raised", StixTimestamps.formatMillis(a.raised()));
    ext.put("revision", a.revision());
    ext.put("mmsi", a.mmsi());
    ext.put("vessel_name", a.vesselName());
    ArrayNode others = ext.putArray("other_mmsis");
    a.others().forEach(others::add);
    ObjectNode params = ext.putObject("parameters");
    a.evidence().parameters().forEach(params::put);

    String vesselRef = vessel(a, out, now);
    ext.put("vessel_ref", vesselRef);
    Optional<Asset> asset = a.assetId().flatMap(layer::find);
    if (asset.isPresent()) {
      ext.put("asset_name", asset.get().name());
      ext.put("asset_key", asset.get().id());
      ext.put("asset_ref", asset(asset.get(), out, now));
    } else {
      a.assetName().ifPresent(n -> ext.put("asset_name", n));
    }
    r.evidence = a.evidence().trackGeoJson();
    Optional<double[]> at = lastPoint(r.evidence);
    if (at.isPresent()) {
      ext.put("latitude", at.get()[0]);
      ext.put("longitude", at.get()[1]);
      ObjectNode loc = base("location", MaritimeExtension.id("location", "alert|" + a.id()));
      loc.put(
          "name", "Position of MMSI " + a.mmsi() + " at " + StixTimestamps.formatMillis(a.end()));
      loc.put("latitude", at.get()[0]);
      loc.put("longitude", at.get()[1]);
      loc.put("precision", 50.0);
      ext.put("location_ref", version(loc, out, StixTimestamps.formatMillis(now)));
    }
    ObjectNode note = base("note", MaritimeExtension.id("note", "evidence|" + a.id()));
    note.put("abstract", "Evidence: " + a.summary());
    note.put("content", evidenceText(a));
    note.putArray("authors").add("Bulwark maritime engine");
    note.putArray("object_refs").add(r.incidentId).add(vesselRef);
    ext.put("evidence_ref", version(note, out, StixTimestamps.formatMillis(now)));

    ObjectNode sighting = base("sighting", MaritimeExtension.id("sighting", "alert|" + a.id()));
    sighting.put("description", a.summary());
    sighting.put("first_seen", StixTimestamps.formatMillis(a.start()));
    sighting.put(
        "last_seen",
        StixTimestamps.formatMillis(a.end().isBefore(a.start()) ? a.start() : a.end()));
    sighting.put("count", a.revision() + 1);
    sighting.put("sighting_of_ref", vesselRef);
    ArrayNode where = sighting.putArray("where_sighted_refs").add(nodeIdentity);
    if (ext.has("location_ref")) {
      where.add(ext.get("location_ref").asString());
    }
    ext.put("sighting_ref", version(sighting, out, StixTimestamps.formatMillis(now)));

    r.name = title(a);
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
    ObjectNode note = base("note", StixIds.random("note"));
    // a note says something about the alert: never more widely readable than the alert itself
    setMarkings(note, versions.get(r.incidentId).head().markingRefs());
    note.put("abstract", "Analyst note by " + principal);
    note.put("content", text);
    note.putArray("authors").add(principal);
    note.putArray("object_refs").add(r.incidentId);
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
    ObjectNode v = r.ext.deepCopy();
    v.remove("extension_type");
    v.remove("subject");
    v.remove("parameters");
    v.put("id", r.alertId);
    v.put("incident_id", r.incidentId);
    v.put("title", r.name);
    v.put("version", r.version);
    return v;
  }

  private ObjectNode detail(AlertRecord r, Predicate<StoredObject> reader) {
    ObjectNode v = listView(r);
    v.set("parameters", r.ext.path("parameters").deepCopy());
    JsonNode track = json.nullNode();
    Version evidence = versions.get(r.ext.path("evidence_ref").asString(""));
    if (evidence != null && reader.test(evidence.head())) {
      try {
        track = json.readTree(r.evidence);
      } catch (JacksonException e) {
        track = json.nullNode();
      }
    }
    v.set("track", track);
    ArrayNode notes = v.putArray("notes");
    for (ObjectNode n : r.notes) {
      Version held = versions.get(n.path("id").asString(""));
      if (held == null || !reader.test(held.head())) {
        continue;
      }
      ObjectNode x = notes.addObject();
      x.put("id", n.path("id").asString());
      x.put("author", n.path("authors").path(0).asString(""));
      x.put("created", n.path("created").asString(""));
      x.put("content", n.path("content").asString(""));
    }
    ArrayNode refs = v.putArray("marking_refs");
    versions.get(r.incidentId).head().markingRefs().forEach(refs::add);
    return v;
  }

  private void versionIncident(AlertRecord r, List<NewObject> out, long now) {
    ObjectNode inc = base("incident", r.incidentId);
    inc.put("name", r.name);
    inc.put("description", r.ext.path("summary").asString(""));
    inc.putObject("extensions").set(MaritimeExtension.ID, r.ext.deepCopy());
    version(inc, out, StixTimestamps.formatMillis(now));
    r.version =
        versions.get(r.incidentId).modifiedMillis == 0
            ? ""
            : StixTimestamps.formatMillis(versions.get(r.incidentId).modifiedMillis);
  }

  private String vessel(Alert a, List<NewObject> out, long now) {
    String id = MaritimeExtension.id("identity", "vessel|" + a.mmsi());
    ObjectNode o = base("identity", id);
    String name = a.vesselName().isEmpty() ? "MMSI " + a.mmsi() : a.vesselName();
    o.put("name", name);
    o.put("description", "Vessel transmitting AIS as MMSI " + a.mmsi() + ".");
    o.put("identity_class", "unknown");
    o.putArray("sectors").add("transportation");
    ObjectNode ext = o.putObject("extensions").putObject(MaritimeExtension.ID);
    ext.put("extension_type", "property-extension");
    ext.put("subject", "vessel");
    ext.put("mmsi", a.mmsi());
    VesselIdentity vi = new VesselIdentity(a.mmsi(), 0, a.vesselName(), "", 0, "");
    vi.flag().ifPresent(f -> ext.put("flag", f));
    return version(o, out, StixTimestamps.formatMillis(now));
  }

  private String asset(Asset asset, List<NewObject> out, long now) {
    String id = MaritimeExtension.id("infrastructure", "asset|" + asset.id());
    ObjectNode o = base("infrastructure", id);
    o.put("name", asset.name());
    StringBuilder d = new StringBuilder("Undersea asset of the node's infrastructure layer");
    asset.properties().forEach((k, v) -> d.append("; ").append(k).append(": ").append(v));
    o.put("description", d.toString());
    o.putArray("infrastructure_types").add("unknown");
    ObjectNode ext = o.putObject("extensions").putObject(MaritimeExtension.ID);
    ext.put("extension_type", "property-extension");
    ext.put("subject", "asset");
    ext.put("asset_key", asset.id());
    ext.put("asset_kind", asset.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    ext.put("corridor_m", asset.corridorM());
    ext.put("criticality", asset.criticality().name().toLowerCase(Locale.ROOT));
    return version(o, out, StixTimestamps.formatMillis(now));
  }

  /**
   * A new object with the common properties (created_by_ref, markings); created/modified come
   * later.
   */
  private ObjectNode base(String type, String id) {
    ObjectNode o = json.createObjectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created_by_ref", nodeIdentity);
    setMarkings(o, markings.refs());
    return o;
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
        Math.max(
            Math.max(clock.getAsLong(), StixTimestamps.toMillis(created)),
            held == null ? 0 : held.modifiedMillis + 1);
    ObjectNode full = json.createObjectNode();
    full.put("type", o.get("type").asString());
    full.put("spec_version", "2.1");
    full.put("id", id);
    full.put("created", created);
    full.put("modified", StixTimestamps.formatMillis(modified));
    o.properties()
        .forEach(
            e -> {
              if (!full.has(e.getKey())) {
                full.set(e.getKey(), e.getValue());
              }
            });
    StixObject written = StixObject.of(full);
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
    return new StoredObject(
        o.collectionId(),
        o.objectId(),
        o.type(),
        o.version(),
        o.versionMicros(),
        o.specVersion(),
        o.dateAddedMicros(),
        o.originNation(),
        o.addedBy(),
        o.markingRefs(),
        "");
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

  private String title(Alert a) {
    String vessel = a.vesselName().isEmpty() ? "MMSI " + a.mmsi() : a.vesselName();
    return a.kind().slug().replace('-', ' ')
        + ": "
        + vessel
        + a.assetName().map(n -> " on " + n).orElse("");
  }

  private String evidenceText(Alert a) {
    StringBuilder s = new StringBuilder(a.summary()).append("\n\n");
    a.evidence().parameters().forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
    s.append("\nTrack (GeoJSON):\n").append(a.evidence().trackGeoJson()).append('\n');
    return s.toString();
  }

  /** The GeoJSON track written in an evidence note's content. */
  private static String evidenceTrack(ObjectNode note) {
    String c = note.path("content").asString("");
    int at = c.indexOf("Track (GeoJSON):\n");
    return at < 0 ? "null" : c.substring(at + "Track (GeoJSON):\n".length()).trim();
  }

  /** Latitude and longitude of the last point of a GeoJSON track feature. */
  private Optional<double[]> lastPoint(String geoJson) {
    try {
      JsonNode g = json.readTree(geoJson).path("geometry");
      JsonNode c = g.path("coordinates");
      if ("Point".equals(g.path("type").asString(""))) {
        return Optional.of(new double[] {c.path(1).asDouble(), c.path(0).asDouble()});
      }
      if (c.isArray() && !c.isEmpty()) {
        JsonNode last = c.get(c.size() - 1);
        return Optional.of(new double[] {last.path(1).asDouble(), last.path(0).asDouble()});
      }
    } catch (JacksonException e) {
      // no position: no location object
    }
    return Optional.empty();
  }
}
