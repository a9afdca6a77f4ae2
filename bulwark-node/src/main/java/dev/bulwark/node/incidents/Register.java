package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register's write actions on incidents: register an act from the analyst's form and move it
 * through the lifecycle (reported → assessed → attributed → responded → closed, forward only, who
 * and when kept in the incident). Nothing is deleted: each step is a new STIX version, audited with
 * the objects. Only a contributor or admin may write; only a principal of the incident's origin
 * nation adds versions to it (the rule of the store), and an incident the principal may not read is
 * missing. Thread-safe.
 */
public final class Register {
  static final int MAX_TEXT = 10_000;

  private final RegisterReads reads;
  private final RegisterWrites writes;
  private final Clock clock;

  public Register(RegisterReads reads, RegisterWrites writes, Clock clock) {
    this.reads = reads;
    this.writes = writes;
    this.clock = clock;
  }

  RegisterReads reads() {
    return reads;
  }

  RegisterWrites writes() {
    return writes;
  }

  long now() {
    return clock.millis();
  }

  /** Registers an act from the form; answers the new incident's detail. */
  Outcome create(NodePrincipal p, JsonNode form) {
    if (!mayWrite(p)) {
      writes.denied(p, "incident.create", List.of(), "needs the contributor or admin role");
      return Outcome.forbidden("registering an act needs the contributor or admin role");
    }
    try {
      Markings m = Markings.parse(form, "$", p.nation());
      ObjectNode incident = incident(form, m, p.name(), now());
      Optional<String> problem =
          writes.store(
              p,
              "incident.create",
              IncidentViews.kind(incident),
              List.of(incident),
              m.definitions());
      if (problem.isPresent()) {
        return Outcome.invalid("$", problem.get());
      }
      return detailOf(p, incident.path("id").asString()).map(Outcome::created).orElseThrow();
    } catch (FormError e) {
      return Outcome.invalid(e.where(), e.getMessage());
    }
  }

  /** The new incident of a form (validated field by field). */
  static ObjectNode incident(JsonNode form, Markings m, String by, long nowMillis)
      throws FormError {
    String name = text(form, "name", 1, 300);
    String description = text(form, "description", 0, MAX_TEXT);
    String kind = form.path("kind").asString("");
    if (!RegisterStix.KINDS.contains(kind)) {
      throw new FormError("$.kind", "must be one of " + RegisterStix.KINDS);
    }
    String stamp = RegisterStix.stamp(nowMillis);
    ObjectNode o = RegisterStix.base("incident", StixIds.random("incident"), stamp, m.refs());
    o.put("name", name);
    if (!description.isEmpty()) {
      o.put("description", description);
    }
    ObjectNode ext = RegisterStix.registerExt(o);
    ext.put("kind", kind);
    ext.put("first_seen", time(form, "first_seen", stamp));
    if (form.has("last_seen")) {
      ext.put("last_seen", time(form, "last_seen", stamp));
    }
    JsonNode at = form.path("location");
    if (at.isObject()) {
      double lat = at.path("lat").asDouble(Double.NaN);
      double lon = at.path("lon").asDouble(Double.NaN);
      if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
        throw new FormError("$.location", "needs lat in [-90, 90] and lon in [-180, 180]");
      }
      ext.putObject("location").put("latitude", lat).put("longitude", lon);
    }
    JsonNode fields = form.path("kind_fields");
    if (!fields.isMissingNode() && !fields.isNull()) {
      if (!fields.isObject() || fields.toString().length() > MAX_TEXT) {
        throw new FormError(
            "$.kind_fields", "must be an object of at most " + MAX_TEXT + " characters");
      }
      ext.set("kind_fields", fields);
    }
    ext.put("source", form.path("source").asString("analyst"));
    RegisterStix.recordStatus(o, "reported", by, nowMillis);
    return o;
  }

  /** Moves an incident forward in its lifecycle. */
  Outcome transition(NodePrincipal p, String id, JsonNode form) {
    String to = form.path("status").asString("");
    if (!RegisterStix.STATUSES.contains(to)) {
      return Outcome.invalid("$.status", "must be one of " + RegisterStix.STATUSES);
    }
    Optional<Seen> held = writable(p, id, "incident.transition");
    if (held.isEmpty()) {
      return Outcome.missing("incident " + id);
    }
    Optional<Outcome> refused = refuseVersioning(p, held.get(), "incident.transition");
    if (refused.isPresent()) {
      return refused.get();
    }
    String from = IncidentViews.status(held.get().json());
    if (!RegisterStix.allowed(from, to)) {
      return Outcome.invalid("$.status", "an incident " + from + " cannot move to " + to);
    }
    ObjectNode next = held.get().json().deepCopy();
    RegisterStix.recordStatus(next, to, p.name(), now());
    return newVersion(p, held.get(), next, "incident.transition", from + " -> " + to);
  }

  /** Stores a new version of an incident the principal may version; answers its detail. */
  Outcome newVersion(NodePrincipal p, Seen held, ObjectNode content, String action, String why) {
    StixObject version =
        StixVersions.newVersion(StixObject.of(held.json()), StixObject.of(content), now());
    Optional<String> problem = writes.store(p, action, why, List.of(version.json()), List.of());
    if (problem.isPresent()) {
      return Outcome.invalid("$", problem.get());
    }
    return detailOf(p, held.id()).map(Outcome::ok).orElseThrow();
  }

  /**
   * The incident for a write: readable by the principal, who must be a contributor or admin;
   * otherwise empty (missing) and the denial audited.
   */
  Optional<Seen> writable(NodePrincipal p, String id, String action) {
    Optional<Seen> held = incidentFor(p, id);
    if (held.isEmpty()) {
      writes.denied(p, action, List.of(), "no such incident " + id);
      return Optional.empty();
    }
    return held;
  }

  /** Why the principal may not add a version to this incident, if it may not. */
  Optional<Outcome> refuseVersioning(NodePrincipal p, Seen held, String action) {
    if (!mayWrite(p)) {
      writes.denied(p, action, List.of(held.id()), "needs the contributor or admin role");
      return Optional.of(Outcome.forbidden("this needs the contributor or admin role"));
    }
    if (!p.nation().equals(held.header().originNation())) {
      writes.denied(p, action, List.of(held.id()), "not of the origin nation");
      return Optional.of(
          Outcome.forbidden(
              "only principals of "
                  + held.header().originNation()
                  + " add versions to this incident; add your own assessment instead"));
    }
    return Optional.empty();
  }

  /** The latest version of an incident the principal may read. */
  Optional<Seen> incidentFor(NodePrincipal p, String id) {
    if (!id.startsWith("incident--") || !StixIds.isIdentifier(id)) {
      return Optional.empty();
    }
    Viewer v = reads.viewer(p, RegisterReads.COLLECTION);
    return reads.get(v, RegisterReads.COLLECTION, id).filter(s -> "incident".equals(s.type()));
  }

  Optional<ObjectNode> detailOf(NodePrincipal p, String id) {
    return incidentFor(p, id).map(s -> IncidentViews.detail(s, reads::marking));
  }

  static boolean mayWrite(NodePrincipal p) {
    return p.has(Role.CONTRIBUTOR) || p.isAdmin();
  }

  static String text(JsonNode form, String field, int min, int max) throws FormError {
    JsonNode n = form.path(field);
    String t = n.isString() ? n.asString() : "";
    if (t.length() < min || t.length() > max) {
      throw new FormError("$." + field, "needs " + min + " to " + max + " characters of text");
    }
    return t;
  }

  static String time(JsonNode form, String field, String otherwise) throws FormError {
    JsonNode n = form.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return otherwise;
    }
    String t = n.asString("");
    if (!StixTimestamps.isValid(t)) {
      throw new FormError("$." + field, "'" + t + "' is not an RFC 3339 UTC timestamp");
    }
    return StixTimestamps.formatMillis(StixTimestamps.toMillis(t));
  }
}
