package dev.bulwark.node.incidents;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The markings an analyst chose on a form: a TLP level and, optionally, the nations it is
 * releasable to. The releasability marking-definition is authored by the register identity of the
 * writer's nation and has a name-based id, so the same choice gives the same definition. Immutable.
 *
 * @param refs the marking refs to put on the object
 * @param definitions the marking-definitions to store beside it so the refs resolve
 */
record Markings(List<String> refs, List<StixObject> definitions) {
  Markings {
    refs = List.copyOf(refs);
    definitions = List.copyOf(definitions);
  }

  /**
   * Reads {@code marking} ({@code {"tlp": "amber", "releasable_to": ["FIN"]}}) from a form; the
   * error says what is wrong and where.
   */
  static Markings parse(JsonNode form, String path, String writerNation) throws FormError {
    JsonNode m = form.path("marking");
    if (m.isMissingNode() || m.isNull()) {
      throw new FormError(path + ".marking", "a marking is required (tlp, releasable_to)");
    }
    Optional<Tlp> tlp = tlp(m.path("tlp").asString(""));
    if (tlp.isEmpty()) {
      throw new FormError(
          path + ".marking.tlp", "must be clear, green, amber, amber+strict or red");
    }
    TreeSet<String> nations = new TreeSet<>();
    for (JsonNode n : m.path("releasable_to")) {
      String code = n.asString("").toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{3}")) {
        throw new FormError(
            path + ".marking.releasable_to", "'" + n.asString("") + "' is not an ISO 3166 code");
      }
      nations.add(code);
    }
    List<String> refs = new ArrayList<>();
    List<StixObject> defs = new ArrayList<>();
    refs.add(tlp.get().markingDefinitionId());
    if (!nations.isEmpty()) {
      StixObject d =
          ReleasabilityMarking.markingDefinition(
              new Releasability(nations, Set.of()),
              RegisterStix.authorIdentity(writerNation),
              "2026-12-01T00:00:00.000Z");
      refs.add(d.id());
      defs.add(d);
    }
    return new Markings(refs, defs);
  }

  static Optional<Tlp> tlp(String level) {
    return switch (level.toLowerCase(Locale.ROOT).replace("tlp:", "")) {
      case "clear", "white" -> Optional.of(Tlp.CLEAR);
      case "green" -> Optional.of(Tlp.GREEN);
      case "amber" -> Optional.of(Tlp.AMBER);
      case "amber+strict", "amber-strict" -> Optional.of(Tlp.AMBER_STRICT);
      case "red" -> Optional.of(Tlp.RED);
      default -> Optional.empty();
    };
  }

  /** What a form got wrong: where (a JSON path) and why. */
  static final class FormError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String where;

    FormError(String where, String why) {
      super(why);
      this.where = where;
    }

    String where() {
      return where;
    }
  }
}
