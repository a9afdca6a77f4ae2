package dev.bulwark.readiness.stix;

import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Declaration.SubRatings;
import dev.bulwark.readiness.declaration.Domain;
import dev.bulwark.readiness.declaration.Status;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixVersions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Declaration} as a STIX 2.1 object of the new-sdo type {@value #TYPE} (defined by {@link
 * ReadinessExtension}) and back. The id is name-based on nation and unit, so every version of a
 * unit — a later {@code valid_from}, or a correction — is a version of the same object. Stateless;
 * thread-safe.
 */
public final class ForceDeclarationStix {
  /** The object type. */
  public static final String TYPE = "x-bulwark-force-declaration";

  private static final UUID NAMESPACE = UUID.fromString("6d2a9f41-0c7b-4e35-b8d2-5a1e3c7f9b60");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ForceDeclarationStix() {}

  /** The id of a unit's declaration object. */
  public static String id(String nation, String unit) {
    return TYPE + "--" + StixIds.uuid5(NAMESPACE, nation + "|" + unit);
  }

  /**
   * The STIX version of a declaration.
   *
   * @param created the object's {@code created} (its first version's)
   * @param modified this version's {@code modified}
   * @param markingRefs the version's {@code object_marking_refs} (may be empty)
   */
  public static StixObject toStix(
      Declaration d, String created, String modified, List<String> markingRefs) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", TYPE);
    o.put("id", id(d.nation(), d.unit()));
    o.put("nation", d.nation());
    o.put("unit", d.unit());
    o.put("domain", d.domain().code());
    o.put("unit_type", d.unitType());
    o.put("personnel", d.personnel());
    if (!d.equipment().isEmpty()) {
      ObjectNode eq = o.putObject("equipment");
      d.equipment().forEach(eq::put);
    }
    o.put("notice_to_move_days", d.noticeToMoveDays());
    d.statedTier().ifPresent(t -> o.put("tier", t));
    o.put("regional_plan", d.regionalPlan());
    o.put("status", d.status().code());
    o.put("c_level", d.cLevel());
    d.sub().personnel().ifPresent(v -> o.put("p_level", v));
    d.sub().equipmentOnHand().ifPresent(v -> o.put("s_level", v));
    d.sub().equipmentCondition().ifPresent(v -> o.put("r_level", v));
    d.sub().training().ifPresent(v -> o.put("t_level", v));
    o.put("valid_from", d.validFrom().toString());
    if (!markingRefs.isEmpty()) {
      markingRefs.forEach(o.putArray("object_marking_refs")::add);
    }
    o.putObject("extensions").putObject(ReadinessExtension.ID).put("extension_type", "new-sdo");
    return StixVersions.stamped(o, created, modified);
  }

  /**
   * The declaration a STIX object carries.
   *
   * @throws IllegalArgumentException when it is not a well-formed force declaration (the message
   *     says which property)
   */
  public static Declaration fromStix(StixObject s) {
    if (!TYPE.equals(s.type())) {
      throw new IllegalArgumentException("not a " + TYPE + ": " + s.type());
    }
    JsonNode o = s.json();
    Map<String, Integer> equipment = new LinkedHashMap<>();
    JsonNode eq = o.path("equipment");
    if (eq.isObject()) {
      eq.properties().forEach(e -> equipment.put(e.getKey(), e.getValue().asInt()));
    }
    Declaration d =
        new Declaration(
            text(o, "nation"),
            text(o, "unit"),
            Domain.parse(text(o, "domain")).orElseThrow(() -> bad("domain")),
            text(o, "unit_type"),
            integer(o, "personnel"),
            equipment,
            integer(o, "notice_to_move_days"),
            optional(o, "tier"),
            text(o, "regional_plan"),
            Status.parse(text(o, "status")).orElseThrow(() -> bad("status")),
            integer(o, "c_level"),
            new SubRatings(
                optional(o, "p_level"),
                optional(o, "s_level"),
                optional(o, "r_level"),
                optional(o, "t_level")),
            date(o));
    if (!s.id().equals(id(d.nation(), d.unit()))) {
      throw new IllegalArgumentException("id is not the one of nation and unit");
    }
    return d;
  }

  private static String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      throw bad(name);
    }
    return v.stringValue();
  }

  private static int integer(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw bad(name);
    }
    return v.intValue();
  }

  private static OptionalInt optional(JsonNode o, String name) {
    return o.has(name) ? OptionalInt.of(integer(o, name)) : OptionalInt.empty();
  }

  private static LocalDate date(JsonNode o) {
    try {
      return LocalDate.parse(text(o, "valid_from"));
    } catch (DateTimeParseException e) {
      throw bad("valid_from");
    }
  }

  private static IllegalArgumentException bad(String property) {
    return new IllegalArgumentException("missing or malformed " + property);
  }
}
