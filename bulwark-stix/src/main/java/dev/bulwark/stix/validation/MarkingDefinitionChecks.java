package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CIRCULAR_MARKING;
import static dev.bulwark.stix.validation.Rules.DEPRECATED;
import static dev.bulwark.stix.validation.Rules.OPEN_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks that apply to marking-definitions only: the deprecated {@code definition_type} / {@code
 * definition} pair, statement and TLP definitions (only the four predefined TLP 1.0 objects), and
 * that a marking-definition does not mark itself.
 *
 * <p>Stateless; thread-safe (the findings go to the checker passed in).
 */
final class MarkingDefinitionChecks {

  private MarkingDefinitionChecks() {}

  /** The only TLP marking-definitions of STIX 2.1 (7.2.1.4), by level. */
  private static final Map<String, String> TLP1_IDS =
      Map.of(
          "white", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
          "green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
          "amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
          "red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

  static void markingDefinition(Checker c, JsonNode o, String path, String id) {
    boolean hasExtensions = o.has("extensions");
    JsonNode type = o.get("definition_type");
    JsonNode def = o.get("definition");
    if (!hasExtensions) {
      if (type == null) {
        c.error(
            path + ".definition_type",
            REQUIRED_PROPERTY,
            "7.2.1",
            "definition_type is required when extensions is absent");
      }
      if (def == null) {
        c.error(
            path + ".definition",
            REQUIRED_PROPERTY,
            "7.2.1",
            "definition is required when extensions is absent");
      }
    }
    if (type != null || def != null) {
      c.warning(
          path + (type != null ? ".definition_type" : ".definition"),
          DEPRECATED,
          "7.2.1",
          "definition_type and definition are deprecated; use an extension");
    }
    if ((type == null) != (def == null)) {
      c.error(
          path, Rules.MARKING_DEFINITION, "7.2.1", "definition_type and definition go together");
      return;
    }
    if (type == null || !type.isString() || !def.isObject()) {
      return;
    }
    switch (type.stringValue()) {
      case "statement" ->
          ValueChecks.nested(
              c, def, TypeTable.NESTED.get("statement-marking"), path + ".definition");
      case "tlp" -> {
        ValueChecks.nested(c, def, TypeTable.NESTED.get("tlp-marking"), path + ".definition");
        String tlp = def.path("tlp").asString("");
        String official = TLP1_IDS.get(tlp);
        if (official == null) {
          c.error(
              path + ".definition.tlp",
              Rules.MARKING_DEFINITION,
              "7.2.1.4",
              "tlp must be white, green, amber or red");
        } else if (!official.equals(id)) {
          c.error(
              path + ".id",
              Rules.MARKING_DEFINITION,
              "7.2.1.4",
              "only the predefined TLP marking-definitions may be used; TLP:"
                  + tlp.toUpperCase(Locale.ROOT)
                  + " is "
                  + official);
        }
      }
      default ->
          c.warning(
              path + ".definition_type",
              OPEN_VOCABULARY,
              "7.2.1",
              "definition_type should be statement or tlp");
    }
  }

  /** A marking-definition must not mark itself, as a whole or in part. */
  static void notSelfMarked(Checker c, JsonNode o, String path, String id) {
    for (JsonNode r : o.path("object_marking_refs")) {
      if (id.equals(r.asString(""))) {
        c.error(
            path + ".object_marking_refs",
            CIRCULAR_MARKING,
            "3.2",
            "a marking-definition must not mark itself");
      }
    }
    int i = 0;
    for (JsonNode g : o.path("granular_markings")) {
      if (id.equals(g.path("marking_ref").asString(""))) {
        c.error(
            path + ".granular_markings[" + i + "].marking_ref",
            CIRCULAR_MARKING,
            "3.2",
            "a marking-definition must not mark itself");
      }
      i++;
    }
  }
}
