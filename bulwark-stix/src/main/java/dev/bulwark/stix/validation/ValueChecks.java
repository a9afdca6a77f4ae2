package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.CLOSED_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.DICTIONARY_KEY;
import static dev.bulwark.stix.validation.Rules.EMPTY_VALUE;
import static dev.bulwark.stix.validation.Rules.OPEN_VOCABULARY;
import static dev.bulwark.stix.validation.Rules.PROPERTY_TYPE;
import static dev.bulwark.stix.validation.Rules.REFERENCE_FORMAT;
import static dev.bulwark.stix.validation.Rules.REFERENCE_TYPE;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.RESERVED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.TIMESTAMP_FORMAT;
import static dev.bulwark.stix.validation.Rules.VALUE_FORMAT;
import static dev.bulwark.stix.validation.Rules.VALUE_RANGE;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Value checks: a property's value against its {@link Kind} (strings, numbers, timestamps, binary
 * and hex, dictionaries, hashes, lists, vocabularies, references, nested property sets), reporting
 * through the {@link Checker} of the validation.
 *
 * <p>Stateless; thread-safe (the findings go to the checker passed in).
 */
final class ValueChecks {

  private ValueChecks() {}

  private static final Set<String> HASH_ALGORITHMS = Vocabularies.get("hash-algorithm-ov").values();

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

  /** A property's value against its kind; {@code ownerType} is the type whose property it is. */
  static void value(
      Checker c, Prop prop, JsonNode v, String path, String section, String ownerType) {
    switch (prop.kind()) {
      case STRING -> string(c, v, path, section);
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          c.typeError(path, section, "a boolean");
        }
      }
      case INTEGER -> integer(c, prop, v, path, section);
      case FLOAT -> {
        if (!v.isNumber()) {
          c.typeError(path, section, "a number");
        }
      }
      case TIMESTAMP -> timestamp(c, v, path);
      case BINARY -> binary(c, v, path);
      case HEX -> hex(c, v, path);
      case DICTIONARY -> dictionary(c, v, path);
      case HASHES -> hashes(c, v, path);
      case IDENTIFIER -> reference(c, v, prop.target(), path, section);
      case OPEN_VOCAB, ENUM -> vocab(c, v, prop.vocab(), path, section);
      case IDENTIFIERS, STRINGS, OPEN_VOCABS, ENUMS, OBJECTS -> {
        if (list(c, v, path, section)) {
          int i = 0;
          for (JsonNode e : v) {
            element(c, prop, e, path + "[" + i++ + "]", section);
          }
        }
      }
      case EXTERNAL_REFERENCES -> EmbeddedTypeChecks.externalReferences(c, v, path, ownerType);
      case KILL_CHAIN_PHASES -> EmbeddedTypeChecks.killChainPhases(c, v, path);
      case GRANULAR_MARKINGS -> EmbeddedTypeChecks.granularMarkings(c, v, path);
      case EXTENSIONS -> ExtensionChecks.extensions(c, v, path, ownerType);
      case OBJECT -> object(c, prop, v, path, section);
      case OBSERVABLE_CONTAINER -> EmbeddedTypeChecks.observableContainer(c, v, path);
      case RESERVED ->
          c.error(
              path, RESERVED_PROPERTY, "3.8", prop.name() + " is reserved and must not be used");
      default -> throw new IllegalStateException("unhandled kind " + prop.kind());
    }
  }

  /** One element of a list-valued property (the list itself is checked already). */
  private static void element(Checker c, Prop prop, JsonNode e, String path, String section) {
    switch (prop.kind()) {
      case IDENTIFIERS -> reference(c, e, prop.target(), path, section);
      case STRINGS -> string(c, e, path, section);
      case OPEN_VOCABS, ENUMS -> vocab(c, e, prop.vocab(), path, section);
      case OBJECTS -> object(c, prop, e, path, section);
      default -> throw new IllegalStateException("not a list kind " + prop.kind());
    }
  }

  private static void integer(Checker c, Prop prop, JsonNode v, String path, String section) {
    if (!v.isIntegralNumber()) {
      c.typeError(path, section, "an integer");
    } else if (NON_NEGATIVE.contains(prop.name()) && v.canConvertToLong() && v.longValue() < 0) {
      c.error(path, VALUE_RANGE, section, prop.name() + " must not be negative");
    }
  }

  /** An object value, checked against its nested type when the property names one. */
  private static void object(Checker c, Prop prop, JsonNode v, String path, String section) {
    if (!v.isObject()) {
      c.typeError(path, section, "an object");
    } else if (prop.nested() != null) {
      nested(c, v, TypeTable.NESTED.get(prop.nested()), path);
    }
  }

  /** A nested property set (extension or embedded type): required, typed and custom properties. */
  static void nested(Checker c, JsonNode v, TypeSpec spec, String path) {
    for (Prop p : spec.props().values()) {
      if (p.required() && !v.has(p.name())) {
        c.error(
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
        value(c, p, e.getValue(), child, spec.section(), spec.name());
      } else if (!"extension_type".equals(e.getKey())) {
        ExtensionChecks.customProperty(c, e.getKey(), e.getValue(), child, false);
      }
    }
  }

  static void string(Checker c, JsonNode v, String path, String section) {
    if (!v.isString()) {
      c.typeError(path, section, "a string");
    }
  }

  static boolean timestamp(Checker c, JsonNode v, String path) {
    if (!v.isString()) {
      c.typeError(path, "2.16", "a timestamp string");
      return false;
    }
    if (!StixTimestamps.isValid(v.stringValue())) {
      c.error(
          path,
          TIMESTAMP_FORMAT,
          "2.16",
          "\"" + v.stringValue() + "\" is not a timestamp of the form YYYY-MM-DDTHH:mm:ss[.s+]Z");
      return false;
    }
    return true;
  }

  static void binary(Checker c, JsonNode v, String path) {
    if (!v.isString()) {
      c.typeError(path, "2.1", "a base64 string");
      return;
    }
    if (!Formats.base64(v.stringValue())) {
      c.error(path, VALUE_FORMAT, "2.1", "not valid base64 (RFC 4648)");
    }
  }

  static void hex(Checker c, JsonNode v, String path) {
    if (!v.isString()) {
      c.typeError(path, "2.8", "a hex string");
      return;
    }
    if (!Formats.hex(v.stringValue())) {
      c.error(
          path,
          VALUE_FORMAT,
          "2.8",
          "hex values must have an even number of characters 0-9 and a-f");
    }
  }

  static void dictionary(Checker c, JsonNode v, String path) {
    if (!v.isObject()) {
      c.typeError(path, "2.3", "a dictionary");
      return;
    }
    if (v.isEmpty()) {
      c.error(path, EMPTY_VALUE, "2.3", "empty dictionaries are prohibited");
    }
    for (String key : v.propertyNames()) {
      if (!Formats.dictionaryKey(key, 1)) {
        c.error(
            Paths.child(path, key),
            DICTIONARY_KEY,
            "2.3",
            "dictionary keys must be at most 250 of a-z, A-Z, 0-9, hyphen and underscore");
      }
    }
  }

  static void hashes(Checker c, JsonNode v, String path) {
    if (!v.isObject()) {
      c.typeError(path, "2.7", "a hashes dictionary");
      return;
    }
    if (v.isEmpty()) {
      c.error(path, EMPTY_VALUE, "2.7", "empty dictionaries are prohibited");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String key = e.getKey();
      String p = Paths.child(path, key);
      if (!Formats.dictionaryKey(key, 3)) {
        c.error(
            p,
            DICTIONARY_KEY,
            "2.7",
            "hash names must be 3 to 250 of a-z, A-Z, 0-9, hyphen and underscore");
      } else if (!HASH_ALGORITHMS.contains(key)) {
        c.warning(p, OPEN_VOCABULARY, "10.7", "\"" + key + "\" is not in hash-algorithm-ov");
      }
      if (!e.getValue().isString()) {
        c.typeError(p, "2.7", "a string");
        continue;
      }
      Integer len = HASH_HEX_LENGTH.get(key);
      String h = e.getValue().stringValue();
      if (len != null && (h.length() != len || !Formats.hexAnyCase(h))) {
        c.error(p, VALUE_FORMAT, "2.7", key + " must be " + len + " hexadecimal characters");
      }
    }
  }

  static boolean list(Checker c, JsonNode v, String path, String section) {
    if (!v.isArray()) {
      c.typeError(path, section, "a list");
      return false;
    }
    if (v.isEmpty()) {
      c.error(path, EMPTY_VALUE, "2.12", "empty lists are prohibited");
      return false;
    }
    return true;
  }

  static void vocab(Checker c, JsonNode v, Vocabularies.Vocab vocab, String path, String section) {
    if (!v.isString()) {
      c.typeError(path, section, "a string from " + vocab.name());
      return;
    }
    String s = v.stringValue();
    if (!vocab.values().contains(s)) {
      if (vocab.closed()) {
        c.error(
            path,
            CLOSED_VOCABULARY,
            vocab.section(),
            "\"" + s + "\" is not a value of " + vocab.name());
      } else {
        c.warning(
            path,
            OPEN_VOCABULARY,
            vocab.section(),
            "\"" + s + "\" is not a value of " + vocab.name());
      }
    }
  }

  /** A reference: identifier form and allowed target types. */
  static void reference(Checker c, JsonNode v, Target target, String path, String section) {
    if (!v.isString()) {
      c.error(path, PROPERTY_TYPE, "2.9", "a reference must be an identifier string");
      return;
    }
    String ref = v.stringValue();
    int sep = ref.lastIndexOf("--");
    if (sep <= 0
        || !StixIds.isUuidForm(ref.substring(sep + 2))
        || StixIds.rfc4122Version(ref.substring(sep + 2)) < 0) {
      c.error(
          path,
          REFERENCE_FORMAT,
          "2.9",
          "\"" + ref + "\" is not an identifier of the form type--UUID");
      return;
    }
    String refType = ref.substring(0, sep);
    if (target != null && !target.allows(refType)) {
      c.error(
          path, REFERENCE_TYPE, section, "must refer to " + target.describe() + ", not " + refType);
    }
  }
}
