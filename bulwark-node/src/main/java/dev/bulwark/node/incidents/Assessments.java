package dev.bulwark.node.incidents;

import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.attribution.Attribution;
import dev.bulwark.incidents.attribution.AttributionStix;
import dev.bulwark.incidents.response.Response;
import dev.bulwark.incidents.response.ResponseOption;
import dev.bulwark.incidents.response.ResponseStatus;
import dev.bulwark.incidents.response.ResponseStix;
import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attributions and measured responses of incidents. Each nation holds its own assessment: an {@code
 * attributed-to} relationship of that nation (its origin), with STIX {@code confidence} and the
 * words policy makers use (ICD 203 estimative term, Admiralty code, state-responsibility level),
 * marked on its own, usually more tightly than the act. A response is an OASIS {@code task} naming
 * the incidents it answers, who decided it, when, and the allies it was coordinated with. Any
 * contributor who may read the incident may add them; every one is audited. Thread-safe.
 */
public final class Assessments {
  private static final Set<String> TARGET_TYPES =
      Set.of("threat-actor", "intrusion-set", "identity");

  private final Register register;

  public Assessments(Register register) {
    this.register = register;
  }

  /** Adds the principal's nation's attribution of an incident. */
  Outcome attribute(NodePrincipal p, String incidentId, JsonNode form) {
    Optional<Seen> incident = register.writable(p, incidentId, "incident.attribute");
    if (incident.isEmpty()) {
      return Outcome.missing("incident " + incidentId);
    }
    if (!Register.mayWrite(p)) {
      register.writes().denied(p, "incident.attribute", List.of(incidentId), "role");
      return Outcome.forbidden("attributing needs the contributor or admin role");
    }
    try {
      Markings m = Markings.parse(form, "$", p.nation());
      List<ObjectNode> objects = attribution(form, incidentId, m, p, register.now());
      Optional<String> problem =
          register.writes().store(p, "incident.attribute", incidentId, objects, m.definitions());
      if (problem.isPresent()) {
        return Outcome.invalid("$", problem.get());
      }
      String relId = objects.get(objects.size() - 1).path("id").asString();
      String targetName = objects.get(0).path("name").asString("");
      return Outcome.created(
          seenAs(p, relId)
              .map(s -> IncidentViews.attribution(s, targetName, register.reads()::marking))
              .orElseGet(() -> stored(relId)));
    } catch (FormError e) {
      return Outcome.invalid(e.where(), e.getMessage());
    }
  }

  /**
   * The attribution's target (a threat-actor, intrusion-set or state identity) and relationship.
   * The form is read here; whether the attribution is valid, and its STIX, are the library's
   * ({@link AttributionStix}), the one rule for every way an attribution comes in.
   */
  static List<ObjectNode> attribution(
      JsonNode form, String incidentId, Markings m, NodePrincipal p, long now) throws FormError {
    JsonNode to = form.path("attributed_to");
    String type = to.path("type").asString("threat-actor");
    if (!TARGET_TYPES.contains(type)) {
      throw new FormError("$.attributed_to.type", "must be one of " + TARGET_TYPES);
    }
    String name = Register.text(to, "name", 1, 200);
    if (!form.path("confidence").isInt()) {
      throw new FormError("$.confidence", "must be an integer from 0 to 100");
    }
    String admiralty = form.path("admiralty_code").asString("").toUpperCase(Locale.ROOT);
    if (admiralty.length() != 2) {
      throw new FormError(
          "$.admiralty_code", "a source-reliability letter and a credibility digit, e.g. B2");
    }
    // the target is the nation's own object, marked as its attribution is
    ObjectNode target =
        RegisterStix.base(
            type,
            RegisterStix.derivedId(type, p.nation() + "|" + m.refs() + "|" + name),
            "2026-12-01T00:00:00.000Z",
            m.refs());
    target.put("name", name);
    if ("identity".equals(type)) {
      target.put("identity_class", "organization");
    }
    Attribution a =
        new Attribution(
            incidentId,
            target.path("id").asString(),
            form.path("confidence").asInt(),
            RegisterStix.machinetag(form.path("estimative_term").asString("")),
            admiralty.substring(0, 1),
            admiralty.substring(1),
            form.path("state_responsibility").asString(""),
            p.nation(),
            Register.text(form, "rationale", 0, Register.MAX_TEXT),
            m.refs(),
            Optional.of(RegisterStix.authorIdentity(p.nation())));
    List<Problem> problems = AttributionStix.check(a);
    if (!problems.isEmpty()) {
      throw formError(problems.get(0));
    }
    StixObject rel = AttributionStix.relationship(a, Instant.ofEpochMilli(now));
    return List.of(target, rel.json());
  }

  /** Where a problem the library found is on the node's forms. */
  private static FormError formError(Problem problem) {
    String property = problem.path().substring(problem.path().lastIndexOf('/') + 1);
    return switch (property) {
      case "estimative_term" ->
          new FormError("$.estimative_term", "must be one of " + RegisterStix.ESTIMATIVE_TERMS);
      case "admiralty_reliability", "admiralty_credibility" ->
          new FormError("$.admiralty_code", problem.reason());
      case "state_responsibility" ->
          new FormError(
              "$.state_responsibility", "must be one of " + RegisterStix.STATE_RESPONSIBILITY);
      case "confidence", "coordinated_with", "decided_by" ->
          new FormError("$." + property, problem.reason());
      default -> new FormError("$", problem.path() + ": " + problem.reason());
    };
  }

  /** Logs a measured response to an incident. */
  Outcome respond(NodePrincipal p, String incidentId, JsonNode form) {
    Optional<Seen> incident = register.writable(p, incidentId, "incident.respond");
    if (incident.isEmpty()) {
      return Outcome.missing("incident " + incidentId);
    }
    if (!Register.mayWrite(p)) {
      register.writes().denied(p, "incident.respond", List.of(incidentId), "role");
      return Outcome.forbidden("logging a response needs the contributor or admin role");
    }
    try {
      Markings m = Markings.parse(form, "$", p.nation());
      ObjectNode task = task(form, List.of(incidentId), m, p, register.now());
      Optional<String> problem =
          register
              .writes()
              .store(
                  p,
                  "incident.respond",
                  form.path("option").asString(""),
                  List.of(task),
                  m.definitions());
      if (problem.isPresent()) {
        return Outcome.invalid("$", problem.get());
      }
      String taskId = task.path("id").asString();
      return Outcome.created(
          seenAs(p, taskId)
              .map(s -> IncidentViews.response(s, register.reads()::marking))
              .orElseGet(() -> stored(taskId)));
    } catch (FormError e) {
      return Outcome.invalid(e.where(), e.getMessage());
    }
  }

  /**
   * The OASIS task of a response form: the form is read here; the vocabularies, the rules and the
   * STIX are the library's ({@link ResponseStix}).
   */
  static ObjectNode task(
      JsonNode form, List<String> incidentIds, Markings m, NodePrincipal p, long now)
      throws FormError {
    String optionSlug = form.path("option").asString("");
    ResponseOption option =
        ResponseOption.ofSlug(optionSlug)
            .orElseThrow(
                () -> new FormError("$.option", "must be one of " + RegisterStix.RESPONSE_OPTIONS));
    ResponseStatus status =
        ResponseStatus.ofSlug(form.path("status").asString("proposed"))
            .orElseThrow(
                () ->
                    new FormError("$.status", "must be one of " + RegisterStix.RESPONSE_STATUSES));
    String stamp = RegisterStix.stamp(now);
    String decidedAt = Register.time(form, "decided_at", stamp);
    List<String> allies = new ArrayList<>();
    form.path("coordinated_with").forEach(n -> allies.add(n.asString("").toUpperCase(Locale.ROOT)));
    String decidedBy = Register.text(form, "decided_by", 0, 200);
    Response r =
        new Response(
            incidentIds,
            option,
            decidedBy.isEmpty() ? p.name() : decidedBy,
            Instant.ofEpochMilli(StixTimestamps.toMillis(decidedAt)),
            allies,
            status,
            Register.text(form, "outcome_text", 0, Register.MAX_TEXT),
            m.refs());
    List<Problem> problems = ResponseStix.check(r);
    if (!problems.isEmpty()) {
      throw formError(problems.get(0));
    }
    String name = Register.text(form, "name", 0, 300);
    return ResponseStix.task(
            r,
            StixIds.random("task"),
            name.isEmpty() ? optionSlug.replace('-', ' ') : name,
            Register.text(form, "description", 0, Register.MAX_TEXT),
            Optional.of(RegisterStix.authorIdentity(p.nation())),
            Instant.ofEpochMilli(now))
        .json();
  }

  /**
   * What the reader may see about an incident besides itself: attributions side by side (one list
   * per nation) and responses. Computed over the reader's readable objects only.
   */
  ObjectNode aboutIncident(NodePrincipal p, String incidentId) {
    RegisterReads reads = register.reads();
    Viewer v = reads.viewer(p, RegisterReads.COLLECTION);
    List<Seen> all =
        reads.latest(
            v,
            RegisterReads.COLLECTION,
            Set.of("relationship", "task", "threat-actor", "intrusion-set", "identity"));
    Map<String, String> names = new HashMap<>();
    for (Seen s : all) {
      if (TARGET_TYPES.contains(s.type())) {
        names.put(s.id(), s.json().path("name").asString(""));
      }
    }
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    ObjectNode byNation = out.putObject("attributions");
    ArrayNode responses = out.putArray("responses");
    List<Seen> tasks = new ArrayList<>();
    for (Seen s : all) {
      JsonNode o = s.json();
      if ("relationship".equals(s.type())
          && "attributed-to".equals(o.path("relationship_type").asString(""))
          && incidentId.equals(o.path("source_ref").asString(""))) {
        // grouped by provenance, which the store keeps, not by what the object claims
        String nation = s.header().originNation();
        ArrayNode list =
            byNation.has(nation) ? (ArrayNode) byNation.get(nation) : byNation.putArray(nation);
        list.add(
            IncidentViews.attribution(
                s, names.getOrDefault(o.path("target_ref").asString(""), ""), reads::marking));
      } else if ("task".equals(s.type()) && names(s).contains(incidentId)) {
        tasks.add(s);
      }
    }
    tasks.sort(Comparator.comparing(t -> t.json().path("created").asString("")));
    tasks.forEach(t -> responses.add(IncidentViews.response(t, reads::marking)));
    return out;
  }

  private static List<String> names(Seen task) {
    List<String> out = new ArrayList<>();
    task.json()
        .path("extensions")
        .path(RegisterStix.RESPONSE_EXTENSION)
        .path("subject_refs")
        .forEach(n -> out.add(n.asString("")));
    return out;
  }

  /** The answer for an object its author may not read back (marked for others only). */
  private static ObjectNode stored(String id) {
    return RegisterStix.JSON.createObjectNode().put("id", id).put("stored", true);
  }

  private Optional<Seen> seenAs(NodePrincipal p, String id) {
    RegisterReads reads = register.reads();
    return reads.get(reads.viewer(p, RegisterReads.COLLECTION), RegisterReads.COLLECTION, id);
  }
}
