package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CLOSED_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.EXTENSION;
import static dev.bulwark.stix.validation.Rules.OPEN_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.PROPERTY_TYPE;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;

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

  private IncidentSuiteChecks() {}

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
