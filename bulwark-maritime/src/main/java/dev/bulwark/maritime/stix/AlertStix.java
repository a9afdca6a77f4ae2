package dev.bulwark.maritime.stix;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.vessel.VesselIdentity;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an alert is in STIX 2.1: an {@code incident} carrying the {@link MaritimeExtension}, the
 * vessel as an {@code identity}, the asset as an {@code infrastructure}, a {@code location} at the
 * last point of the track, the evidence as a {@code note} holding the GeoJSON track and a {@code
 * sighting}; every object authored by the node's identity and carrying the markings the caller
 * proposes. Ids are name-based ({@link MaritimeExtension#id}), so the same alert maps to the same
 * objects on every run and a restarted node versions them rather than duplicating them.
 *
 * <p>The objects come without {@code created}/{@code modified}: the caller versions them (see
 * {@link dev.bulwark.stix.StixVersions}) in the order given and stores them.
 *
 * <p>Why a vessel is an identity: STIX 2.1 has no vessel object and a custom SCO would need every
 * ally's tools to know it; an identity (class "unknown", sector transportation) with the
 * extension's AIS properties is understood everywhere and can be the target of a sighting.
 *
 * <p>Immutable and thread-safe (the incident extension passed to {@link #map} is the caller's and
 * is changed in place).
 */
public final class AlertStix {
  /** Where the evidence note's text shows the track to people. */
  private static final String TRACK_HEADING = "Track (GeoJSON):\n";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String nodeIdentity;

  /**
   * A mapping for the node whose maritime watch authors as {@code nodeIdentity}.
   *
   * @param nodeIdentity the {@code created_by_ref} of every object, e.g. {@link
   *     MaritimeExtension#nodeIdentity}
   */
  public AlertStix(String nodeIdentity) {
    this.nodeIdentity = nodeIdentity;
  }

  /**
   * The objects of one alert, besides its incident.
   *
   * @param objects vessel identity, asset infrastructure (when any), location (when the track has a
   *     point), evidence note and sighting, in the order they are to be versioned
   * @param track the evidence's GeoJSON track as data ({@code null} node when there is none)
   * @param title the incident's name
   */
  public record Mapped(List<ObjectNode> objects, JsonNode track, String title) {}

  /** The incident id of an alert (name-based: the same alert is always the same incident). */
  public static String incidentId(String alertId) {
    return MaritimeExtension.id("incident", "alert|" + alertId);
  }

  /**
   * Maps an alert as it stands: sets the alert's properties and the refs of its objects on the
   * incident extension {@code ext} (keeping the workflow's properties: status, acknowledgement,
   * closure) and returns the objects to version.
   *
   * @param a the alert
   * @param incidentId its incident
   * @param ext the incident's extension properties; changed in place
   * @param asset the asset of the node's infrastructure layer the alert concerns, when known
   * @param markings the marking refs proposed for every object
   * @return the objects, the track and the title
   */
  public Mapped map(
      Alert a, String incidentId, ObjectNode ext, Optional<Asset> asset, List<String> markings) {
    List<ObjectNode> out = new ArrayList<>();
    alertProperties(a, ext);
    ObjectNode vessel = vessel(a, markings);
    out.add(vessel);
    String vesselRef = vessel.get("id").asString();
    ext.put("vessel_ref", vesselRef);
    if (asset.isPresent()) {
      ObjectNode infrastructure = infrastructure(asset.get(), markings);
      out.add(infrastructure);
      ext.put("asset_name", asset.get().name());
      ext.put("asset_key", asset.get().id());
      ext.put("asset_ref", infrastructure.get("id").asString());
    } else {
      a.assetName().ifPresent(n -> ext.put("asset_name", n));
    }
    JsonNode track = track(a.evidence().trackGeoJson());
    Optional<double[]> at = lastPoint(track);
    if (at.isPresent()) {
      ext.put("latitude", at.get()[0]);
      ext.put("longitude", at.get()[1]);
      ObjectNode location = location(a, at.get(), markings);
      out.add(location);
      ext.put("location_ref", location.get("id").asString());
    }
    ObjectNode note = evidenceNote(a, incidentId, vesselRef, track, markings);
    out.add(note);
    ext.put("evidence_ref", note.get("id").asString());
    ObjectNode sighting = sighting(a, vesselRef, ext.path("location_ref").asString(null), markings);
    out.add(sighting);
    ext.put("sighting_ref", sighting.get("id").asString());
    return new Mapped(out, track, title(a));
  }

  /**
   * The incident of an alert: its name, the summary as description and the extension.
   *
   * @param incidentId the incident's id
   * @param title its name
   * @param ext the extension properties (copied)
   * @param markings its marking refs
   * @return the incident, without created/modified
   */
  public ObjectNode incident(
      String incidentId, String title, ObjectNode ext, List<String> markings) {
    return base("incident", incidentId, markings)
        .put("name", title)
        .put("description", ext.path("summary").asString(""))
        .extension(MaritimeExtension.ID, ext)
        .json();
  }

  /**
   * An analyst's note on an alert's incident.
   *
   * @param noteId the note's id (random: each note is new)
   * @param principal who wrote it
   * @param text what it says
   * @param incidentId the incident it is about
   * @param markings its markings (those of the incident's latest version: a note is never more
   *     widely readable than the alert)
   * @return the note, without created/modified
   */
  public ObjectNode analystNote(
      String noteId, String principal, String text, String incidentId, List<String> markings) {
    return base("note", noteId, markings)
        .put("abstract", "Analyst note by " + principal)
        .put("content", text)
        .strings("authors", List.of(principal))
        .strings("object_refs", List.of(incidentId))
        .json();
  }

  /**
   * The identity the node's maritime watch authors as (TLP:CLEAR: anyone may know who wrote).
   *
   * @param nation the node's nation
   * @return the identity, without created/modified
   */
  public ObjectNode nodeIdentityObject(String nation) {
    return StixBuilder.of("identity", nodeIdentity)
        .put("name", "Bulwark node " + nation + " (maritime watch)")
        .put("identity_class", "organization")
        .strings("sectors", List.of("government-national"))
        .markings(List.of(Tlp.CLEAR.markingDefinitionId()))
        .json();
  }

  /**
   * The track an evidence note written by {@link #map} holds as data (its maritime extension's
   * {@code track}), for a node that rebuilds its alerts from the store: the note is the store's
   * only copy of the track. The note's text is for people and never read back.
   *
   * @param note an evidence note
   * @return the GeoJSON track, or a {@code null} node when the note holds none
   */
  public static JsonNode evidenceTrack(JsonNode note) {
    JsonNode track = note.path("extensions").path(MaritimeExtension.ID).path("track");
    return track.isObject() ? track.deepCopy() : JSON.nullNode();
  }

  /** The incident's name: kind, vessel and asset. */
  public static String title(Alert a) {
    return a.kind().slug().replace('-', ' ')
        + ": "
        + vesselName(a)
        + a.assetName().map(n -> " on " + n).orElse("");
  }

  private static void alertProperties(Alert a, ObjectNode ext) {
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
  }

  private ObjectNode vessel(Alert a, List<String> markings) {
    ObjectNode ext = JSON.createObjectNode();
    ext.put("extension_type", "property-extension");
    ext.put("subject", "vessel");
    ext.put("mmsi", a.mmsi());
    VesselIdentity vi = new VesselIdentity(a.mmsi(), 0, a.vesselName(), "", 0, "");
    vi.flag().ifPresent(f -> ext.put("flag", f));
    return base("identity", MaritimeExtension.id("identity", "vessel|" + a.mmsi()), markings)
        .put("name", vesselName(a))
        .put("description", "Vessel transmitting AIS as MMSI " + a.mmsi() + ".")
        .put("identity_class", "unknown")
        .strings("sectors", List.of("transportation"))
        .extension(MaritimeExtension.ID, ext)
        .json();
  }

  private ObjectNode infrastructure(Asset asset, List<String> markings) {
    StringBuilder d = new StringBuilder("Undersea asset of the node's infrastructure layer");
    asset.properties().forEach((k, v) -> d.append("; ").append(k).append(": ").append(v));
    ObjectNode ext = JSON.createObjectNode();
    ext.put("extension_type", "property-extension");
    ext.put("subject", "asset");
    ext.put("asset_key", asset.id());
    ext.put("asset_kind", asset.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    ext.put("corridor_m", asset.corridorM());
    ext.put("criticality", asset.criticality().name().toLowerCase(Locale.ROOT));
    return base(
            "infrastructure",
            MaritimeExtension.id("infrastructure", "asset|" + asset.id()),
            markings)
        .put("name", asset.name())
        .put("description", d.toString())
        .strings("infrastructure_types", List.of("unknown"))
        .extension(MaritimeExtension.ID, ext)
        .json();
  }

  private ObjectNode location(Alert a, double[] at, List<String> markings) {
    return base("location", MaritimeExtension.id("location", "alert|" + a.id()), markings)
        .put("name", "Position of MMSI " + a.mmsi() + " at " + StixTimestamps.formatMillis(a.end()))
        .put("latitude", at[0])
        .put("longitude", at[1])
        .put("precision", 50.0)
        .json();
  }

  /**
   * The evidence note: the text for people, and the track again as data in the maritime extension
   * ({@code subject: evidence}), so that a node rebuilding its alerts reads the track back without
   * parsing the text.
   */
  private ObjectNode evidenceNote(
      Alert a, String incidentId, String vesselRef, JsonNode track, List<String> markings) {
    ObjectNode ext = JSON.createObjectNode();
    ext.put("extension_type", "property-extension");
    ext.put("subject", "evidence");
    if (!track.isNull()) {
      ext.set("track", track.deepCopy());
    }
    return base("note", MaritimeExtension.id("note", "evidence|" + a.id()), markings)
        .put("abstract", "Evidence: " + a.summary())
        .put("content", evidenceText(a))
        .strings("authors", List.of("Bulwark maritime engine"))
        .strings("object_refs", List.of(incidentId, vesselRef))
        .extension(MaritimeExtension.ID, ext)
        .json();
  }

  private ObjectNode sighting(
      Alert a, String vesselRef, String locationRef, List<String> markings) {
    List<String> where = new ArrayList<>(List.of(nodeIdentity));
    if (locationRef != null) {
      where.add(locationRef);
    }
    return base("sighting", MaritimeExtension.id("sighting", "alert|" + a.id()), markings)
        .put("description", a.summary())
        .put("first_seen", StixTimestamps.formatMillis(a.start()))
        .put(
            "last_seen",
            StixTimestamps.formatMillis(a.end().isBefore(a.start()) ? a.start() : a.end()))
        .put("count", a.revision() + 1)
        .put("sighting_of_ref", vesselRef)
        .strings("where_sighted_refs", where)
        .json();
  }

  /** The common start of every object: authored by the node, with the proposed markings. */
  private StixBuilder base(String type, String id, List<String> markings) {
    return StixBuilder.of(type, id).createdBy(nodeIdentity).markings(markings);
  }

  private static String vesselName(Alert a) {
    return a.vesselName().isEmpty() ? "MMSI " + a.mmsi() : a.vesselName();
  }

  private static String evidenceText(Alert a) {
    StringBuilder s = new StringBuilder(a.summary()).append("\n\n");
    a.evidence().parameters().forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
    s.append('\n').append(TRACK_HEADING).append(a.evidence().trackGeoJson()).append('\n');
    return s.toString();
  }

  /** A GeoJSON text as data; a {@code null} node when it is not JSON. */
  private static JsonNode track(String geoJson) {
    try {
      return JSON.readTree(geoJson);
    } catch (JacksonException e) {
      return JSON.nullNode();
    }
  }

  /** Latitude and longitude of the last point of a GeoJSON track feature. */
  private static Optional<double[]> lastPoint(JsonNode track) {
    JsonNode g = track.path("geometry");
    JsonNode c = g.path("coordinates");
    if ("Point".equals(g.path("type").asString(""))) {
      return Optional.of(new double[] {c.path(1).asDouble(), c.path(0).asDouble()});
    }
    if (c.isArray() && !c.isEmpty()) {
      JsonNode last = c.get(c.size() - 1);
      return Optional.of(new double[] {last.path(1).asDouble(), last.path(0).asDouble()});
    }
    return Optional.empty();
  }
}
