package dev.bulwark.node.incidents;

import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.kinds.KindFields;
import dev.bulwark.incidents.lifecycle.Lifecycle;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.incidents.stix.IncidentVersions;
import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

  /** The new incident of a form (validated field by field, by the library's kind rules). */
  static ObjectNode incident(JsonNode form, Markings m, String by, long nowMillis)
      throws FormError {
    return IncidentStix.firstVersion(
            reported(form, m, by, nowMillis), Instant.ofEpochMilli(nowMillis))
        .json();
  }

  /** The register entry of a form, before it becomes STIX. */
  static Incident reported(JsonNode form, Markings m, String by, long nowMillis) throws FormError {
    String name = text(form, "name", 1, 300);
    String description = text(form, "description", 0, MAX_TEXT);
    Optional<ActKind> kind = ActKind.ofSlug(form.path("kind").asString(""));
    if (kind.isEmpty()) {
      throw new FormError("$.kind", "must be one of " + RegisterStix.KINDS);
    }
    String stamp = RegisterStix.stamp(nowMillis);
    Instant firstSeen =
        Instant.ofEpochMilli(StixTimestamps.toMillis(time(form, "first_seen", stamp)));
    Optional<GeoPoint> location = Optional.empty();
    JsonNode at = form.path("location");
    if (at.isObject()) {
      double lat = at.path("lat").asDouble(Double.NaN);
      double lon = at.path("lon").asDouble(Double.NaN);
      if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
        throw new FormError("$.location", "needs lat in [-90, 90] and lon in [-180, 180]");
      }
      location = Optional.of(new GeoPoint(lat, lon));
    }
    JsonNode fields = form.path("kind_fields");
    if (fields.toString().length() > MAX_TEXT) {
      throw new FormError("$.kind_fields", "at most " + MAX_TEXT + " characters");
    }
    try {
      ActDetails details =
          KindFields.fromJson(
              kind.get(),
              fields.isObject() ? fields : RegisterStix.JSON.createObjectNode(),
              "$.kind_fields");
      return Incident.reported(
          name,
          description,
          details,
          firstSeen,
          location,
          entities(form.path("entities")),
          m.refs(),
          by,
          Instant.ofEpochMilli(nowMillis),
          form.path("source").asString("analyst"));
    } catch (IncidentException e) {
      Problem first = e.problems().get(0);
      throw new FormError(first.path(), first.reason());
    } catch (IllegalArgumentException e) {
      throw new FormError("$", e.getMessage());
    }
  }

  /** The shared entities of a form (imo, mmsi, ip, domain, actor): lists of text. */
  static Entities entities(JsonNode e) throws FormError {
    if (e.isMissingNode() || e.isNull()) {
      return Entities.NONE;
    }
    List<List<String>> lists = new ArrayList<>();
    for (String name : List.of("imo", "mmsi", "ip", "domain", "actor")) {
      List<String> values = new ArrayList<>();
      for (JsonNode n : e.path(name)) {
        String v = n.asString("");
        if (v.isEmpty() || v.length() > 200 || values.size() >= 100) {
          throw new FormError("$.entities." + name, "1 to 100 values of 1 to 200 characters");
        }
        values.add(v);
      }
      lists.add(values);
    }
    return new Entities(lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4));
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
    Status target = Status.ofSlug(to).orElseThrow();
    if (Status.ofSlug(from).filter(f -> Lifecycle.allowed(f, target)).isEmpty()) {
      return Outcome.invalid("$.status", "an incident " + from + " cannot move to " + to);
    }
    StixObject next;
    try {
      next =
          IncidentVersions.transition(
              StixObject.of(held.get().json()), target, p.name(), Instant.ofEpochMilli(now()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Outcome.invalid("$.status", e.getMessage());
    }
    Optional<String> problem =
        writes.store(p, "incident.transition", from + " -> " + to, List.of(next.json()), List.of());
    if (problem.isPresent()) {
      return Outcome.invalid("$", problem.get());
    }
    return detailOf(p, id).map(Outcome::ok).orElseThrow();
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
