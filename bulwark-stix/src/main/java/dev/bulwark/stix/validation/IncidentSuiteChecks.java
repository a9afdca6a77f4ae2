package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CLOSED_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.EXTENSION;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_FORMAT;
import static dev.bulwark.stix.validation.Rules.OPEN_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.PROPERTY_TYPE;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;

import dev.bulwark.stix.StixIds;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The rules of the OASIS Incident Extension Suite (incident-core 2.0, {@code
 * cti-stix-common-objects}) that plain STIX 2.1 cannot know: the incident-core property extension
 * on {@code incident} (determination and investigation status required, determination from its
 * enumeration), and the {@code impact} SDO, whose details go in an extension named after its {@code
 * impact_category} ({@code availability}, {@code monetary}, ...) the way a file SCO carries {@code
 * archive-ext}: such a name is a predefined extension of {@code impact}, not a deprecated custom
 * extension.
 *
 * <p>Stateless; thread-safe (findings go to the checker passed in).
 */
final class IncidentSuiteChecks {

  /** The incident-core property extension. */
  static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

  /** The impact new-SDO extension. */
  static final String IMPACT = "extension-definition--7cc33dd6-f6a1-489b-98ea-522d351d71b9";

  /** The suite's impact categories, each the name of the extension carrying its details (2.3.2). */
  static final Set<String> IMPACT_CATEGORIES =
      Set.of(
          "availability",
          "confidentiality",
          "external",
          "integrity",
          "monetary",
          "physical",
          "traceability");

  private static final Set<String> DETERMINATIONS =
      Set.of(
          "blocked",
          "failed-attempt",
          "false-positive",
          "low-value",
          "successful-attempt",
          "suspected");

  private static final Set<String> INVESTIGATION = Set.of("closed", "new", "open");

  /** activity-condition-enum (5.1). */
  private static final Set<String> CONDITIONS = Set.of("optional", "required", "unknown");

  /** activity-transition-enum (5.2). */
  private static final Set<String> TRANSITIONS =
      Set.of("completion", "failure", "success", "unknown");

  /**
   * The suite's sub-object types as they stand alone (no {@code type}): their property names, the
   * section that defines them and where they belong. A file holding one is a fragment of the spec,
   * not a STIX object.
   */
  private static final Map<Set<String>, String> SUB_OBJECTS =
      Map.of(
          Set.of("event_ref", "condition_type", "transition_type"),
          "an event-sequence-entry (OASIS Incident Extension Suite section 3.3), a sub-object of an"
              + " incident-core events[].next_steps list, not a STIX object",
          Set.of("task_ref", "condition_type", "transition_type"),
          "a task-sequence-entry (OASIS Incident Extension Suite section 3.7), a sub-object of an"
              + " incident-core tasks[].next_steps list, not a STIX object",
          Set.of("event_ref", "next_steps"),
          "an event-entry (OASIS Incident Extension Suite section 3.2), a sub-object of an"
              + " incident-core events list, not a STIX object",
          Set.of("task_ref", "next_steps"),
          "a task-entry (OASIS Incident Extension Suite section 3.6), a sub-object of an"
              + " incident-core tasks list, not a STIX object");

  private IncidentSuiteChecks() {}

  /**
   * What a JSON object without {@code type} is when its properties are exactly those of one of the
   * suite's sub-object types (the spec's own examples include such fragments), or empty.
   */
  static Optional<String> subObject(JsonNode o) {
    Set<String> names = new HashSet<>(o.propertyNames());
    for (Map.Entry<Set<String>, String> e : SUB_OBJECTS.entrySet()) {
      if (e.getKey().containsAll(names) && names.containsAll(requiredOf(e.getKey()))) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static Set<String> requiredOf(Set<String> props) {
    Set<String> r = new HashSet<>(props);
    r.remove("next_steps");
    return r;
  }

  /** Whether {@code key} is a predefined extension of an object of {@code ownerType}. */
  static boolean isImpactExtension(String ownerType, String key) {
    return "impact".equals(ownerType) && IMPACT_CATEGORIES.contains(key);
  }

  /** The suite's object-level rules, for any top-level object. */
  static void object(Checker c, JsonNode o, String path, String type) {
    JsonNode exts = o.get("extensions");
    if (exts == null || !exts.isObject()) {
      return;
    }
    JsonNode core = exts.get(INCIDENT_CORE);
    if (core != null && core.isObject()) {
      incidentCore(c, core, path + ".extensions['" + INCIDENT_CORE + "']", type);
    }
    if ("impact".equals(type) && exts.has(IMPACT)) {
      impact(c, o, exts, path);
    }
  }

  private static void incidentCore(Checker c, JsonNode core, String p, String type) {
    if (!"incident".equals(type)) {
      c.error(
          p, EXTENSION, "incident-suite/2.1", "the incident-core extension applies to incident");
    }
    JsonNode d = core.get("determination");
    if (d == null) {
      c.error(
          p + ".determination",
          REQUIRED_PROPERTY,
          "incident-suite/2.1",
          "determination is required");
    } else if (!d.isString() || !DETERMINATIONS.contains(d.stringValue())) {
      c.error(
          p + ".determination",
          CLOSED_VOCABULARY,
          "incident-suite/5.5",
          "determination must come from incident-determination-enum");
    }
    entries(c, core.get("events"), p + ".events", "event", "3.2", "3.3");
    entries(c, core.get("tasks"), p + ".tasks", "task", "3.6", "3.7");
    JsonNode s = core.get("investigation_status");
    if (s == null) {
      c.error(
          p + ".investigation_status",
          REQUIRED_PROPERTY,
          "incident-suite/2.1",
          "investigation_status is required");
    } else if (!s.isString()) {
      c.typeError(p + ".investigation_status", "incident-suite/2.1", "a string");
    } else if (!INVESTIGATION.contains(s.stringValue())) {
      c.warning(
          p + ".investigation_status",
          OPEN_VOCABULARY,
          "incident-suite/4.5",
          "investigation_status should come from incident-investigation-ov");
    }
  }

  /**
   * An incident-core {@code events} or {@code tasks} list: each entry references an object of its
   * type, and each of its {@code next_steps} does too, with a condition and a transition from their
   * enumerations.
   */
  private static void entries(
      Checker c, JsonNode list, String p, String refType, String entrySection, String stepSection) {
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      c.typeError(p, "incident-suite/2.1", "a list");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String ep = p + "[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        c.typeError(ep, "incident-suite/" + entrySection, "an object");
        continue;
      }
      reference(c, entry, ep, refType, entrySection);
      JsonNode steps = entry.get("next_steps");
      if (steps == null) {
        continue;
      }
      if (!steps.isArray()) {
        c.typeError(ep + ".next_steps", "incident-suite/" + entrySection, "a list");
        continue;
      }
      for (int j = 0; j < steps.size(); j++) {
        String sp = ep + ".next_steps[" + j + "]";
        JsonNode step = steps.get(j);
        if (!step.isObject()) {
          c.typeError(sp, "incident-suite/" + stepSection, "an object");
          continue;
        }
        reference(c, step, sp, refType, stepSection);
        member(c, step, sp, stepSection, "condition_type", CONDITIONS, "5.1");
        member(c, step, sp, stepSection, "transition_type", TRANSITIONS, "5.2");
      }
    }
  }

  private static void reference(Checker c, JsonNode o, String p, String refType, String section) {
    String name = refType + "_ref";
    JsonNode ref = o.get(name);
    if (ref == null) {
      c.error(
          p + "." + name, REQUIRED_PROPERTY, "incident-suite/" + section, name + " is required");
    } else if (!ref.isString()
        || !StixIds.isIdentifier(ref.stringValue())
        || !refType.equals(StixIds.typeOf(ref.stringValue()))) {
      c.error(
          p + "." + name,
          IDENTIFIER_FORMAT,
          "incident-suite/" + section,
          name
              + " must be an identifier "
              + refType
              + "--<UUID> (hexadecimal digits only), found "
              + ref);
    }
  }

  private static void member(
      Checker c,
      JsonNode o,
      String p,
      String stepSection,
      String name,
      Set<String> values,
      String section) {
    String enumName =
        name.equals("condition_type") ? "activity-condition-enum" : "activity-transition-enum";
    JsonNode v = o.get(name);
    if (v == null) {
      c.error(
          p + "." + name,
          REQUIRED_PROPERTY,
          "incident-suite/" + stepSection,
          name + " is required");
    } else if (!v.isString() || !values.contains(v.stringValue())) {
      c.error(
          p + "." + name,
          CLOSED_VOCABULARY,
          "incident-suite/" + section,
          name + " must come from " + enumName);
    }
  }

  private static void impact(Checker c, JsonNode o, JsonNode exts, String path) {
    JsonNode category = o.get("impact_category");
    if (category == null) {
      c.error(
          path + ".impact_category",
          REQUIRED_PROPERTY,
          "incident-suite/2.3",
          "impact requires impact_category");
    } else if (!category.isString()) {
      c.error(path + ".impact_category", PROPERTY_TYPE, "incident-suite/2.3", "must be a string");
    } else if (!exts.has(category.stringValue())) {
      c.error(
          path + ".extensions",
          EXTENSION,
          "incident-suite/2.3.2",
          "an impact must carry the extension named by its impact_category ("
              + category.stringValue()
              + ")");
    }
  }
}
