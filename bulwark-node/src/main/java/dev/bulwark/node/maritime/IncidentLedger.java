package dev.bulwark.node.maritime;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.vessel.VesselIdentity;
import dev.bulwark.node.exchange.NewObject;
import dev.bulwark.node.exchange.ObjectQuery;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.Page;
import dev.bulwark.node.exchange.Provenance;
import dev.bulwark.node.exchange.ReadFilter;
import dev.bulwark.node.exchange.StoredObject;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alerts as STIX in the node's store: turns each alert the engine raises or updates into an
 * {@code incident} (with the {@link MaritimeExtension}), the vessel as an {@code identity}, the asset
 * as an {@code infrastructure}, a {@code location}, a {@code sighting} and the evidence as a
 * {@code note} holding the GeoJSON track; every object marked with the node's default markings and
 * written in one transaction to the alerts collection. An object is written again only when its
 * content changed, as a new version (same id, later {@code modified}). Analysts' acknowledgements,
 * notes and closures become new versions too. The ledger is rebuilt from the store at start, so the
 * store is the only truth and nothing acknowledged is lost across a restart.
 *
 * <p>Why a vessel is an identity: STIX 2.1 has no vessel object and a custom SCO would need every
 * ally's tools to know it; an identity (class "unknown", sector transportation) with the extension's
 * AIS properties is understood everywhere and can be the target of a sighting.
 *
 * <p>Thread-safe: every method is synchronized (writes are few: alerts and analysts' actions).
 */
public final class IncidentLedger {
  static final String ACTOR = "maritime-watch";
  private static final String CLEAR = dev.bulwark.stix.markings.Tlp.CLEAR.markingDefinitionId();

  private final ObjectStore store;
  private final String collection;
  private final String nation;
  private final NodeMarkings markings;
  private final InfrastructureLayer layer;
  private final LongSupplier clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String nodeIdentity;
  private final Map<String, Version> versions = new HashMap<>();
  private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
  private final Map<String, AlertRecord> byIncident = new HashMap<>();
  private volatile Consumer<ObjectNode> listener = v -> { };

  /** What the ledger knows of the latest version of an object it wrote. */
  private record Version(String content, long modifiedMillis, String created) {}

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

  public IncidentLedger(ObjectStore store, String collection, String nation, NodeMarkings markings,
      InfrastructureLayer layer, LongSupplier clock) {
    this.store = store;
    this.collection = collection;
    this.nation = nation;
    this.markings = markings;
    this.layer = layer;
    this.clock = clock;
    this.nodeIdentity = MaritimeExtension.id("identity", "node|" + nation);
  }

  /** Told of every alert after each change (its list view), on the thread that made the change. */
  public void onChange(Consumer<ObjectNode> l) {
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

  /** The markings on every published object. */
  public List<String> markingRefs() {
    return markings.refs();
  }

  /**
   * Reads what the collection already holds (latest version of each object) and publishes the
   * node's identity, the extension-definition and the marking definitions when missing.
   */
  public synchronized void start() {
    Map<String, StoredObject> latest = new HashMap<>();
    long after = 0;
    while (true) {
      Page page = store.page(new ObjectQuery(collection, after, java.util.Set.of(), java.util.Set.of(),
          java.util.Set.of(), 1000), ReadFilter.SYSTEM);
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
        versions.put(o.objectId(), new Version(content(n), Stamps.millis(n.get("modified").asString()),
            n.path("created").asString("")));
      }
      JsonNode ext = n.path("extensions").path(MaritimeExtension.ID);
      if ("incident".equals(o.type()) && "alert".equals(ext.path("subject").asString(""))) {
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
    alerts.values().forEach(r -> r.notes.sort(Comparator.comparing(x -> x.path("created").asString(""))));
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
    ext.put("start", Stamps.of(a.start()));
    ext.put("end", Stamps.of(a.end()));
    ext.put("raised", Stamps.of(a.raised()));
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
      loc.put("name", "Position of MMSI " + a.mmsi() + " at " + Stamps.of(a.end()));
      loc.put("latitude", at.get()[0]);
      loc.put("longitude", at.get()[1]);
      loc.put("precision", 50.0);
      ext.put("location_ref", version(loc, out, Stamps.of(now)));
    }
    ObjectNode note = base("note", MaritimeExtension.id("note", "evidence|" + a.id()));
    note.put("abstract", "Evidence: " + a.summary());
    note.put("content", evidenceText(a));
    note.putArray("authors").add("Bulwark maritime engine");
    note.putArray("object_refs").add(r.incidentId).add(vesselRef);
    ext.put("evidence_ref", version(note, out, Stamps.of(now)));

    ObjectNode sighting = base("sighting", MaritimeExtension.id("sighting", "alert|" + a.id()));
    sighting.put("description", a.summary());
    sighting.put("first_seen", Stamps.of(a.start()));
    sighting.put("last_seen", Stamps.of(a.end().isBefore(a.start()) ? a.start() : a.end()));
    sighting.put("count", a.revision() + 1);
    sighting.put("sighting_of_ref", vesselRef);
    ArrayNode where = sighting.putArray("where_sighted_refs").add(nodeIdentity);
    if (ext.has("location_ref")) {
      where.add(ext.get("location_ref").asString());
    }
    ext.put("sighting_ref", version(sighting, out, Stamps.of(now)));

    r.name = title(a);
    versionIncident(r, out, now);
    write(out);
    listener.accept(listView(r));
  }

  /** Marks an alert acknowledged by a principal; empty when there is no such alert. */
  public synchronized Optional<ObjectNode> acknowledge(String alertId, String principal) {
    AlertRecord r = alerts.get(alertId);
    if (r == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    if (!"closed".equals(r.ext.path("status").asString())) {
      r.ext.put("status", "acknowledged");
    }
    r.ext.put("acknowledged_by", principal);
    r.ext.put("acknowledged_at", Stamps.of(now));
    List<NewObject> out = new ArrayList<>();
    versionIncident(r, out, now);
    write(out);
    listener.accept(listView(r));
    return Optional.of(detail(r));
  }

  /** Adds an analyst's note to an alert (a STIX note on the incident); empty when no such alert. */
  public synchronized Optional<ObjectNode> annotate(String alertId, String principal, String text) {
    AlertRecord r = alerts.get(alertId);
    if (r == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    List<NewObject> out = new ArrayList<>();
    ObjectNode note = base("note", StixIds.random("note"));
    note.put("abstract", "Analyst note by " + principal);
    note.put("content", text);
    note.putArray("authors").add(principal);
    note.putArray("object_refs").add(r.incidentId);
    version(note, out, Stamps.of(now));
    r.notes.add(note);
    r.ext.put("annotation_count", r.notes.size());
    versionIncident(r, out, now);
    write(out);
    listener.accept(listView(r));
    return Optional.of(detail(r));
  }

  /** Closes an alert with a disposition; empty when there is no such alert. */
  public synchronized Optional<ObjectNode> close(String alertId, String principal, Disposition d) {
    AlertRecord r = alerts.get(alertId);
    if (r == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    r.ext.put("status", "closed");
    r.ext.put("disposition", d.slug());
    r.ext.put("closed_by", principal);
    r.ext.put("closed_at", Stamps.of(now));
    List<NewObject> out = new ArrayList<>();
    versionIncident(r, out, now);
    write(out);
    listener.accept(listView(r));
    return Optional.of(detail(r));
  }

  /** The incident id of an alert. */
  public synchronized Optional<String> incidentOf(String alertId) {
    return Optional.ofNullable(alerts.get(alertId)).map(r -> r.incidentId);
  }

  /** The current version (modified) of an alert's incident. */
  public synchronized Optional<String> versionOf(String alertId) {
    return Optional.ofNullable(alerts.get(alertId)).map(r -> r.version);
  }

  /** Every alert's list view, newest raised first. */
  public synchronized List<ObjectNode> list() {
    List<ObjectNode> out = new ArrayList<>();
    for (AlertRecord r : alerts.values()) {
      out.add(listView(r));
    }
    out.sort(Comparator.comparing((ObjectNode n) -> n.path("raised").asString("")).reversed());
    return out;
  }

  /** One alert with its evidence and notes. */
  public synchronized Optional<ObjectNode> detail(String alertId) {
    return Optional.ofNullable(alerts.get(alertId)).map(this::detail);
  }

  /** How many alerts the ledger holds. */
  public synchronized int size() {
    return alerts.size();
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

  private ObjectNode detail(AlertRecord r) {
    ObjectNode v = listView(r);
    v.set("parameters", r.ext.path("parameters").deepCopy());
    JsonNode track;
    try {
      track = json.readTree(r.evidence);
    } catch (JacksonException e) {
      track = json.nullNode();
    }
    v.set("track", track);
    ArrayNode notes = v.putArray("notes");
    for (ObjectNode n : r.notes) {
      ObjectNode x = notes.addObject();
      x.put("id", n.path("id").asString());
      x.put("author", n.path("authors").path(0).asString(""));
      x.put("created", n.path("created").asString(""));
      x.put("content", n.path("content").asString(""));
    }
    ArrayNode refs = v.putArray("marking_refs");
    markings.refs().forEach(refs::add);
    return v;
  }

  private void versionIncident(AlertRecord r, List<NewObject> out, long now) {
    ObjectNode inc = base("incident", r.incidentId);
    inc.put("name", r.name);
    inc.put("description", r.ext.path("summary").asString(""));
    inc.putObject("extensions").set(MaritimeExtension.ID, r.ext.deepCopy());
    version(inc, out, Stamps.of(now));
    r.version = versions.get(r.incidentId).modifiedMillis == 0 ? "" : Stamps.of(versions.get(r.incidentId).modifiedMillis);
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
    return version(o, out, Stamps.of(now));
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
    return version(o, out, Stamps.of(now));
  }

  /** A new object with the common properties (created_by_ref, markings); created/modified come later. */
  private ObjectNode base(String type, String id) {
    ObjectNode o = json.createObjectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created_by_ref", nodeIdentity);
    ArrayNode m = o.putArray("object_marking_refs");
    markings.refs().forEach(m::add);
    return o;
  }

  /**
   * Adds a new version of {@code o} to {@code out} when its content differs from the latest one
   * written: same created, modified later than the previous version's. Returns its id.
   */
  private String version(ObjectNode o, List<NewObject> out, String createdIfNew) {
    String id = o.get("id").asString();
    o.remove("created");
    o.remove("modified");
    String content = content(o);
    Version held = versions.get(id);
    if (held != null && held.content.equals(content)) {
      return id;
    }
    String created = held != null && !held.created.isEmpty() ? held.created : createdIfNew;
    long modified = Math.max(Math.max(clock.getAsLong(), Stamps.millis(created)), held == null ? 0 : held.modifiedMillis + 1);
    ObjectNode full = json.createObjectNode();
    full.put("type", o.get("type").asString());
    full.put("spec_version", "2.1");
    full.put("id", id);
    full.put("created", created);
    full.put("modified", Stamps.of(modified));
    o.properties().forEach(e -> {
      if (!full.has(e.getKey())) {
        full.set(e.getKey(), e.getValue());
      }
    });
    out.add(NewObject.from(StixObject.of(full)));
    versions.put(id, new Version(content, modified, created));
    o.put("created", created);
    o.put("modified", Stamps.of(modified));
    return id;
  }

  private static String content(ObjectNode o) {
    ObjectNode c = o.deepCopy();
    c.remove("created");
    c.remove("modified");
    return c.toString();
  }

  private void write(List<NewObject> out) {
    if (!out.isEmpty()) {
      store.addAll(collection, out, new Provenance(nation, ACTOR));
    }
  }

  private String title(Alert a) {
    String vessel = a.vesselName().isEmpty() ? "MMSI " + a.mmsi() : a.vesselName();
    return a.kind().slug().replace('-', ' ') + ": " + vessel + a.assetName().map(n -> " on " + n).orElse("");
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

  /** The alert ids held (for tests and the demo). */
  synchronized Collection<String> alertIds() {
    return List.copyOf(alerts.keySet());
  }
}
