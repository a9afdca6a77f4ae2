package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.INTEROP_REQUIRED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.INTEROP_TLP_MARKING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules the OASIS STIX 2.1 interoperability profile adds to the specification: the {@code
 * interop/} JSON schemas of oasis-open/cti-stix2-json-schemas (BSD-3-Clause), transcribed. Each of
 * the 19 type files is {@code allOf} the base schema of its type, {@code interop/core.json} and a
 * {@code required} list; {@code core.json} is the base {@code common/core.json} plus one constraint
 * on {@code object_marking_refs}. Everything the base schemas require is already a rule of {@link
 * Checker}, so this class adds only:
 *
 * <ul>
 *   <li>the {@code required} lists ({@link #REQUIRED}), with three misspellings of the official
 *       files read as the properties they obviously mean ({@link #SCHEMA_TYPOS});
 *   <li>core.json's {@code contains}/{@code minContains 0}/{@code maxContains 1} on {@code
 *       object_marking_refs}: at most one entry may be one of the four STIX 2.1 TLP marking
 *       definitions ({@link #TLP_1_IDS}, the TLP 1.0 ids of section 7.2.1.4: WHITE, GREEN, AMBER,
 *       RED), counting repeats. TLP 2.0 ids and other markings are not counted, none is required,
 *       and the property itself stays optional. core.json's other constraints on the property (a
 *       list of at least one {@code marking-definition--} identifier) are base rules already
 *       (property-type, empty-value, reference-format, reference-type).
 * </ul>
 *
 * The profile applies to objects of the 19 types only (not identity, incident, marking-definition,
 * SCOs or custom types, which the files do not cover); a bundle's objects are checked one by one.
 * Stateless and thread-safe.
 */
final class InteropProfile {

  /** The schema file stating the marking rule, used as the finding's section. */
  static final String CORE_SCHEMA = "interop/core.json";

  /**
   * Per type, the {@code required} list of {@code interop/<type>.json} in the file's order, spelt
   * correctly. {@code InteropSchemaDriftTest} compares it with the official files.
   */
  static final Map<String, List<String>> REQUIRED;

  /**
   * The misspelt entries of the official {@code required} lists, per type, and the property each
   * stands for. A literal schema check would demand properties no producer writes ({@code
   * architecture_exectuion_envs}, {@code capabiliites}, and {@code external_references:} with a
   * colon, which is not even a legal property name); the profile checks the real ones instead.
   */
  static final Map<String, Map<String, String>> SCHEMA_TYPOS =
      Map.of(
          "malware",
              Map.of(
                  "architecture_exectuion_envs", "architecture_execution_envs",
                  "capabiliites", "capabilities"),
          "vulnerability", Map.of("external_references:", "external_references"));

  /**
   * The four TLP marking-definition ids core.json's {@code contains} pattern lists: STIX 2.1
   * 7.2.1.4 (TLP 1.0).
   */
  static final Map<String, String> TLP_1_IDS =
      Map.of(
          "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE",
          "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN",
          "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER",
          "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED");

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("attack-pattern", List.of("external_references", "kill_chain_phases", "created_by_ref"));
    m.put("campaign", List.of("created_by_ref"));
    m.put("course-of-action", List.of("created_by_ref"));
    m.put("grouping", List.of("created_by_ref"));
    m.put("indicator", List.of("name", "indicator_types", "created_by_ref"));
    m.put("infrastructure", List.of("infrastructure_types", "created_by_ref"));
    m.put("intrusion-set", List.of("resource_level", "primary_motivation", "created_by_ref"));
    m.put("location", List.of("region", "created_by_ref"));
    m.put(
        "malware-analysis",
        List.of(
            "version",
            "submitted",
            "analysis_started",
            "analysis_ended",
            "result",
            "created_by_ref"));
    m.put(
        "malware",
        List.of(
            "name",
            "malware_types",
            "first_seen",
            "last_seen",
            "architecture_execution_envs",
            "implementation_languages",
            "capabilities",
            "created_by_ref"));
    m.put("note", List.of("created_by_ref"));
    m.put("observed-data", List.of("object_refs", "created_by_ref"));
    m.put("opinion", List.of("created_by_ref"));
    m.put("relationship", List.of("created_by_ref"));
    m.put("report", List.of("report_types", "created_by_ref"));
    m.put("sighting", List.of("first_seen", "last_seen", "count", "created_by_ref"));
    m.put(
        "threat-actor",
        List.of(
            "threat_actor_types",
            "roles",
            "sophistication",
            "resource_level",
            "primary_motivation",
            "created_by_ref"));
    m.put("tool", List.of("tool_types", "created_by_ref"));
    m.put("vulnerability", List.of("external_references", "created_by_ref"));
    REQUIRED = Collections.unmodifiableMap(m);
  }

  private InteropProfile() {}

  /** The schema file of a covered type, used as the finding's section. */
  static String schemaOf(String type) {
    return "interop/" + type + ".json";
  }

  /** Adds the profile's findings for one top-level object or bundle at {@code path}. */
  static void check(JsonNode o, String path, List<Finding> out) {
    JsonNode type = o.get("type");
    if (type == null || !type.isString()) {
      return; // the base rules report it
    }
    if ("bundle".equals(type.stringValue())) {
      JsonNode objects = o.get("objects");
      if (objects != null && objects.isArray()) {
        int i = 0;
        for (JsonNode child : objects) {
          if (child.isObject()) {
            check(child, path + ".objects[" + i + "]", out);
          }
          i++;
        }
      }
      return;
    }
    List<String> required = REQUIRED.get(type.stringValue());
    if (required == null) {
      return;
    }
    String t = type.stringValue();
    String schema = schemaOf(t);
    Map<String, String> typos = SCHEMA_TYPOS.getOrDefault(t, Map.of());
    for (String name : required) {
      if (!o.has(name)) {
        out.add(
            new Finding(
                Severity.ERROR,
                Paths.child(path, name),
                INTEROP_REQUIRED_PROPERTY,
                schema,
                "the interoperability profile requires "
                    + name
                    + " on "
                    + t
                    + misspeltAs(typos, name)));
      }
    }
    markings(o.get("object_marking_refs"), Paths.child(path, "object_marking_refs"), out);
  }

  private static String misspeltAs(Map<String, String> typos, String name) {
    for (Map.Entry<String, String> e : typos.entrySet()) {
      if (e.getValue().equals(name)) {
        return " (the schema file misspells it \"" + e.getKey() + "\")";
      }
    }
    return "";
  }

  /** core.json: {@code maxContains 1} over the four TLP 1.0 ids, repeats counted. */
  private static void markings(JsonNode refs, String path, List<Finding> out) {
    if (refs == null || !refs.isArray()) {
      return;
    }
    List<String> found = new ArrayList<>(2);
    for (JsonNode r : refs) {
      // The schema's pattern is anchored (^...$) and case-sensitive: only these exact strings
      // match.
      String level = r.isString() ? TLP_1_IDS.get(r.stringValue()) : null;
      if (level != null) {
        found.add(level);
      }
    }
    if (found.size() > 1) {
      out.add(
          new Finding(
              Severity.ERROR,
              path,
              INTEROP_TLP_MARKING,
              CORE_SCHEMA,
              "the interoperability profile allows at most one STIX 2.1 TLP marking (TLP 1.0 ids of 7.2.1.4) in"
                  + " object_marking_refs; found "
                  + found.size()
                  + ": "
                  + String.join(", ", found)));
    }
  }
}
