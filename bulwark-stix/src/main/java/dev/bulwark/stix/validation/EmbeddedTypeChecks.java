package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.DEPRECATED;
import static dev.bulwark.stix.validation.Rules.EMPTY_VALUE;
import static dev.bulwark.stix.validation.Rules.EXTERNAL_REFERENCE;
import static dev.bulwark.stix.validation.Rules.GRANULAR_MARKING;
import static dev.bulwark.stix.validation.Rules.KILL_CHAIN_PHASE;
import static dev.bulwark.stix.validation.Rules.PROPERTY_TYPE;
import static dev.bulwark.stix.validation.Rules.VALUE_FORMAT;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks of the embedded types that have rules beyond their properties: external references (a
 * description, url or external_id; CAPEC and CVE identifiers), kill-chain phases (lowercase,
 * hyphenated), granular markings (one of lang and marking_ref; selectors that select something) and
 * the deprecated observable container.
 *
 * <p>Stateless; thread-safe (the findings go to the checker passed in).
 */
final class EmbeddedTypeChecks {

  private EmbeddedTypeChecks() {}

  static void externalReferences(Checker c, JsonNode v, String path, String ownerType) {
    if (!ValueChecks.list(c, v, path, "2.5")) {
      return;
    }
    TypeSpec spec = TypeTable.NESTED.get("external-reference");
    int i = 0;
    for (JsonNode r : v) {
      String p = path + "[" + i++ + "]";
      if (!r.isObject()) {
        c.typeError(p, "2.5", "an external-reference object");
        continue;
      }
      ValueChecks.nested(c, r, spec, p);
      if (!r.has("description") && !r.has("url") && !r.has("external_id")) {
        c.error(
            p,
            EXTERNAL_REFERENCE,
            "2.5",
            "an external reference needs description, url or external_id");
      }
      String source = r.path("source_name").asString("");
      String extId = r.path("external_id").asString(null);
      if ("attack-pattern".equals(ownerType)
          && "capec".equals(source)
          && (extId == null || !Formats.CAPEC.matcher(extId).matches())) {
        c.error(
            p + ".external_id",
            EXTERNAL_REFERENCE,
            "4.1",
            "a capec reference needs external_id CAPEC-<number>");
      }
      if ("vulnerability".equals(ownerType)
          && "cve".equals(source)
          && (extId == null || !Formats.CVE.matcher(extId).matches())) {
        c.error(
            p + ".external_id",
            EXTERNAL_REFERENCE,
            "4.19",
            "a cve reference needs external_id CVE-<year>-<number>");
      }
    }
  }

  static void killChainPhases(Checker c, JsonNode v, String path) {
    if (!ValueChecks.list(c, v, path, "2.11")) {
      return;
    }
    TypeSpec spec = TypeTable.NESTED.get("kill-chain-phase");
    int i = 0;
    for (JsonNode k : v) {
      String p = path + "[" + i++ + "]";
      if (!k.isObject()) {
        c.typeError(p, "2.11", "a kill-chain-phase object");
        continue;
      }
      ValueChecks.nested(c, k, spec, p);
      for (String name : List.of("kill_chain_name", "phase_name")) {
        String s = k.path(name).asString(null);
        if (s != null && !Formats.lowerHyphen(s)) {
          c.warning(
              Paths.child(p, name),
              KILL_CHAIN_PHASE,
              "2.11",
              name + " should be lowercase with hyphens between words");
        }
      }
    }
  }

  static void granularMarkings(Checker c, JsonNode v, String path) {
    if (!ValueChecks.list(c, v, path, "7.2.3")) {
      return;
    }
    TypeSpec spec = TypeTable.NESTED.get("granular-marking");
    int i = 0;
    for (JsonNode g : v) {
      String p = path + "[" + i++ + "]";
      if (!g.isObject()) {
        c.typeError(p, "7.2.3", "a granular-marking object");
        continue;
      }
      ValueChecks.nested(c, g, spec, p);
      boolean lang = g.has("lang");
      boolean ref = g.has("marking_ref");
      if (lang == ref) {
        c.error(
            p, GRANULAR_MARKING, "7.2.3", "exactly one of lang and marking_ref must be present");
      }
      if (lang && g.get("lang").isString() && !Formats.languageTag(g.get("lang").stringValue())) {
        c.error(p + ".lang", VALUE_FORMAT, "7.2.3", "lang must be an RFC 5646 language tag");
      }
      JsonNode selectors = g.get("selectors");
      if (selectors != null && selectors.isArray()) {
        int j = 0;
        for (JsonNode s : selectors) {
          if (s.isString() && !Formats.selects(c.root(), s.stringValue())) {
            c.error(
                p + ".selectors[" + j + "]",
                GRANULAR_MARKING,
                "7.2.3",
                "selector \""
                    + s.stringValue()
                    + "\" does not select content present in this object");
          }
          j++;
        }
      }
    }
  }

  static void observableContainer(Checker c, JsonNode v, String path) {
    c.warning(path, DEPRECATED, "4.14", "observed-data objects is deprecated; use object_refs");
    if (!v.isObject()) {
      c.typeError(path, "2.13", "an observable container (dictionary of SCOs)");
      return;
    }
    if (v.isEmpty()) {
      c.error(
          path, EMPTY_VALUE, "2.13", "the observable container must contain at least one object");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      JsonNode o = e.getValue();
      if (!o.isObject() || !o.path("type").isString()) {
        c.error(
            Paths.child(path, e.getKey()),
            PROPERTY_TYPE,
            "2.13",
            "each entry must be a cyber-observable object with a type");
      }
    }
  }
}
