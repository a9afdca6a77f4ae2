package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CUSTOM_TYPE_PREFIX;
import static dev.bulwark.stix.validation.Rules.EMPTY_VALUE;
import static dev.bulwark.stix.validation.Rules.FORBIDDEN_PROPERTY;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_FORMAT;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_TYPE;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_VERSION;
import static dev.bulwark.stix.validation.Rules.MODIFIED_BEFORE_CREATED;
import static dev.bulwark.stix.validation.Rules.PROPERTY_TYPE;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.RESERVED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.SPEC_VERSION;
import static dev.bulwark.stix.validation.Rules.TIMESTAMP_PRECISION;
import static dev.bulwark.stix.validation.Rules.TYPE_NAME;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Walks one object's JSON against the {@link TypeTable} and collects findings: the object-level
 * checks (type, required, applicable and reserved properties, identifiers, spec_version,
 * created/modified, bundles) are here; each property's value goes to {@link ValueChecks}, embedded
 * types to {@link EmbeddedTypeChecks}, extensions and custom properties to {@link ExtensionChecks},
 * marking-definitions to {@link MarkingDefinitionChecks}, and the rules of single types to {@link
 * TypeRules} and {@link DeterministicIds}. Those are stateless and report through this class.
 *
 * <p>One instance per validation; not thread-safe (the {@link StixValidator} creates one per call).
 */
final class Checker {

  private final List<Finding> out;

  /** The top-level object being checked, for granular-marking selectors. */
  private JsonNode root;

  Checker(List<Finding> out) {
    this.out = out;
  }

  /** The top-level object being checked. */
  JsonNode root() {
    return root;
  }

  /** Everything about one top-level object. */
  void object(JsonNode o, String path) {
    root = o;
    String type = typeOf(o, path);
    if (type == null) {
      return;
    }
    TypeSpec spec = TypeTable.TYPES.get(type);
    if (spec != null && spec.category() == Category.BUNDLE) {
      bundle(o, path);
      return;
    }
    Shape shape = spec != null ? Shape.of(spec) : customShape(o, type, path);
    if (!shape.custom() || shape.category() != null) {
      requiredProperties(o, path, type, shape);
    }
    properties(o, path, type, shape);
    String id = text(o, "id");
    commonProperties(o, path, type, shape.category(), id);
    if (shape.category() == Category.MARKING) {
      MarkingDefinitionChecks.markingDefinition(this, o, path, id);
    }
    IncidentSuiteChecks.object(this, o, path, type);
    if (spec != null) {
      TypeRules.check(type, o, path, this);
      if (spec.category() == Category.SCO) {
        DeterministicIds.check(spec, o, id, path, this);
      }
    }
    if (id != null && shape.category() == Category.MARKING) {
      MarkingDefinitionChecks.notSelfMarked(this, o, path, id);
    }
  }

  /**
   * What an object's type makes of it: its category (null for a deprecated custom object), its
   * properties, the section that defines it, the common properties it must not have, and whether it
   * is a custom type.
   */
  private record Shape(
      Category category,
      Map<String, Prop> props,
      String section,
      Set<String> notApplicable,
      boolean custom) {

    static Shape of(TypeSpec spec) {
      return new Shape(
          spec.category(),
          spec.props(),
          spec.section(),
          TypeTable.NOT_APPLICABLE.get(spec.category()),
          false);
    }
  }

  /** The object's type, or null (reported) when it has none. */
  private String typeOf(JsonNode o, String path) {
    JsonNode typeNode = o.get("type");
    if (typeNode == null) {
      error(
          path + ".type",
          REQUIRED_PROPERTY,
          "3.2",
          "the type property is required"
              + IncidentSuiteChecks.subObject(o).map(what -> ": this is " + what).orElse(""));
      return null;
    }
    if (!typeNode.isString()) {
      error(path + ".type", PROPERTY_TYPE, "3.2", "type must be a string");
      return null;
    }
    return typeNode.stringValue();
  }

  /** A type the table does not know: a custom object, new-style (extension) or deprecated. */
  private Shape customShape(JsonNode o, String type, String path) {
    typeName(type, path + ".type");
    Category category = customCategory(o);
    if (category == null && !type.startsWith("x-")) {
      warning(
          path + ".type",
          CUSTOM_TYPE_PREFIX,
          "11.2.1",
          "custom object type \"" + type + "\" should start with \"x-\"");
    }
    if (category == null && !o.has("id")) {
      error(path + ".id", REQUIRED_PROPERTY, "11.2.1", "a custom object requires id");
    }
    return new Shape(
        category,
        TypeTable.commonFor(category == null ? Category.SDO : category),
        "11.2.1",
        category == null ? Set.of() : TypeTable.NOT_APPLICABLE.get(category),
        true);
  }

  private void requiredProperties(JsonNode o, String path, String type, Shape shape) {
    for (Prop p : shape.props().values()) {
      if (p.required() && !o.has(p.name())) {
        error(
            Paths.child(path, p.name()),
            REQUIRED_PROPERTY,
            requiredSection(p.name(), shape.section()),
            type + " requires " + p.name());
      }
    }
  }

  /** Every property present: typed, not applicable, reserved, or custom. */
  private void properties(JsonNode o, String path, String type, Shape shape) {
    // Properties of custom objects need no x_ prefix (11.2.1).
    boolean definedByExtension = hasTopLevelExtension(o) || shape.custom();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      String p = Paths.child(path, name);
      Prop prop = shape.props().get(name);
      if (prop != null) {
        ValueChecks.value(this, prop, value, p, sectionOf(name, shape.section()), type);
      } else if (shape.notApplicable().contains(name)) {
        error(p, FORBIDDEN_PROPERTY, "3.2", name + " is not applicable to " + type);
      } else if (TypeTable.RESERVED_NAMES.contains(name)) {
        error(p, RESERVED_PROPERTY, "3.8", name + " is a reserved property name");
      } else {
        ExtensionChecks.customProperty(this, name, value, p, definedByExtension);
      }
    }
  }

  /** The rules of the common properties beyond their types: id, spec_version, created/modified. */
  private void commonProperties(
      JsonNode o, String path, String type, Category category, String id) {
    if (id != null) {
      identifier(id, type, category, path + ".id");
    }
    String specVersion = text(o, "spec_version");
    if (specVersion != null && !"2.1".equals(specVersion)) {
      error(
          path + ".spec_version",
          SPEC_VERSION,
          "3.2",
          "spec_version must be \"2.1\", found \"" + specVersion + "\"");
    }
    createdModified(o, path);
  }

  private static String requiredSection(String name, String section) {
    return switch (name) {
      case "type", "spec_version", "id", "created", "modified", "created_by_ref" -> "3.2";
      default -> section;
    };
  }

  private static String sectionOf(String name, String section) {
    return switch (name) {
      case "type",
          "spec_version",
          "id",
          "created",
          "modified",
          "created_by_ref",
          "revoked",
          "labels",
          "confidence",
          "lang",
          "object_marking_refs",
          "defanged",
          "extensions" ->
          "3.2";
      case "external_references" -> "2.5";
      case "granular_markings" -> "7.2.3";
      default -> section;
    };
  }

  /**
   * new-sdo / new-sco / new-sro from an extension-definition, or null for a deprecated custom
   * object.
   */
  private static Category customCategory(JsonNode o) {
    JsonNode ext = o.get("extensions");
    if (ext == null || !ext.isObject()) {
      return null;
    }
    for (JsonNode e : ext.values()) {
      switch (e.path("extension_type").asString("")) {
        case "new-sdo":
          return Category.SDO;
        case "new-sco":
          return Category.SCO;
        case "new-sro":
          return Category.SRO;
        default:
          break;
      }
    }
    return null;
  }

  private static boolean hasTopLevelExtension(JsonNode o) {
    JsonNode ext = o.get("extensions");
    if (ext == null || !ext.isObject()) {
      return false;
    }
    for (JsonNode e : ext.values()) {
      if ("toplevel-property-extension".equals(e.path("extension_type").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private void bundle(JsonNode o, String path) {
    String id = text(o, "id");
    if (id == null) {
      error(path + ".id", REQUIRED_PROPERTY, "8.1", "bundle requires id");
    } else {
      identifier(id, "bundle", Category.BUNDLE, path + ".id");
    }
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String name = e.getKey();
      if (!name.equals("type") && !name.equals("id") && !name.equals("objects")) {
        if (name.equals("spec_version")) {
          error(
              Paths.child(path, name),
              FORBIDDEN_PROPERTY,
              "8.1",
              "bundle has no spec_version in STIX 2.1");
        } else {
          ExtensionChecks.customProperty(this, name, e.getValue(), Paths.child(path, name), false);
        }
      }
    }
    JsonNode objects = o.get("objects");
    if (objects == null) {
      return;
    }
    if (!objects.isArray()) {
      error(path + ".objects", PROPERTY_TYPE, "8.1", "objects must be a list of STIX objects");
      return;
    }
    if (objects.isEmpty()) {
      error(path + ".objects", EMPTY_VALUE, "2.12", "empty lists are prohibited");
    }
    int i = 0;
    for (JsonNode child : objects) {
      String p = path + ".objects[" + i++ + "]";
      if (child.isObject()) {
        object(child, p);
      } else {
        error(p, PROPERTY_TYPE, "8.1", "objects must contain STIX objects");
      }
    }
  }

  // ---- identifiers --------------------------------------------------------------------------

  private void identifier(String id, String type, Category category, String path) {
    int sep = id.lastIndexOf("--");
    if (sep <= 0 || !StixIds.isUuidForm(id.substring(sep + 2))) {
      error(
          path,
          IDENTIFIER_FORMAT,
          "2.9",
          "id must have the form " + type + "--<UUID>, found \"" + id + "\"");
      return;
    }
    String uuid = id.substring(sep + 2);
    int version = StixIds.rfc4122Version(uuid);
    if (version < 1 || version > 8) {
      error(
          path,
          IDENTIFIER_FORMAT,
          "2.9",
          "the UUID in " + id + " is not an RFC 4122 UUID (variant or version)");
      return;
    }
    if (!id.substring(0, sep).equals(type)) {
      error(
          path,
          IDENTIFIER_TYPE,
          "2.9",
          "id type \"" + id.substring(0, sep) + "\" differs from type \"" + type + "\"");
    }
    if (category != Category.SCO && version != 4) {
      warning(
          path,
          IDENTIFIER_VERSION,
          "2.9",
          "SDOs, SROs, meta objects and bundles should use UUIDv4, found v" + version);
    }
  }

  private void typeName(String type, String path) {
    if (!Formats.typeName(type)) {
      error(
          path,
          TYPE_NAME,
          "11.2.1",
          "type \""
              + type
              + "\" must be 3 to 250 of a-z, 0-9 and single hyphens, starting with a letter");
    }
  }

  private void createdModified(JsonNode o, String path) {
    String created = precise(o, "created", path);
    String modified = precise(o, "modified", path);
    if (created != null && modified != null && StixTimestamps.compare(modified, created) < 0) {
      error(
          path + ".modified",
          MODIFIED_BEFORE_CREATED,
          "3.2",
          "modified (" + modified + ") is earlier than created (" + created + ")");
    }
  }

  /** created/modified: a valid timestamp with at least millisecond precision, else null. */
  private String precise(JsonNode o, String name, String path) {
    JsonNode v = o.get(name);
    if (v == null || !v.isString() || !StixTimestamps.isValid(v.stringValue())) {
      return null;
    }
    String s = v.stringValue();
    if (StixTimestamps.fractionDigits(s) < 3) {
      error(
          Paths.child(path, name),
          TIMESTAMP_PRECISION,
          "3.2",
          name + " must be precise to the millisecond (three sub-second digits)");
    }
    return s;
  }

  // ---- reporting -----------------------------------------------------------------------------

  void error(String path, String rule, String section, String message) {
    out.add(new Finding(Severity.ERROR, path, rule, section, message));
  }

  void warning(String path, String rule, String section, String message) {
    out.add(new Finding(Severity.WARNING, path, rule, section, message));
  }

  void typeError(String path, String section, String expected) {
    error(path, PROPERTY_TYPE, section, "must be " + expected);
  }

  static String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return v != null && v.isString() ? v.stringValue() : null;
  }
}
