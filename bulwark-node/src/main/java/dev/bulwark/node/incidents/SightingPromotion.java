package dev.bulwark.node.incidents;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Promotes a cyber sighting to a register incident of kind {@code cyberattack}. The sighting (and
 * its indicator, for the title) is read from the store through the reader's gate, never through the
 * cyber feature; one the reader may not read is answered exactly as a missing one (404, nothing
 * written). The incident names the sighting and its indicator as evidence. It reveals the sighting,
 * so its markings are no wider: by default exactly the sighting's; a chosen marking is accepted
 * only when every reader it admits may also read the sighting (decided with the node's own {@link
 * ReleaseRule}, nation by nation), otherwise refused with nothing written. Only principals of the
 * sighting's origin nation promote (a marking's definition resolves only for its origin).
 * Thread-safe.
 */
public final class SightingPromotion {
  private static final String OUTSIDER = "ZZZ";

  private final Register register;
  private final AccessPolicy policy;
  private final String sightingCollection;
  private final List<String> indicatorCollections;

  /**
   * @param sightingCollection where the cyber sightings are ({@code bulwark.cyber.collection})
   * @param indicatorCollections where their indicators are, read for the title only
   */
  public SightingPromotion(
      Register register,
      AccessPolicy policy,
      String sightingCollection,
      List<String> indicatorCollections) {
    this.register = register;
    this.policy = policy;
    this.sightingCollection = sightingCollection;
    this.indicatorCollections = List.copyOf(indicatorCollections);
  }

  /** Promotes the sighting {@code sighting_id}; answers the new incident. */
  Outcome promote(NodePrincipal p, JsonNode form) {
    String id = form.path("sighting_id").asString("");
    RegisterReads reads = register.reads();
    Optional<Seen> sighting =
        StixIds.isIdentifier(id) && id.startsWith("sighting--")
            ? reads.get(reads.viewer(p, sightingCollection), sightingCollection, id)
            : Optional.empty();
    if (sighting.isEmpty()) {
      register.writes().denied(p, "incident.promote-sighting", List.of(), "no such sighting");
      return Outcome.missing("such sighting");
    }
    if (!Register.mayWrite(p)) {
      register.writes().denied(p, "incident.promote-sighting", List.of(id), "role");
      return Outcome.forbidden("promoting needs the contributor or admin role");
    }
    String origin = sighting.get().header().originNation();
    if (!origin.equals(p.nation())) {
      register.writes().denied(p, "incident.promote-sighting", List.of(id), "not of the origin");
      return Outcome.forbidden("only principals of " + origin + " promote its sightings");
    }
    List<String> sightingRefs = sighting.get().header().markingRefs();
    Optional<List<StixObject>> sightingDefs = policy.resolveAll(sightingRefs, origin);
    if (sightingDefs.isEmpty()) {
      return Outcome.missing("such sighting");
    }
    Markings markings;
    try {
      markings = chosen(form, p.nation(), origin, sightingRefs, sightingDefs.get());
    } catch (FormError e) {
      register.writes().denied(p, "incident.promote-sighting", List.of(id), e.getMessage());
      return Outcome.invalid(e.where(), e.getMessage());
    }
    ObjectNode incident;
    try {
      incident = incident(p, sighting.get().json(), markings);
    } catch (FormError e) {
      return Outcome.invalid(e.where(), e.getMessage());
    }
    Optional<String> problem =
        register
            .writes()
            .store(p, "incident.promote-sighting", id, List.of(incident), markings.definitions());
    if (problem.isPresent()) {
      return Outcome.invalid("$", problem.get());
    }
    String incidentId = incident.path("id").asString();
    return register
        .detailOf(p, incidentId)
        .map(Outcome::created)
        .orElseGet(
            () -> Outcome.created(RegisterStix.JSON.createObjectNode().put("id", incidentId)));
  }

  /** The incident's markings: the sighting's own, or the form's when no wider than them. */
  private Markings chosen(
      JsonNode form, String nation, String origin, List<String> refs, List<StixObject> defs)
      throws FormError {
    JsonNode m = form.path("marking");
    if (m.isMissingNode() || m.isNull()) {
      List<StixObject> own = new ArrayList<>();
      for (StixObject d : defs) {
        if (Tlp.fromMarkingId(d.id()).isEmpty()) {
          own.add(d);
        }
      }
      return new Markings(refs, own);
    }
    Markings wanted = Markings.parse(form, "$", nation);
    List<StixObject> wantedDefs = new ArrayList<>();
    for (String ref : wanted.refs()) {
      Optional<StixObject> d =
          Tlp.fromMarkingId(ref)
              .map(Tlp::definition)
              .or(() -> wanted.definitions().stream().filter(x -> x.id().equals(ref)).findFirst());
      if (d.isEmpty()) {
        throw new FormError("$.marking", "cannot be resolved");
      }
      wantedDefs.add(d.get());
    }
    for (Reader r : readers(origin, nation, defs, wantedDefs)) {
      boolean incident = ReleaseRule.mayRead(r, nation, wantedDefs, ReleaseRule.ORIGIN_ONLY);
      boolean seen = ReleaseRule.mayRead(r, origin, defs, ReleaseRule.ORIGIN_ONLY);
      if (incident && !seen) {
        String who = r.authenticated() ? r.nation() : "the public";
        throw new FormError(
            "$.marking",
            "wider than the sighting's markings ("
                + who
                + " could read the incident but not the sighting); leave it out to use the"
                + " sighting's own");
      }
    }
    return wanted;
  }

  /**
   * Every kind of reader the two markings can tell apart: the public, the origins, each nation
   * either names (groups expanded) and one nation neither names.
   */
  private static List<Reader> readers(
      String origin, String nation, List<StixObject> a, List<StixObject> b) {
    TreeSet<String> nations = new TreeSet<>(List.of(origin, nation, OUTSIDER));
    for (StixObject d : a) {
      ReleasabilityMarking.read(d)
          .ifPresent(r -> r.nations().forEach(n -> nations.addAll(expand(n))));
    }
    for (StixObject d : b) {
      ReleasabilityMarking.read(d)
          .ifPresent(r -> r.nations().forEach(n -> nations.addAll(expand(n))));
    }
    List<Reader> out = new ArrayList<>();
    out.add(Reader.anonymous());
    nations.forEach(n -> out.add(Reader.of(n)));
    return out;
  }

  private static Set<String> expand(String code) {
    Set<String> s = new TreeSet<>(NationGroups.expand(code));
    s.add(code);
    return s;
  }

  private ObjectNode incident(NodePrincipal p, JsonNode s, Markings m) throws FormError {
    String indicatorId = s.path("sighting_of_ref").asString("");
    String indicator = indicatorName(p, indicatorId);
    ObjectNode form = RegisterStix.JSON.createObjectNode();
    form.put("name", clip("Sighting of " + indicator, 300));
    form.put(
        "description",
        "Promoted from sighting "
            + s.path("id").asString()
            + " of indicator "
            + indicatorId
            + ": seen "
            + s.path("count").asInt(1)
            + " times from "
            + s.path("first_seen").asString("")
            + " to "
            + s.path("last_seen").asString(""));
    form.put("kind", "cyberattack");
    form.put("first_seen", s.path("first_seen").asString(s.path("created").asString()));
    form.putObject("kind_fields").put("vector", "indicator match (" + indicator + ")");
    Incident reported = Register.reported(form, m, p.name(), register.now());
    List<String> evidence = new ArrayList<>(List.of(s.path("id").asString()));
    if (StixIds.isIdentifier(indicatorId)) {
      evidence.add(indicatorId);
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
            reported.entities(),
            reported.history(),
            evidence,
            reported.markings(),
            reported.createdBy(),
            "cyber-sighting");
    ObjectNode o = IncidentStix.firstVersion(promoted, Instant.ofEpochMilli(register.now())).json();
    if (s.path("last_seen").isString()) {
      String last = s.path("last_seen").asString();
      RegisterStix.registerExt(o)
          .put("last_seen", StixTimestamps.formatMillis(StixTimestamps.toMillis(last)));
    }
    return o;
  }

  /** The indicator's name as the promoter may read it, else its id. */
  private String indicatorName(NodePrincipal p, String indicatorId) {
    if (!StixIds.isIdentifier(indicatorId)) {
      return "an indicator";
    }
    RegisterReads reads = register.reads();
    for (String c : indicatorCollections) {
      Optional<Seen> i = reads.get(reads.viewer(p, c), c, indicatorId);
      if (i.isPresent()) {
        return i.get().json().path("name").asString(indicatorId);
      }
    }
    return indicatorId;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
