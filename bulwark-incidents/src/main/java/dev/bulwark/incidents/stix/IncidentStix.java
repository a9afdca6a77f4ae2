package dev.bulwark.incidents.stix;

import dev.bulwark.incidents.Determination;
import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.JsonFields;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.kinds.KindFields;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.lifecycle.StatusStep;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A register {@link Incident} as a STIX 2.1 {@code incident} and back. The OASIS incident-core
 * extension carries what it defines (determination, investigation status, the kind as an incident
 * type, the task list); the Bulwark extension carries the rest (kind and kind fields, lifecycle
 * status and history, first seen, location, entities, evidence, source). A new version keeps
 * everything of the previous one this mapping does not own (other extensions, incident-core tasks,
 * impacts and events, external references). Stateless and thread-safe.
 */
public final class IncidentStix {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String EXT = "/extensions/" + BulwarkExtensions.INCIDENT;

  private IncidentStix() {}

  /** Whether {@code o} is an incident carrying the Bulwark hostile-act extension. */
  public static boolean isBulwarkIncident(StixObject o) {
    return o.type().equals("incident")
        && o.json().path("extensions").has(BulwarkExtensions.INCIDENT);
  }

  /** The first version of {@code i}: created = modified = {@code now} (milliseconds). */
  public static StixObject firstVersion(Incident i, Instant now) {
    String ts = StixTimestamps.formatMillis(now);
    return StixVersions.stamped(content(i, NODES.objectNode()), ts, ts);
  }

  /**
   * The next version of {@code previous} with the content of {@code changed} (same id): markings
   * never widen (as {@link StixVersions#newVersion(StixObject, StixObject, long)}).
   */
  public static StixObject nextVersion(StixObject previous, Incident changed, Instant now) {
    if (!previous.id().equals(changed.id())) {
      throw new IllegalArgumentException("a version keeps its id: " + previous.id());
    }
    ObjectNode proposed = content(changed, previous.json());
    return StixVersions.newVersion(previous, StixObject.of(proposed), now.toEpochMilli());
  }

  /** The incident's properties over {@code base} (a previous version, or an empty object). */
  static ObjectNode content(Incident i, ObjectNode base) {
    ObjectNode o = base;
    o.put("type", "incident");
    o.put("spec_version", "2.1");
    o.put("id", i.id());
    i.createdBy().ifPresent(c -> o.put("created_by_ref", c));
    o.put("name", i.name());
    if (i.description().isEmpty()) {
      o.remove("description");
    } else {
      o.put("description", i.description());
    }
    ArrayNode marks = o.putArray("object_marking_refs");
    i.markings().forEach(marks::add);
    if (i.markings().isEmpty()) {
      o.remove("object_marking_refs");
    }
    ObjectNode exts =
        o.has("extensions") ? (ObjectNode) o.get("extensions") : o.putObject("extensions");
    JsonNode heldCore = exts.get(BulwarkExtensions.INCIDENT_CORE);
    ObjectNode core = heldCore instanceof ObjectNode c ? c : NODES.objectNode();
    core.put("extension_type", "property-extension");
    core.put("determination", i.determination().slug());
    core.put("investigation_status", i.status().investigationStatus());
    core.putArray("incident_types").add(i.kind().slug());
    exts.set(BulwarkExtensions.INCIDENT_CORE, core);
    exts.set(BulwarkExtensions.INCIDENT, bulwark(i));
    return o;
  }

  private static ObjectNode bulwark(Incident i) {
    ObjectNode b = NODES.objectNode();
    b.put("extension_type", "property-extension");
    b.put("kind", i.kind().slug());
    b.put("status", i.status().slug());
    ArrayNode h = b.putArray("status_history");
    for (StatusStep s : i.history()) {
      h.addObject()
          .put("status", s.status().slug())
          .put("by", s.by())
          .put("at", StixTimestamps.formatMillis(s.at()));
    }
    b.put("first_seen", StixTimestamps.formatMillis(i.firstSeen()));
    i.location()
        .ifPresent(p -> b.putObject("location").put("latitude", p.lat()).put("longitude", p.lon()));
    b.set("kind_fields", KindFields.toJson(i.details()));
    ObjectNode e = b.putObject("entities");
    Entities en = i.entities();
    strings(e, "imo", en.imo());
    strings(e, "mmsi", en.mmsi());
    strings(e, "ip", en.ip());
    strings(e, "domain", en.domain());
    strings(e, "actor", en.actor());
    if (!i.evidenceRefs().isEmpty()) {
      strings(b, "evidence_refs", i.evidenceRefs());
    }
    b.put("source", i.source());
    return b;
  }

  /**
   * The register incident a STIX incident describes.
   *
   * @param o an incident with the Bulwark extension
   * @return the incident
   * @throws IncidentException naming every problem by its JSON pointer
   */
  public static Incident fromStix(StixObject o) {
    JsonNode json = o.json();
    JsonFields f = new JsonFields();
    if (!o.type().equals("incident")) {
      throw new IncidentException("/type", "must be incident");
    }
    JsonNode b = json.path("extensions").path(BulwarkExtensions.INCIDENT);
    if (!b.isObject()) {
      throw new IncidentException(EXT, "the Bulwark hostile-act extension is required");
    }
    if (!o.id().startsWith("incident--") || !StixIds.isIdentifier(o.id())) {
      f.problem("/id", "must be an incident identifier (incident--uuid)");
    }
    String name = f.required(json, "name", "");
    String description = f.optional(json, "description", "").orElse("");
    String kindText = f.required(b, "kind", EXT);
    Optional<ActKind> kind = ActKind.ofSlug(kindText);
    if (kind.isEmpty() && !kindText.isEmpty()) {
      f.problem(EXT + "/kind", "unknown kind " + kindText);
    }
    ActDetails details =
        kind.map(k -> KindFields.read(k, f.object(b, "kind_fields", EXT), EXT + "/kind_fields", f))
            .orElse(null);
    List<StatusStep> history = history(b, f);
    Optional<Status> status = Status.ofSlug(f.required(b, "status", EXT));
    if (status.isEmpty()) {
      f.problem(
          EXT + "/status", "must be one of reported, assessed, attributed, responded, closed");
    } else if (!history.isEmpty() && history.get(history.size() - 1).status() != status.get()) {
      f.problem(EXT + "/status", "must be the last step of status_history");
    }
    Determination determination = determination(json, f);
    Instant firstSeen = instant(f.required(b, "first_seen", EXT), EXT + "/first_seen", f);
    Optional<GeoPoint> location = location(b, f);
    JsonNode en = f.object(b, "entities", EXT);
    String ep = EXT + "/entities";
    Entities entities =
        new Entities(
            f.strings(en, "imo", ep),
            f.strings(en, "mmsi", ep),
            f.strings(en, "ip", ep),
            f.strings(en, "domain", ep),
            f.strings(en, "actor", ep));
    List<String> evidence = f.strings(b, "evidence_refs", EXT);
    String source = f.optional(b, "source", EXT).orElse("stix");
    f.throwIfAny();
    return new Incident(
        o.id(),
        name,
        description,
        details,
        status.get(),
        determination,
        firstSeen,
        location,
        entities,
        history,
        evidence,
        o.objectMarkingRefs(),
        o.createdByRef(),
        source);
  }

  private static List<StatusStep> history(JsonNode b, JsonFields f) {
    JsonNode h = b.get("status_history");
    List<StatusStep> steps = new ArrayList<>();
    if (h == null || !h.isArray() || h.isEmpty()) {
      f.problem(EXT + "/status_history", "required: a non-empty list of {status, by, at}");
      return steps;
    }
    for (int i = 0; i < h.size(); i++) {
      String p = EXT + "/status_history/" + i;
      Optional<Status> s = Status.ofSlug(f.required(h.get(i), "status", p));
      String by = f.required(h.get(i), "by", p);
      Instant at = instant(f.required(h.get(i), "at", p), p + "/at", f);
      if (s.isEmpty()) {
        f.problem(p + "/status", "not a lifecycle status");
      } else if (!by.isBlank() && at != null) {
        steps.add(new StatusStep(s.get(), by, at));
      }
    }
    return steps;
  }

  private static Determination determination(JsonNode json, JsonFields f) {
    JsonNode core = json.path("extensions").path(BulwarkExtensions.INCIDENT_CORE);
    if (!core.isObject()) {
      return Determination.SUSPECTED;
    }
    String p = "/extensions/" + BulwarkExtensions.INCIDENT_CORE;
    String d = f.required(core, "determination", p);
    Optional<Determination> det = Determination.ofSlug(d);
    if (det.isEmpty() && !d.isEmpty()) {
      f.problem(p + "/determination", "not in incident-determination-enum");
    }
    return det.orElse(Determination.SUSPECTED);
  }

  private static Optional<GeoPoint> location(JsonNode b, JsonFields f) {
    if (!b.has("location")) {
      return Optional.empty();
    }
    JsonNode l = f.object(b, "location", EXT);
    String p = EXT + "/location";
    Optional<Double> lat = f.number(l, "latitude", p, -90, 90);
    Optional<Double> lon = f.number(l, "longitude", p, -180, 180);
    if (lat.isEmpty() || lon.isEmpty()) {
      f.problem(p, "needs latitude and longitude in range");
      return Optional.empty();
    }
    return Optional.of(new GeoPoint(lat.get(), lon.get()));
  }

  private static Instant instant(String s, String path, JsonFields f) {
    if (s.isEmpty()) {
      return null;
    }
    if (!StixTimestamps.isValid(s)) {
      f.problem(path, "not a STIX timestamp (RFC 3339, UTC, Z)");
      return null;
    }
    return Instant.ofEpochMilli(StixTimestamps.toMillis(s));
  }

  private static void strings(ObjectNode o, String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
  }
}
