package dev.bulwark.node.incidents;

import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.response.ResponseOption;
import dev.bulwark.incidents.response.ResponseStatus;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the node writes and reads the register's STIX objects: an {@code incident} with the OASIS
 * incident-core extension ({@code determination}, {@code investigation_status}) and the Bulwark
 * register extension (kind, lifecycle status with who moved it and when, where and when it
 * happened, kind-specific fields, evidence), an attribution as an {@code attributed-to} {@code
 * relationship} with its confidence words, a measured response as an OASIS {@code task}, an
 * accepted campaign as a {@code campaign} with {@code related-to} relationships. Stateless;
 * thread-safe.
 */
final class RegisterStix {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** OASIS Incident Extension Suite: incident-core (a property-extension of incident). */
  static final String CORE_EXTENSION = BulwarkExtensions.INCIDENT_CORE;

  /** OASIS Incident Extension Suite: the task SDO (a new-sdo extension). */
  static final String TASK_EXTENSION = BulwarkExtensions.TASK;

  /** Bulwark's register extension: what the OASIS suite lacks for hybrid acts. */
  static final String REGISTER_EXTENSION = BulwarkExtensions.INCIDENT;

  /** Bulwark's attribution extension (on attributed-to relationships and opinions). */
  static final String ATTRIBUTION_EXTENSION = BulwarkExtensions.ATTRIBUTION;

  /** Bulwark's measured-response extension (on tasks). */
  static final String RESPONSE_EXTENSION = BulwarkExtensions.RESPONSE;

  private static final UUID NAMESPACE = UUID.fromString("a2cf6f30-61de-448e-a606-37da189178eb");

  /** The closed vocabulary of hybrid acts (issue 16). */
  static final List<String> KINDS = Arrays.stream(ActKind.values()).map(ActKind::slug).toList();

  /** The lifecycle, in order; an incident only moves forward. */
  static final List<String> STATUSES = Arrays.stream(Status.values()).map(Status::slug).toList();

  /** The measured-response options (the library's vocabulary). */
  static final List<String> RESPONSE_OPTIONS =
      Arrays.stream(ResponseOption.values()).map(ResponseOption::slug).toList();

  static final List<String> RESPONSE_STATUSES =
      Arrays.stream(ResponseStatus.values()).map(ResponseStatus::slug).toList();

  /** ICD 203 estimative terms (MISP taxonomy estimative-language, likelihood-probability). */
  static final List<String> ESTIMATIVE_TERMS =
      List.of(
          "almost-no-chance",
          "very-unlikely",
          "unlikely",
          "roughly-even-chance",
          "likely",
          "very-likely",
          "almost-certain");

  /** MISP taxonomy state-responsibility. */
  static final List<String> STATE_RESPONSIBILITY =
      List.of(
          "state-prohibited",
          "state-prohibited-but-inadequate",
          "state-ignored",
          "state-encouraged",
          "state-shaped",
          "state-coordinated",
          "state-ordered",
          "state-rogue-conducted",
          "state-executed",
          "state-integrated");

  private RegisterStix() {}

  /** A name-based id for objects the node derives (attribution targets, identities). */
  static String derivedId(String type, String name) {
    return type + "--" + StixIds.uuid5(NAMESPACE, type + "|" + name);
  }

  /** The node's identity as author of register objects of {@code nation}. */
  static String authorIdentity(String nation) {
    return derivedId("identity", "register|" + nation.toUpperCase(Locale.ROOT));
  }

  static ObjectNode base(String type, String id, String nowStamp, List<String> markingRefs) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created", nowStamp);
    o.put("modified", nowStamp);
    ArrayNode refs = o.putArray("object_marking_refs");
    markingRefs.forEach(refs::add);
    return o;
  }

  /** The identity that authors a nation's register objects (TLP:CLEAR, the same every time). */
  static ObjectNode identity(String nation, String clearRef) {
    ObjectNode o =
        base("identity", authorIdentity(nation), "2026-12-01T00:00:00.000Z", List.of(clearRef));
    o.put("name", "Bulwark hostile-act register " + nation.toUpperCase(Locale.ROOT));
    o.put("identity_class", "organization");
    o.putArray("sectors").add("government-national");
    return o;
  }

  /** The register extension of an incident (created empty when missing). */
  static ObjectNode registerExt(ObjectNode incident) {
    ObjectNode exts =
        incident.has("extensions")
            ? (ObjectNode) incident.get("extensions")
            : incident.putObject("extensions");
    return exts.has(REGISTER_EXTENSION)
        ? (ObjectNode) exts.get(REGISTER_EXTENSION)
        : exts.putObject(REGISTER_EXTENSION).put("extension_type", "property-extension");
  }

  /** The register extension of any stored object, or a missing node. */
  static JsonNode ext(JsonNode o) {
    return o.path("extensions").path(REGISTER_EXTENSION);
  }

  /** The MISP machinetag of an ICD 203 term, as the attribution extension holds it. */
  static String machinetag(String term) {
    return "estimative-language:likelihood-probability=\"" + term + "\"";
  }

  /** The ICD 203 term of a machinetag (or the text itself when it is no machinetag). */
  static String term(String machinetag) {
    int eq = machinetag.indexOf("=\"");
    return eq < 0 ? machinetag : machinetag.substring(eq + 2, machinetag.length() - 1);
  }

  static String stamp(long millis) {
    return StixTimestamps.formatMillis(millis);
  }
}
