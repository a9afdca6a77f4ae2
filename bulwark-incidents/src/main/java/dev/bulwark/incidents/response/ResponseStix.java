package dev.bulwark.incidents.response;

import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.JsonFields;
import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Response} as an OASIS {@code task} (the task new-SDO extension, {@code task_types}
 * {@code ["measured-response"]}, {@code outcome}, {@code start_time} = decided at) with the Bulwark
 * response extension. The incident's next version lists the task in its incident-core {@code tasks}
 * (the caller writes that version). Stateless and thread-safe.
 */
public final class ResponseStix {

  private static final String EXT = "/extensions/" + BulwarkExtensions.RESPONSE;
  private static final Set<String> SUBJECTS = Set.of("incident", "campaign");
  private static final Pattern NATION = Pattern.compile("[A-Z]{3}");

  private ResponseStix() {}

  /** The response as a first-version task, named after its option and who decided it. */
  public static StixObject task(Response r, Instant now) {
    return task(
        r,
        StixIds.random("task"),
        r.option().slug() + " decided by " + r.decidedBy(),
        "",
        Optional.empty(),
        now);
  }

  /**
   * Every problem of a response the vocabularies cannot catch, with the property it is about: the
   * subjects must be incident or campaign ids, the allies ISO 3166 alpha-3 codes, who decided
   * named.
   */
  public static List<Problem> check(Response r) {
    List<Problem> p = new ArrayList<>();
    for (String s : r.subjectRefs()) {
      if (!StixIds.isIdentifier(s) || !SUBJECTS.contains(StixIds.typeOf(s))) {
        p.add(new Problem(EXT + "/subject_refs", "'" + s + "' is no incident or campaign id"));
      }
    }
    for (String c : r.coordinatedWith()) {
      if (!NATION.matcher(c).matches()) {
        p.add(
            new Problem(EXT + "/coordinated_with", "'" + c + "' is not an ISO 3166 alpha-3 code"));
      }
    }
    if (r.decidedBy().isBlank() || r.decidedBy().length() > 200) {
      p.add(new Problem(EXT + "/decided_by", "needs 1 to 200 characters"));
    }
    return p;
  }

  /**
   * The response as a first-version task with the given id, name, description (may be empty) and
   * author.
   *
   * @throws IncidentException with every problem of {@link #check}
   */
  public static StixObject task(
      Response r,
      String id,
      String name,
      String description,
      Optional<String> createdBy,
      Instant now) {
    List<Problem> problems = check(r);
    if (!problems.isEmpty()) {
      throw new IncidentException(problems);
    }
    ObjectNode taskExt = JsonNodeFactory.instance.objectNode().put("extension_type", "new-sdo");
    ObjectNode ext = JsonNodeFactory.instance.objectNode();
    ext.put("extension_type", "property-extension");
    ext.put("option", r.option().slug());
    ext.put("decided_by", r.decidedBy());
    ext.put("decided_at", StixTimestamps.formatMillis(r.decidedAt()));
    r.coordinatedWith().forEach(ext.putArray("coordinated_with")::add);
    if (r.coordinatedWith().isEmpty()) {
      ext.putArray("coordinated_with");
    }
    ext.put("status", r.status().slug());
    if (!r.outcomeText().isEmpty()) {
      ext.put("outcome_text", r.outcomeText());
    }
    r.subjectRefs().forEach(ext.putArray("subject_refs")::add);
    StixBuilder b =
        StixBuilder.of("task", id)
            .put("name", name)
            .strings("task_types", List.of("measured-response"))
            .put("outcome", r.status().taskOutcome())
            .put("start_time", StixTimestamps.formatMillis(r.decidedAt()));
    if (!description.isEmpty()) {
      b.put("description", description);
    }
    createdBy.ifPresent(b::createdBy);
    if (!r.markings().isEmpty()) {
      b.markings(r.markings());
    }
    b.extension(BulwarkExtensions.TASK, taskExt).extension(BulwarkExtensions.RESPONSE, ext);
    String ts = StixTimestamps.formatMillis(now);
    return StixVersions.stamped(b.json(), ts, ts);
  }

  /**
   * The response a task states.
   *
   * @throws IncidentException with every problem
   */
  public static Response fromStix(StixObject o) {
    JsonNode ext = o.json().path("extensions").path(BulwarkExtensions.RESPONSE);
    if (!o.type().equals("task") || !ext.isObject()) {
      throw new IncidentException(EXT, "a task with the Bulwark response extension is required");
    }
    JsonFields f = new JsonFields();
    String option = f.required(ext, "option", EXT);
    String status = f.required(ext, "status", EXT);
    String decidedAt = f.required(ext, "decided_at", EXT);
    if (!option.isEmpty() && ResponseOption.ofSlug(option).isEmpty()) {
      f.problem(EXT + "/option", "not a response option");
    }
    if (!status.isEmpty() && ResponseStatus.ofSlug(status).isEmpty()) {
      f.problem(EXT + "/status", "not a response status");
    }
    if (!decidedAt.isEmpty() && !StixTimestamps.isValid(decidedAt)) {
      f.problem(EXT + "/decided_at", "not a STIX timestamp");
    }
    List<String> subjects = f.strings(ext, "subject_refs", EXT);
    if (subjects.isEmpty()) {
      f.problem(EXT + "/subject_refs", "at least one incident or campaign");
    }
    String by = f.required(ext, "decided_by", EXT);
    List<String> allies = f.strings(ext, "coordinated_with", EXT);
    String outcome = f.optional(ext, "outcome_text", EXT).orElse("");
    f.throwIfAny();
    Response r =
        new Response(
            subjects,
            ResponseOption.ofSlug(option).orElseThrow(),
            by,
            Instant.ofEpochMilli(StixTimestamps.toMillis(decidedAt)),
            allies,
            ResponseStatus.ofSlug(status).orElseThrow(),
            outcome,
            o.objectMarkingRefs());
    List<Problem> problems = check(r);
    if (!problems.isEmpty()) {
      throw new IncidentException(problems);
    }
    return r;
  }
}
