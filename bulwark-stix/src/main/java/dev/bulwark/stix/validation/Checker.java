package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CIRCULAR_MARKING;
import static dev.bulwark.stix.validation.Rules.CLOSED_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.CUSTOM_PROPERTY_NAME;
import static dev.bulwark.stix.validation.Rules.CUSTOM_PROPERTY_PREFIX;
import static dev.bulwark.stix.validation.Rules.CUSTOM_TYPE_PREFIX;
import static dev.bulwark.stix.validation.Rules.DEPRECATED;
import static dev.bulwark.stix.validation.Rules.DICTIONARY_KEY;
import static dev.bulwark.stix.validation.Rules.EMPTY_VALUE;
import static dev.bulwark.stix.validation.Rules.EXTENSION;
import static dev.bulwark.stix.validation.Rules.EXTERNAL_REFERENCE;
import static dev.bulwark.stix.validation.Rules.FORBIDDEN_PROPERTY;
import static dev.bulwark.stix.validation.Rules.GRANULAR_MARKING;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_FORMAT;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_TYPE;
import static dev.bulwark.stix.validation.Rules.IDENTIFIER_VERSION;
import static dev.bulwark.stix.validation.Rules.KILL_CHAIN_PHASE;
import static dev.bulwark.stix.validation.Rules.MODIFIED_BEFORE_CREATED;
import static dev.bulwark.stix.validation.Rules.OPEN_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.PROPERTY_TYPE;
import static dev.bulwark.stix.validation.Rules.REFERENCE_FORMAT;
import static dev.bulwark.stix.validation.Rules.REFERENCE_TYPE;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.RESERVED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.SPEC_VERSION;
import static dev.bulwark.stix.validation.Rules.TIMESTAMP_FORMAT;
import static dev.bulwark.stix.validation.Rules.TIMESTAMP_PRECISION;
import static dev.bulwark.stix.validation.Rules.TYPE_NAME;
import static dev.bulwark.stix.validation.Rules.VALUE_FORMAT;
import static dev.bulwark.stix.validation.Rules.VALUE_RANGE;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Walks one object's JSON against the {@link TypeTable} and collects findings. One instance per
 * validation; not thread-safe (the {@link StixValidator} creates one per call).
 */
final class Checker {

  private static final Set<String> HASH_ALGORITHMS = Vocabularies.get("hash-algorithm-ov").values();
  private static final Set<String> EXTENSION_TYPES =
      Vocabularies.get("extension-type-enum").values();
  private static final Map<String, Integer> HASH_HEX_LENGTH =
      Map.of(
          "MD5", 32, "SHA-1", 40, "SHA-256", 64, "SHA-512", 128, "SHA3-256", 64, "SHA3-512", 128);

  /** Integer properties the SCO sections say must not be negative (sizes, counts, descriptors). */
  private static final Set<String> NON_NEGATIVE =
      Set.of(
          "size",
          "number_of_sections",
          "number_of_symbols",
          "size_of_optional_header",
          "size_of_code",
          "size_of_initialized_data",
          "size_of_uninitialized_data",
          "size_of_image",
          "size_of_headers",
          "size_of_stack_reserve",
          "size_of_stack_commit",
          "size_of_heap_reserve",
          "size_of_heap_commit",
          "src_byte_count",
          "dst_byte_count",
          "src_packets",
          "dst_packets",
          "socket_descriptor",
          "message_body_length",
          "number_of_subkeys",
          "image_height",
          "image_width",
          "bits_per_pixel");

  /** The only TLP marking-definitions of STIX 2.1 (7.2.1.4), by level. */
  private static final Map<String, String> TLP1_IDS =
      Map.of(
          "white", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
          "green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
          "amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
          "red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

  private final List<Finding> out;

  /** The top-level object being checked, for granular-marking selectors. */
  private JsonNode root;

  Checker(List<Finding> out) {
    this.out = out;
  }

  /** Everything about one top-level object. */
  void object(JsonNode o, String path) {
    root = o;
    JsonNode typeNode = o.get("type");
    if (typeNode == null) {
      error(path + ".type", REQUIRED_PROPERTY, "3.2", "the type property is required");
      return;
    }
    if (!typeNode.isString()) {
      error(path + ".type", PROPERTY_TYPE, "3.2", "type must be a string");
      return;
    }
    String type = typeNode.stringValue();
    TypeSpec spec = TypeTable.TYPES.get(type);
    if (spec != null && spec.category() == Category.BUNDLE) {
      bundle(o, path);
      return;
    }
    Category category;
    Map<String, Prop> props;
    String section;
    Set<String> notApplicable;
    boolean custom = spec == null;
    if (custom) {
      typeName(type, path + ".type");
      category = customCategory(o);
      section = "11.2.1";
      props = TypeTable.commonFor(category == null ? Category.SDO : category);
      notApplicable = category == null ? Set.of() : TypeTable.NOT_APPLICABLE.get(category);
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
    } else {
      category = spec.category();
      props = spec.props();
      section = spec.section();
      notApplicable = TypeTable.NOT_APPLICABLE.get(category);
    }
    boolean customRequiresCommon = !custom || category != null;
    if (customRequiresCommon) {
      for (Prop p : props.values()) {
        if (p.required() && !o.has(p.name())) {
          error(
              Paths.child(path, p.name()),
              REQUIRED_PROPERTY,
              requiredSection(p.name(), section),
              type + " requires " + p.name());
        }
      }
    }
    boolean topLevelExtension = hasTopLevelExtension(o);
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      String p = Paths.child(path, name);
      Prop prop = props.get(name);
      if (prop != null) {
        value(prop, value, p, sectionOf(name, section), type);
      } else if (notApplicable.contains(name)) {
        error(p, FORBIDDEN_PROPERTY, "3.2", name + " is not applicable to " + type);
      } else if (TypeTable.RESERVED_NAMES.contains(name)) {
        error(p, RESERVED_PROPERTY, "3.8", name + " is a reserved property name");
      } else {
        // Properties of custom objects need no x_ prefix (11.2.1).
        customProperty(name, value, p, topLevelExtension || custom);
      }
    }
    String id = text(o, "id");
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
    if (category == Category.MARKING) {
      markingDefinition(o, path, id);
    }
    if (spec != null) {
      TypeRules.check(type, o, path, this);
      if (category == Category.SCO) {
        DeterministicIds.check(spec, o, id, path, this);
      }
    }
    if (id != null && category == Category.MARKING) {
      for (JsonNode r : o.path("object_marking_refs")) {
        if (id.equals(r.asString(""))) {
          error(
              path + ".object_marking_refs",
              CIRCULAR_MARKING,
              "3.2",
              "a marking-definition must not mark itself");
        }
      }
      int i = 0;
      for (JsonNode g : o.path("granular_markings")) {
        if (id.equals(g.path("marking_ref").asString(""))) {
          error(
              path + ".granular_markings[" + i + "].marking_ref",
              CIRCULAR_MARKING,
              "3.2",
              "a marking-definition must not mark itself");
        }
        i++;
      }
    }
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
          customProperty(name, e.getValue(), Paths.child(path, name), false);
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

  /** A reference: identifier form and allowed target types. */
  void reference(JsonNode v, Target target, String path, String section) {
    if (!v.isString()) {
      error(path, PROPERTY_TYPE, "2.9", "a reference must be an identifier string");
      return;
    }
    String ref = v.stringValue();
    int sep = ref.lastIndexOf("--");
    if (sep <= 0
        || !StixIds.isUuidForm(ref.substring(sep + 2))
        || StixIds.rfc4122Version(ref.substring(sep + 2)) < 0) {
      error(
          path,
          REFERENCE_FORMAT,
          "2.9",
          "\"" + ref + "\" is not an identifier of the form type--UUID");
      return;
    }
    String refType = ref.substring(0, sep);
    if (target != null && !target.allows(refType)) {
      error(
          path, REFERENCE_TYPE, section, "must refer to " + target.describe() + ", not " + refType);
    }
  }

  // ---- values --------------------------------------------------------------------------------

  void value(Prop prop, JsonNode v, String path, String section, String ownerType) {
    switch (prop.kind()) {
      case STRING -> string(v, path, section);
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          typeError(path, section, "a boolean");
        }
      }
      case INTEGER -> {
        if (!v.isIntegralNumber()) {
          typeError(path, section, "an integer");
        } else if (NON_NEGATIVE.contains(prop.name())
            && v.canConvertToLong()
            && v.longValue() < 0) {
          error(path, VALUE_RANGE, section, prop.name() + " must not be negative");
        }
      }
      case FLOAT -> {
        if (!v.isNumber()) {
          typeError(path, section, "a number");
        }
      }
      case TIMESTAMP -> timestamp(v, path);
      case BINARY -> binary(v, path);
      case HEX -> hex(v, path);
      case DICTIONARY -> dictionary(v, path);
      case HASHES -> hashes(v, path);
      case IDENTIFIER -> reference(v, prop.target(), path, section);
      case IDENTIFIERS -> {
        if (list(v, path, section)) {
          int i = 0;
          for (JsonNode e : v) {
            reference(e, prop.target(), path + "[" + i++ + "]", section);
          }
        }
      }
      case STRINGS -> {
        if (list(v, path, section)) {
          int i = 0;
          for (JsonNode e : v) {
            string(e, path + "[" + i++ + "]", section);
          }
        }
      }
      case OPEN_VOCAB, ENUM -> vocab(v, prop.vocab(), path, section);
      case OPEN_VOCABS, ENUMS -> {
        if (list(v, path, section)) {
          int i = 0;
          for (JsonNode e : v) {
            vocab(e, prop.vocab(), path + "[" + i++ + "]", section);
          }
        }
      }
      case EXTERNAL_REFERENCES -> externalReferences(v, path, ownerType);
      case KILL_CHAIN_PHASES -> killChainPhases(v, path);
      case GRANULAR_MARKINGS -> granularMarkings(v, path);
      case EXTENSIONS -> extensions(v, path, ownerType);
      case OBJECT -> {
        if (!v.isObject()) {
          typeError(path, section, "an object");
        } else if (prop.nested() != null) {
          nested(v, TypeTable.NESTED.get(prop.nested()), path);
        }
      }
      case OBJECTS -> {
        if (list(v, path, section)) {
          int i = 0;
          for (JsonNode e : v) {
            String p = path + "[" + i++ + "]";
            if (!e.isObject()) {
              typeError(p, section, "an object");
            } else if (prop.nested() != null) {
              nested(e, TypeTable.NESTED.get(prop.nested()), p);
            }
          }
        }
      }
      case OBSERVABLE_CONTAINER -> observableContainer(v, path);
      case RESERVED ->
          error(path, RESERVED_PROPERTY, "3.8", prop.name() + " is reserved and must not be used");
      default -> throw new IllegalStateException("unhandled kind " + prop.kind());
    }
  }

  /** A nested property set (extension or embedded type): required, typed and custom properties. */
  void nested(JsonNode v, TypeSpec spec, String path) {
    for (Prop p : spec.props().values()) {
      if (p.required() && !v.has(p.name())) {
        error(
            Paths.child(path, p.name()),
            REQUIRED_PROPERTY,
            spec.section(),
            spec.name() + " requires " + p.name());
      }
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      Prop p = spec.props().get(e.getKey());
      String child = Paths.child(path, e.getKey());
      if (p != null) {
        value(p, e.getValue(), child, spec.section(), spec.name());
      } else if (!"extension_type".equals(e.getKey())) {
        customProperty(e.getKey(), e.getValue(), child, false);
      }
    }
  }

  private void string(JsonNode v, String path, String section) {
    if (!v.isString()) {
      typeError(path, section, "a string");
    }
  }

  boolean timestamp(JsonNode v, String path) {
    if (!v.isString()) {
      typeError(path, "2.16", "a timestamp string");
      return false;
    }
    if (!StixTimestamps.isValid(v.stringValue())) {
      error(
          path,
          TIMESTAMP_FORMAT,
          "2.16",
          "\"" + v.stringValue() + "\" is not a timestamp of the form YYYY-MM-DDTHH:mm:ss[.s+]Z");
      return false;
    }
    return true;
  }

  private void binary(JsonNode v, String path) {
    if (!v.isString()) {
      typeError(path, "2.1", "a base64 string");
      return;
    }
    if (!Formats.base64(v.stringValue())) {
      error(path, VALUE_FORMAT, "2.1", "not valid base64 (RFC 4648)");
    }
  }

  private void hex(JsonNode v, String path) {
    if (!v.isString()) {
      typeError(path, "2.8", "a hex string");
      return;
    }
    if (!Formats.hex(v.stringValue())) {
      error(
          path,
          VALUE_FORMAT,
          "2.8",
          "hex values must have an even number of characters 0-9 and a-f");
    }
  }

  private void dictionary(JsonNode v, String path) {
    if (!v.isObject()) {
      typeError(path, "2.3", "a dictionary");
      return;
    }
    if (v.isEmpty()) {
      error(path, EMPTY_VALUE, "2.3", "empty dictionaries are prohibited");
    }
    for (String key : v.propertyNames()) {
      if (!Formats.dictionaryKey(key, 1)) {
        error(
            Paths.child(path, key),
            DICTIONARY_KEY,
            "2.3",
            "dictionary keys must be at most 250 of a-z, A-Z, 0-9, hyphen and underscore");
      }
    }
  }

  void hashes(JsonNode v, String path) {
    if (!v.isObject()) {
      typeError(path, "2.7", "a hashes dictionary");
      return;
    }
    if (v.isEmpty()) {
      error(path, EMPTY_VALUE, "2.7", "empty dictionaries are prohibited");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String key = e.getKey();
      String p = Paths.child(path, key);
      if (!Formats.dictionaryKey(key, 3)) {
        error(
            p,
            DICTIONARY_KEY,
            "2.7",
            "hash names must be 3 to 250 of a-z, A-Z, 0-9, hyphen and underscore");
      } else if (!HASH_ALGORITHMS.contains(key)) {
        warning(p, OPEN_VOCABULARY, "10.7", "\"" + key + "\" is not in hash-algorithm-ov");
      }
      if (!e.getValue().isString()) {
        typeError(p, "2.7", "a string");
        continue;
      }
      Integer len = HASH_HEX_LENGTH.get(key);
      String h = e.getValue().stringValue();
      if (len != null && (h.length() != len || !Formats.hexAnyCase(h))) {
        error(p, VALUE_FORMAT, "2.7", key + " must be " + len + " hexadecimal characters");
      }
    }
  }

  private boolean list(JsonNode v, String path, String section) {
    if (!v.isArray()) {
      typeError(path, section, "a list");
      return false;
    }
    if (v.isEmpty()) {
      error(path, EMPTY_VALUE, "2.12", "empty lists are prohibited");
      return false;
    }
    return true;
  }

  private void vocab(JsonNode v, Vocabularies.Vocab vocab, String path, String section) {
    if (!v.isString()) {
      typeError(path, section, "a string from " + vocab.name());
      return;
    }
    String s = v.stringValue();
    if (!vocab.values().contains(s)) {
      if (vocab.closed()) {
        error(
            path,
            CLOSED_VOCABULARY,
            vocab.section(),
            "\"" + s + "\" is not a value of " + vocab.name());
      } else {
        warning(
            path,
            OPEN_VOCABULARY,
            vocab.section(),
            "\"" + s + "\" is not a value of " + vocab.name());
      }
    }
  }

  private void externalReferences(JsonNode v, String path, String ownerType) {
    if (!list(v, path, "2.5")) {
      return;
    }
    TypeSpec spec = TypeTable.NESTED.get("external-reference");
    int i = 0;
    for (JsonNode r : v) {
      String p = path + "[" + i++ + "]";
      if (!r.isObject()) {
        typeError(p, "2.5", "an external-reference object");
        continue;
      }
      nested(r, spec, p);
      if (!r.has("description") && !r.has("url") && !r.has("external_id")) {
        error(
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
        error(
            p + ".external_id",
            EXTERNAL_REFERENCE,
            "4.1",
            "a capec reference needs external_id CAPEC-<number>");
      }
      if ("vulnerability".equals(ownerType)
          && "cve".equals(source)
          && (extId == null || !Formats.CVE.matcher(extId).matches())) {
        error(
            p + ".external_id",
            EXTERNAL_REFERENCE,
            "4.19",
            "a cve reference needs external_id CVE-<year>-<number>");
      }
    }
  }

  private void killChainPhases(JsonNode v, String path) {
    if (!list(v, path, "2.11")) {
      return;
    }
    TypeSpec spec = TypeTable.NESTED.get("kill-chain-phase");
    int i = 0;
    for (JsonNode k : v) {
      String p = path + "[" + i++ + "]";
      if (!k.isObject()) {
        typeError(p, "2.11", "a kill-chain-phase object");
        continue;
      }
      nested(k, spec, p);
      for (String name : List.of("kill_chain_name", "phase_name")) {
        String s = k.path(name).asString(null);
        if (s != null && !Formats.lowerHyphen(s)) {
          warning(
              Paths.child(p, name),
              KILL_CHAIN_PHASE,
              "2.11",
              name + " should be lowercase with hyphens between words");
        }
      }
    }
  }

  private void granularMarkings(JsonNode v, String path) {
    if (!list(v, path, "7.2.3")) {
      return;
    }
    TypeSpec spec = TypeTable.NESTED.get("granular-marking");
    int i = 0;
    for (JsonNode g : v) {
      String p = path + "[" + i++ + "]";
      if (!g.isObject()) {
        typeError(p, "7.2.3", "a granular-marking object");
        continue;
      }
      nested(g, spec, p);
      boolean lang = g.has("lang");
      boolean ref = g.has("marking_ref");
      if (lang == ref) {
        error(p, GRANULAR_MARKING, "7.2.3", "exactly one of lang and marking_ref must be present");
      }
      if (lang && g.get("lang").isString() && !Formats.languageTag(g.get("lang").stringValue())) {
        error(p + ".lang", VALUE_FORMAT, "7.2.3", "lang must be an RFC 5646 language tag");
      }
      JsonNode selectors = g.get("selectors");
      if (selectors != null && selectors.isArray()) {
        int j = 0;
        for (JsonNode s : selectors) {
          if (s.isString() && !Formats.selects(root, s.stringValue())) {
            error(
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

  private void extensions(JsonNode v, String path, String ownerType) {
    if (!v.isObject()) {
      typeError(path, "3.2", "a dictionary of extensions");
      return;
    }
    if (v.isEmpty()) {
      error(path, EMPTY_VALUE, "2.3", "empty dictionaries are prohibited");
    }
    TypeSpec owner = TypeTable.TYPES.get(ownerType);
    boolean sco = owner != null && owner.category() == Category.SCO;
    Set<String> predefined = TypeTable.PREDEFINED_EXTENSIONS.getOrDefault(ownerType, Set.of());
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String key = e.getKey();
      JsonNode ext = e.getValue();
      String p = Paths.child(path, key);
      if (!ext.isObject()) {
        typeError(p, "3.2", "an extension object");
        continue;
      }
      if (key.startsWith("extension-definition--")) {
        if (!StixIds.isUuidForm(key.substring("extension-definition--".length()))) {
          error(p, REFERENCE_FORMAT, "3.2", "extension key must be an extension-definition id");
        }
        JsonNode et = ext.get("extension_type");
        if (et == null) {
          error(
              p + ".extension_type",
              EXTENSION,
              "3.2",
              "extensions defined by an extension-definition must state extension_type");
        } else if (!et.isString() || !EXTENSION_TYPES.contains(et.stringValue())) {
          error(
              p + ".extension_type",
              CLOSED_VOCABULARY,
              "10.5",
              "extension_type must come from extension-type-enum");
        } else if (et.stringValue().startsWith("new-") && owner != null) {
          error(
              p + ".extension_type",
              EXTENSION,
              "7.3",
              et.stringValue() + " cannot apply to the predefined type " + ownerType);
        } else if ("toplevel-property-extension".equals(et.stringValue()) && ext.size() > 1) {
          warning(
              p,
              EXTENSION,
              "7.3",
              "a toplevel-property-extension carries its properties at the top level of the object");
        }
        for (Map.Entry<String, JsonNode> x : ext.properties()) {
          if (!"extension_type".equals(x.getKey()) && !Formats.propertyName(x.getKey())) {
            error(
                Paths.child(p, x.getKey()),
                CUSTOM_PROPERTY_NAME,
                "3.1",
                "property names must be 3 to 250 of a-z, 0-9 and underscore");
          }
        }
      } else if (predefined.contains(key)) {
        TypeSpec spec = TypeTable.NESTED.get(key);
        nested(ext, spec, p);
        TypeRules.extension(key, ext, p, this);
      } else if (TypeTable.NESTED.containsKey(key) && key.endsWith("-ext")) {
        error(
            p,
            EXTENSION,
            "3.10",
            key + " is a predefined extension of another object type, not of " + ownerType);
      } else if (!sco) {
        error(
            p,
            EXTENSION,
            "11.3",
            "custom extensions other than extension-definitions can only be used with SCOs");
      } else {
        if (!Formats.customExtensionName(key)) {
          error(
              p,
              EXTENSION,
              "11.3.1",
              "custom extension names must be 3 to 250 of a-z, 0-9 and hyphen, ending in -ext");
        } else {
          warning(
              p,
              DEPRECATED,
              "11.3",
              "custom extensions are deprecated; use an extension-definition");
        }
        if (ext.isEmpty()) {
          error(p, EMPTY_VALUE, "11.3.1", "a custom extension must have one or more properties");
        }
      }
    }
  }

  private void observableContainer(JsonNode v, String path) {
    warning(path, DEPRECATED, "4.14", "observed-data objects is deprecated; use object_refs");
    if (!v.isObject()) {
      typeError(path, "2.13", "an observable container (dictionary of SCOs)");
      return;
    }
    if (v.isEmpty()) {
      error(path, EMPTY_VALUE, "2.13", "the observable container must contain at least one object");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      JsonNode o = e.getValue();
      if (!o.isObject() || !o.path("type").isString()) {
        error(
            Paths.child(path, e.getKey()),
            PROPERTY_TYPE,
            "2.13",
            "each entry must be a cyber-observable object with a type");
      }
    }
  }

  void customProperty(String name, JsonNode value, String path, boolean definedByExtension) {
    if (!Formats.propertyName(name)) {
      error(
          path,
          CUSTOM_PROPERTY_NAME,
          "11.1.1",
          "custom property \"" + name + "\": names must be 3 to 250 of a-z, 0-9 and underscore");
      return;
    }
    if (!definedByExtension && !name.startsWith("x_")) {
      warning(
          path,
          CUSTOM_PROPERTY_PREFIX,
          "11.1.1",
          "custom property \"" + name + "\" should start with \"x_\"");
    }
    // The spec ties suffixes to types only one way (an id-valued property must end in _ref), so a
    // custom _ref/_refs/_hex/_bin property holding something else is suspicious, not invalid.
    if (name.endsWith("_ref")) {
      if (!isIdentifier(value)) {
        warning(
            path,
            REFERENCE_FORMAT,
            "3.1",
            "custom property ending in _ref should hold an identifier");
      }
    } else if (name.endsWith("_refs")) {
      boolean ok = value.isArray();
      if (ok) {
        for (JsonNode e : value) {
          ok &= isIdentifier(e);
        }
      }
      if (!ok) {
        warning(
            path,
            REFERENCE_FORMAT,
            "3.1",
            "custom property ending in _refs should hold a list of identifiers");
      }
    } else if (name.endsWith("_hex") && !(value.isString() && Formats.hex(value.stringValue()))) {
      warning(path, VALUE_FORMAT, "3.1", "custom property ending in _hex should hold a hex string");
    } else if (name.endsWith("_bin")
        && !(value.isString() && Formats.base64(value.stringValue()))) {
      warning(path, VALUE_FORMAT, "3.1", "custom property ending in _bin should hold base64");
    }
  }

  private static boolean isIdentifier(JsonNode v) {
    return v.isString() && StixIds.isIdentifier(v.stringValue());
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

  private void markingDefinition(JsonNode o, String path, String id) {
    boolean hasExtensions = o.has("extensions");
    JsonNode type = o.get("definition_type");
    JsonNode def = o.get("definition");
    if (!hasExtensions) {
      if (type == null) {
        error(
            path + ".definition_type",
            REQUIRED_PROPERTY,
            "7.2.1",
            "definition_type is required when extensions is absent");
      }
      if (def == null) {
        error(
            path + ".definition",
            REQUIRED_PROPERTY,
            "7.2.1",
            "definition is required when extensions is absent");
      }
    }
    if (type != null || def != null) {
      warning(
          path + (type != null ? ".definition_type" : ".definition"),
          DEPRECATED,
          "7.2.1",
          "definition_type and definition are deprecated; use an extension");
    }
    if ((type == null) != (def == null)) {
      error(path, Rules.MARKING_DEFINITION, "7.2.1", "definition_type and definition go together");
      return;
    }
    if (type == null || !type.isString() || !def.isObject()) {
      return;
    }
    switch (type.stringValue()) {
      case "statement" ->
          nested(def, TypeTable.NESTED.get("statement-marking"), path + ".definition");
      case "tlp" -> {
        nested(def, TypeTable.NESTED.get("tlp-marking"), path + ".definition");
        String tlp = def.path("tlp").asString("");
        String official = TLP1_IDS.get(tlp);
        if (official == null) {
          error(
              path + ".definition.tlp",
              Rules.MARKING_DEFINITION,
              "7.2.1.4",
              "tlp must be white, green, amber or red");
        } else if (!official.equals(id)) {
          error(
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
          warning(
              path + ".definition_type",
              OPEN_VOCABULARY,
              "7.2.1",
              "definition_type should be statement or tlp");
    }
  }

  // ---- reporting -----------------------------------------------------------------------------

  void error(String path, String rule, String section, String message) {
    out.add(new Finding(Severity.ERROR, path, rule, section, message));
  }

  void warning(String path, String rule, String section, String message) {
    out.add(new Finding(Severity.WARNING, path, rule, section, message));
  }

  private void typeError(String path, String section, String expected) {
    error(path, PROPERTY_TYPE, section, "must be " + expected);
  }

  static String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return v != null && v.isString() ? v.stringValue() : null;
  }
}
