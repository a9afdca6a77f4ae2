package dev.bulwark.node.incidents;

import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Promotes a maritime alert to a register incident, and shows an incident's evidence. The alert is
 * read from the store as STIX (its incident in the maritime collection, through the reader's gate),
 * never through the maritime watch; the alert, its vessel, the evidence note with the track, the
 * infrastructure asset, location and sighting stay where they are and are named as the new
 * incident's evidence. The new incident carries exactly the alert's markings (never wider), so only
 * a principal of the alert's origin nation may promote it (a marking's definition resolves only for
 * its own origin). Thread-safe.
 */
public final class Promotion {
  private static final List<String> EVIDENCE_REFS =
      List.of("vessel_ref", "asset_ref", "evidence_ref", "location_ref", "sighting_ref");

  private final Register register;
  private final AccessPolicy policy;
  private final String maritimeCollection;

  public Promotion(Register register, AccessPolicy policy, String maritimeCollection) {
    this.register = register;
    this.policy = policy;
    this.maritimeCollection = maritimeCollection;
  }

  /** Promotes the alert incident {@code alert_incident_id}; answers the new incident. */
  Outcome promote(NodePrincipal p, JsonNode form) {
    String alertId = form.path("alert_incident_id").asString("");
    RegisterReads reads = register.reads();
    Optional<Seen> alert =
        StixIds.isIdentifier(alertId)
            ? reads.get(reads.viewer(p, maritimeCollection), maritimeCollection, alertId)
            : Optional.empty();
    JsonNode maritime =
        alert.map(a -> a.json().path("extensions").path(MaritimeExtension.ID)).orElse(null);
    if (alert.isEmpty()
        || maritime == null
        || !"alert".equals(maritime.path("subject").asString(""))) {
      register.writes().denied(p, "incident.promote", List.of(), "no such alert " + alertId);
      return Outcome.missing("maritime alert " + alertId);
    }
    if (!Register.mayWrite(p)) {
      register.writes().denied(p, "incident.promote", List.of(alertId), "role");
      return Outcome.forbidden("promoting needs the contributor or admin role");
    }
    String origin = alert.get().header().originNation();
    if (!origin.equals(p.nation())) {
      register.writes().denied(p, "incident.promote", List.of(alertId), "not of the origin");
      return Outcome.forbidden("only principals of " + origin + " promote its alerts");
    }
    String kind = form.path("kind").asString("sabotage-undersea");
    if (!RegisterStix.KINDS.contains(kind)) {
      return Outcome.invalid("$.kind", "must be one of " + RegisterStix.KINDS);
    }
    List<String> refs = alert.get().header().markingRefs();
    Optional<List<StixObject>> definitions = policy.resolveAll(refs, origin);
    if (definitions.isEmpty()) {
      return Outcome.missing("maritime alert " + alertId);
    }
    // the alert's own definitions travel with the incident, so that peers resolve its markings
    List<StixObject> own = new ArrayList<>();
    for (StixObject d : definitions.get()) {
      if (Tlp.fromMarkingId(d.id()).isEmpty()) {
        own.add(d);
      }
    }
    ObjectNode incident;
    try {
      incident =
          incident(alert.get().json(), maritime, kind, refs, p.name(), assetKind(p, maritime));
    } catch (FormError e) {
      return Outcome.invalid(e.where(), e.getMessage());
    }
    Optional<String> problem =
        register.writes().store(p, "incident.promote", alertId, List.of(incident), own);
    if (problem.isPresent()) {
      return Outcome.invalid("$", problem.get());
    }
    return register
        .detailOf(p, incident.path("id").asString())
        .map(Outcome::created)
        .orElseGet(
            () ->
                Outcome.created(
                    RegisterStix.JSON
                        .createObjectNode()
                        .put("id", incident.path("id").asString())));
  }

  private ObjectNode incident(
      JsonNode alert, JsonNode m, String kind, List<String> refs, String by, String assetKind)
      throws FormError {
    ObjectNode form = RegisterStix.JSON.createObjectNode();
    form.put("name", "Promoted alert: " + alert.path("name").asString("maritime alert"));
    form.put("description", alert.path("description").asString(m.path("summary").asString("")));
    form.put("kind", kind);
    form.put("first_seen", m.path("start").asString(alert.path("created").asString()));
    if (m.has("end")) {
      form.put("last_seen", m.path("end").asString());
    }
    if (m.path("latitude").isNumber() && m.path("longitude").isNumber()) {
      form.putObject("location")
          .put("lat", m.path("latitude").asDouble())
          .put("lon", m.path("longitude").asDouble());
    }
    ObjectNode fields = form.putObject("kind_fields");
    if ("sabotage-undersea".equals(kind)) {
      fields.put("asset_type", assetKind.contains("pipeline") ? "pipeline" : "cable");
      fields.put("asset_name", m.path("asset_name").asString("unknown asset"));
      fields.put("damage", "to be assessed (promoted " + m.path("kind").asString("") + " alert)");
    } else {
      fields.put("summary", m.path("summary").asString("promoted maritime alert"));
    }
    Incident reported = Register.reported(form, new Markings(refs, List.of()), by, register.now());
    List<String> evidence = new ArrayList<>();
    evidence.add(alert.path("id").asString());
    for (String ref : EVIDENCE_REFS) {
      if (m.path(ref).isString()) {
        evidence.add(m.path(ref).asString());
      }
    }
    Incident promoted =
        new Incident(
            reported.id(),
            reported.name(),
            reported.description(),
            reported.details(),
            reported.status(),
            reported.determination(),
            reported.firstSeen(),
            reported.location(),
            new Entities(
                List.of(),
                List.of(String.valueOf(m.path("mmsi").asInt(0))),
                List.of(),
                List.of(),
                List.of()),
            reported.history(),
            evidence,
            reported.markings(),
            reported.createdBy(),
            "maritime-alert");
    ObjectNode o = IncidentStix.firstVersion(promoted, Instant.ofEpochMilli(register.now())).json();
    return o;
  }

  /** The kind of the alert's asset (power-cable, pipeline, ...), read through the same gate. */
  private String assetKind(NodePrincipal p, JsonNode m) {
    String ref = m.path("asset_ref").asString("");
    if (!StixIds.isIdentifier(ref)) {
      return "";
    }
    RegisterReads reads = register.reads();
    return reads
        .get(reads.viewer(p, maritimeCollection), maritimeCollection, ref)
        .map(a -> a.json().path("extensions").path(MaritimeExtension.ID).path("asset_kind"))
        .map(k -> k.asString(""))
        .orElse("");
  }

  /**
   * The evidence of an incident that the reader may see: each named object read through the gate
   * (from the register's collection or the maritime one), with the track when the evidence note
   * carries one. What the reader may not see is left out, unnamed.
   */
  ArrayNode evidence(NodePrincipal p, Seen incident) {
    RegisterReads reads = register.reads();
    Viewer maritime = reads.viewer(p, maritimeCollection);
    Viewer own = reads.viewer(p, RegisterReads.COLLECTION);
    ArrayNode out = RegisterStix.JSON.createArrayNode();
    for (JsonNode ref : RegisterStix.ext(incident.json()).path("evidence_refs")) {
      String id = ref.asString("");
      if (!StixIds.isIdentifier(id)) {
        continue;
      }
      Optional<Seen> s = reads.get(maritime, maritimeCollection, id);
      String collection = maritimeCollection;
      if (s.isEmpty()) {
        s = reads.get(own, RegisterReads.COLLECTION, id);
        collection = RegisterReads.COLLECTION;
      }
      if (s.isEmpty()) {
        continue;
      }
      JsonNode o = s.get().json();
      ObjectNode e = out.addObject();
      e.put("id", id);
      e.put("type", s.get().type());
      e.put("collection", collection);
      e.put(
          "name",
          o.path("name").asString(o.path("abstract").asString(o.path("description").asString(""))));
      JsonNode track = o.path("extensions").path(MaritimeExtension.ID).path("track");
      if (track.isObject()) {
        e.set("track", track);
      }
    }
    return out;
  }
}
