package dev.bulwark.maritime.alert;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one writer of alerts as JSON, for every place that shows them: {@code bulwark maritime scan
 * --json} (an alert as the engine raised it, {@link #scan}) and the node's API and live events (an
 * alert as the node holds it, from its incident's maritime extension with the analysts' workflow:
 * {@link #view}, {@link #detail}). Field names are snake_case, like STIX and TAXII.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlertJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AlertJson() {}

  /**
   * An alert as the engine raised it: {@code id, kind, mmsi, name, asset, start, end, raised,
   * severity, score} (two decimals), {@code others} (when any), {@code summary, evidence_text,
   * parameters} and, when asked, the {@code track}.
   *
   * @param a the alert
   * @param withTrack whether to include the GeoJSON track
   * @return a new JSON object
   */
  public static ObjectNode scan(Alert a, boolean withTrack) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", a.id());
    m.put("kind", a.kind().slug());
    m.put("mmsi", a.mmsi());
    m.put("name", a.vesselName());
    m.put("asset", a.assetName().orElse(null));
    m.put("start", a.start().toString());
    m.put("end", a.end().toString());
    m.put("raised", a.raised().toString());
    m.put("severity", a.severity().slug());
    m.put("score", Math.round(a.score() * 100) / 100.0);
    if (!a.others().isEmpty()) {
      ArrayNode others = m.putArray("others");
      a.others().forEach(others::add);
    }
    m.put("summary", a.summary());
    m.put(
        "evidence_text",
        PlainWords.evidence(
            a.kind(),
            a.evidence().parameters(),
            a.assetName().orElse(""),
            a.start(),
            a.end(),
            Double.NaN,
            Double.NaN));
    ObjectNode params = m.putObject("parameters");
    a.evidence().parameters().forEach(params::put);
    if (withTrack) {
      m.set("track", JSON.readTree(a.evidence().trackGeoJson()));
    }
    return m;
  }

  /**
   * The list view of an alert the node holds: the properties of its incident's maritime extension
   * (without {@code extension_type}, {@code subject} and {@code parameters}) with {@code
   * evidence_text} (plain words, {@link #evidenceText}), then {@code id}, {@code incident_id},
   * {@code title} and {@code version}.
   *
   * @param ext the incident's maritime extension properties (not changed)
   * @param alertId the alert's id
   * @param incidentId its incident's id
   * @param title the incident's name
   * @param version the incident's latest {@code modified}, or ""
   * @return a new JSON object
   */
  public static ObjectNode view(
      ObjectNode ext, String alertId, String incidentId, String title, String version) {
    ObjectNode v = ext.deepCopy();
    v.put("evidence_text", evidenceText(ext));
    v.remove("extension_type");
    v.remove("subject");
    v.remove("parameters");
    v.put("id", alertId);
    v.put("incident_id", incidentId);
    v.put("title", title);
    v.put("version", version);
    return v;
  }

  /**
   * The evidence in plain words ({@link PlainWords}) of an alert as the node holds it: from its
   * incident's maritime extension (kind, parameters, asset name, start, end, position).
   *
   * @param ext the incident's maritime extension properties
   * @return the sentence, or the summary when the kind is not known
   */
  public static String evidenceText(JsonNode ext) {
    String slug = ext.path("kind").asString("");
    AlertKind kind = null;
    for (AlertKind k : AlertKind.values()) {
      if (k.slug().equals(slug)) {
        kind = k;
      }
    }
    if (kind == null) {
      return ext.path("summary").asString("");
    }
    Map<String, String> params = new LinkedHashMap<>();
    ext.path("parameters")
        .properties()
        .forEach(e -> params.put(e.getKey(), e.getValue().asString("")));
    JsonNode lat = ext.path("latitude");
    JsonNode lon = ext.path("longitude");
    return PlainWords.evidence(
        kind,
        params,
        ext.path("asset_name").asString(""),
        instant(ext.path("start").asString("")),
        instant(ext.path("end").asString("")),
        lat.isNumber() ? lat.asDouble() : Double.NaN,
        lon.isNumber() ? lon.asDouble() : Double.NaN);
  }

  private static Instant instant(String iso) {
    try {
      return iso.isEmpty() ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * One alert in full: its {@link #view} with {@code parameters}, {@code track}, {@code notes}
   * ({@code id, author, created, content}) and the incident's {@code marking_refs}.
   *
   * @param view the alert's list view (changed in place and returned)
   * @param ext the incident's maritime extension properties
   * @param track the evidence track, or a null node when the reader may not see it
   * @param notes the analysts' STIX notes the reader may see, oldest first
   * @param markingRefs the markings of the incident's latest version
   * @return {@code view}
   */
  public static ObjectNode detail(
      ObjectNode view,
      ObjectNode ext,
      JsonNode track,
      List<? extends JsonNode> notes,
      List<String> markingRefs) {
    view.set("parameters", ext.path("parameters").deepCopy());
    view.set("track", track.deepCopy());
    ArrayNode out = view.putArray("notes");
    for (JsonNode n : notes) {
      ObjectNode x = out.addObject();
      x.put("id", n.path("id").asString());
      x.put("author", n.path("authors").path(0).asString(""));
      x.put("created", n.path("created").asString(""));
      x.put("content", n.path("content").asString(""));
    }
    ArrayNode refs = view.putArray("marking_refs");
    markingRefs.forEach(refs::add);
    return view;
  }
}
