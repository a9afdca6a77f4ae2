package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CLOSED_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.CUSTOM_PROPERTY_NAME;
import static dev.bulwark.stix.validation.Rules.CUSTOM_PROPERTY_PREFIX;
import static dev.bulwark.stix.validation.Rules.DEPRECATED;
import static dev.bulwark.stix.validation.Rules.EMPTY_VALUE;
import static dev.bulwark.stix.validation.Rules.EXTENSION;
import static dev.bulwark.stix.validation.Rules.REFERENCE_FORMAT;
import static dev.bulwark.stix.validation.Rules.VALUE_FORMAT;

import dev.bulwark.stix.StixIds;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Extension checks: the {@code extensions} dictionary (extension-definitions, predefined extensions
 * of the owner type, deprecated custom extensions) and custom properties (names, the {@code x_}
 * prefix, what their suffix promises).
 *
 * <p>Stateless; thread-safe (the findings go to the checker passed in).
 */
final class ExtensionChecks {

  private ExtensionChecks() {}

  private static final Set<String> EXTENSION_TYPES =
      Vocabularies.get("extension-type-enum").values();

  /** The {@code extensions} dictionary of an object (or nested type) of type {@code ownerType}. */
  static void extensions(Checker c, JsonNode v, String path, String ownerType) {
    if (!v.isObject()) {
      c.typeError(path, "3.2", "a dictionary of extensions");
      return;
    }
    if (v.isEmpty()) {
      c.error(path, EMPTY_VALUE, "2.3", "empty dictionaries are prohibited");
    }
    TypeSpec owner = TypeTable.TYPES.get(ownerType);
    boolean sco = owner != null && owner.category() == Category.SCO;
    Set<String> predefined = TypeTable.PREDEFINED_EXTENSIONS.getOrDefault(ownerType, Set.of());
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String key = e.getKey();
      JsonNode ext = e.getValue();
      String p = Paths.child(path, key);
      if (!ext.isObject()) {
        c.typeError(p, "3.2", "an extension object");
      } else if (key.startsWith("extension-definition--")) {
        definedExtension(c, key, ext, p, owner, ownerType);
      } else if (predefined.contains(key)) {
        ValueChecks.nested(c, ext, TypeTable.NESTED.get(key), p);
        TypeRules.extension(key, ext, p, c);
      } else if (IncidentSuiteChecks.isImpactExtension(ownerType, key)) {
        // a named impact detail of the Incident Extension Suite (2.3.2): a predefined extension
        if (ext.isEmpty()) {
          c.error(p, EMPTY_VALUE, "3.2", "an impact extension must have one or more properties");
        }
      } else if (TypeTable.NESTED.containsKey(key) && key.endsWith("-ext")) {
        c.error(
            p,
            EXTENSION,
            "3.10",
            key + " is a predefined extension of another object type, not of " + ownerType);
      } else if (!sco) {
        c.error(
            p,
            EXTENSION,
            "11.3",
            "custom extensions other than extension-definitions can only be used with SCOs");
      } else {
        customExtension(c, key, ext, p);
      }
    }
  }

  /** An extension keyed by the identifier of its extension-definition. */
  private static void definedExtension(
      Checker c, String key, JsonNode ext, String p, TypeSpec owner, String ownerType) {
    if (!StixIds.isUuidForm(key.substring("extension-definition--".length()))) {
      c.error(p, REFERENCE_FORMAT, "3.2", "extension key must be an extension-definition id");
    }
    JsonNode et = ext.get("extension_type");
    if (et == null) {
      c.error(
          p + ".extension_type",
          EXTENSION,
          "3.2",
          "extensions defined by an extension-definition must state extension_type");
    } else if (!et.isString() || !EXTENSION_TYPES.contains(et.stringValue())) {
      c.error(
          p + ".extension_type",
          CLOSED_VOCABULARY,
          "10.5",
          "extension_type must come from extension-type-enum");
    } else if (et.stringValue().startsWith("new-") && owner != null) {
      c.error(
          p + ".extension_type",
          EXTENSION,
          "7.3",
          et.stringValue() + " cannot apply to the predefined type " + ownerType);
    } else if ("toplevel-property-extension".equals(et.stringValue()) && ext.size() > 1) {
      c.warning(
          p,
          EXTENSION,
          "7.3",
          "a toplevel-property-extension carries its properties at the top level of the object");
    }
    for (Map.Entry<String, JsonNode> x : ext.properties()) {
      if (!"extension_type".equals(x.getKey()) && !Formats.propertyName(x.getKey())) {
        c.error(
            Paths.child(p, x.getKey()),
            CUSTOM_PROPERTY_NAME,
            "3.1",
            "property names must be 3 to 250 of a-z, 0-9 and underscore");
      }
    }
  }

  /** A custom (pre-extension-definition) extension of an SCO: deprecated, named -ext. */
  private static void customExtension(Checker c, String key, JsonNode ext, String p) {
    if (!Formats.customExtensionName(key)) {
      c.error(
          p,
          EXTENSION,
          "11.3.1",
          "custom extension names must be 3 to 250 of a-z, 0-9 and hyphen, ending in -ext");
    } else {
      c.warning(
          p, DEPRECATED, "11.3", "custom extensions are deprecated; use an extension-definition");
    }
    if (ext.isEmpty()) {
      c.error(p, EMPTY_VALUE, "11.3.1", "a custom extension must have one or more properties");
    }
  }

  static void customProperty(
      Checker c, String name, JsonNode value, String path, boolean definedByExtension) {
    if (!Formats.propertyName(name)) {
      c.error(
          path,
          CUSTOM_PROPERTY_NAME,
          "11.1.1",
          "custom property \"" + name + "\": names must be 3 to 250 of a-z, 0-9 and underscore");
      return;
    }
    if (!definedByExtension && !name.startsWith("x_")) {
      c.warning(
          path,
          CUSTOM_PROPERTY_PREFIX,
          "11.1.1",
          "custom property \"" + name + "\" should start with \"x_\"");
    }
    // The spec ties suffixes to types only one way (an id-valued property must end in _ref), so a
    // custom _ref/_refs/_hex/_bin property holding something else is suspicious, not invalid.
    if (name.endsWith("_ref")) {
      if (!isIdentifier(value)) {
        c.warning(
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
        c.warning(
            path,
            REFERENCE_FORMAT,
            "3.1",
            "custom property ending in _refs should hold a list of identifiers");
      }
    } else if (name.endsWith("_hex") && !(value.isString() && Formats.hex(value.stringValue()))) {
      c.warning(
          path, VALUE_FORMAT, "3.1", "custom property ending in _hex should hold a hex string");
    } else if (name.endsWith("_bin")
        && !(value.isString() && Formats.base64(value.stringValue()))) {
      c.warning(path, VALUE_FORMAT, "3.1", "custom property ending in _bin should hold base64");
    }
  }

  static boolean isIdentifier(JsonNode v) {
    return v.isString() && StixIds.isIdentifier(v.stringValue());
  }
}
