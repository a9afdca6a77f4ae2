package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
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
   */
  static List<ObjectNode> attribution(
      JsonNode form, String incidentId, Markings m, NodePrincipal p, long now) throws FormError {
    JsonNode to = form.path("attributed_to");
    String type = to.path("type").asString("threat-actor");
    if (!TARGET_TYPES.contains(type)) {
      throw new FormError("$.attributed_to.type", "must be one of " + TARGET_TYPES);
    }
    String name = Register.text(to, "name", 1, 200);
    int confidence = form.path("confidence").asInt(-1);
    if (!form.path("confidence").isInt() || confidence < 0 || confidence > 100) {
      throw new FormError("$.confidence", "must be an integer from 0 to 100");
    }
    String term = form.path("estimative_term").asString("");
    if (!RegisterStix.ESTIMATIVE_TERMS.contains(term)) {
      throw new FormError("$.estimative_term", "must be one of " + RegisterStix.ESTIMATIVE_TERMS);
    }
    String admiralty = form.path("admiralty_code").asString("").toUpperCase(Locale.ROOT);
    if (!admiralty.matches("[A-F][1-6]")) {
      throw new FormError("$.admiralty_code", "must be a source letter A-F and a digit 1-6");
    }
    String level = form.path("state_responsibility").asString("");
    if (!level.isEmpty() && !RegisterStix.STATE_RESPONSIBILITY.contains(level)) {
      throw new FormError(
          "$.state_responsibility", "must be one of " + RegisterStix.STATE_RESPONSIBILITY);
    }
    String stamp = RegisterStix.stamp(now);
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
    ObjectNode rel =
        RegisterStix.base("relationship", StixIds.random("relationship"), stamp, m.refs());
    rel.put("relationship_type", "attributed-to");
    rel.put("source_ref", incidentId);
    rel.put("target_ref", target.path("id").asString());
    rel.put("confidence", confidence);
    rel.put("created_by_ref", RegisterStix.authorIdentity(p.nation()));
    ObjectNode ext =
        rel.putObject("extensions")
            .putObject(RegisterStix.ATTRIBUTION_EXTENSION)
            .put("extension_type", "property-extension");
    ext.put("assessing_nation", p.nation());
    ext.put("estimative_term", RegisterStix.machinetag(term));
    ext.put("admiralty_reliability", admiralty.substring(0, 1));
    ext.put("admiralty_credibility", admiralty.substring(1));
    if (!level.isEmpty()) {
      ext.put("state_responsibility", level);
    }
    String rationale = Register.text(form, "rationale", 0, Register.MAX_TEXT);
    if (!rationale.isEmpty()) {
      ext.put("rationale", rationale);
    }
    return List.of(target, rel);
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

  /** The OASIS task of a response form. */
  static ObjectNode task(
      JsonNode form, List<String> incidentIds, Markings m, NodePrincipal p, long now)
      throws FormError {
    String option = form.path("option").asString("");
    if (!RegisterStix.RESPONSE_OPTIONS.contains(option)) {
      throw new FormError("$.option", "must be one of " + RegisterStix.RESPONSE_OPTIONS);
    }
    String status = form.path("status").asString("proposed");
    if (!RegisterStix.RESPONSE_STATUSES.contains(status)) {
      throw new FormError("$.status", "must be one of " + RegisterStix.RESPONSE_STATUSES);
    }
    String stamp = RegisterStix.stamp(now);
    ObjectNode t = RegisterStix.base("task", StixIds.random("task"), stamp, m.refs());
    String name = Register.text(form, "name", 0, 300);
    t.put("name", name.isEmpty() ? option.replace('-', ' ') : name);
    String description = Register.text(form, "description", 0, Register.MAX_TEXT);
    if (!description.isEmpty()) {
      t.put("description", description);
    }
    t.putArray("task_types").add("measured-response");
    t.put("outcome", outcome(status));
    t.put("created_by_ref", RegisterStix.authorIdentity(p.nation()));
    String decidedAt = Register.time(form, "decided_at", stamp);
    t.put("start_time", decidedAt);
    ObjectNode exts = t.putObject("extensions");
    exts.putObject(RegisterStix.TASK_EXTENSION).put("extension_type", "new-sdo");
    ObjectNode ext =
        exts.putObject(RegisterStix.RESPONSE_EXTENSION).put("extension_type", "property-extension");
    ext.put("option", option);
    String decidedBy = Register.text(form, "decided_by", 0, 200);
    ext.put("decided_by", decidedBy.isEmpty() ? p.name() : decidedBy);
    ext.put("decided_at", decidedAt);
    ArrayNode allies = ext.putArray("coordinated_with");
    for (JsonNode n : form.path("coordinated_with")) {
      String code = n.asString("").toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{3}")) {
        throw new FormError("$.coordinated_with", "'" + n.asString("") + "' is not an ISO code");
      }
      allies.add(code);
    }
    ext.put("status", status);
    String outcomeText = Register.text(form, "outcome_text", 0, Register.MAX_TEXT);
    if (!outcomeText.isEmpty()) {
      ext.put("outcome_text", outcomeText);
    }
    ArrayNode refs = ext.putArray("subject_refs");
    incidentIds.forEach(refs::add);
    return t;
  }

  /** The OASIS task outcome of a response status. */
  static String outcome(String status) {
    return switch (status) {
      case "in-progress" -> "ongoing";
      case "done" -> "successful";
      case "abandoned" -> "cancelled";
      default -> "pending";
    };
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
