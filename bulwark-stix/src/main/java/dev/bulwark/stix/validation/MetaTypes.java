package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Kind.DICTIONARY;
import static dev.bulwark.stix.validation.Kind.ENUMS;
import static dev.bulwark.stix.validation.Kind.OBJECT;
import static dev.bulwark.stix.validation.Kind.OBJECTS;
import static dev.bulwark.stix.validation.Kind.STRING;
import static dev.bulwark.stix.validation.Kind.STRINGS;
import static dev.bulwark.stix.validation.Kind.TIMESTAMP;
import static dev.bulwark.stix.validation.Target.ANY;
import static dev.bulwark.stix.validation.TypeTable.ONE;
import static dev.bulwark.stix.validation.TypeTable.define;
import static dev.bulwark.stix.validation.TypeTable.p;
import static dev.bulwark.stix.validation.TypeTable.ref;
import static dev.bulwark.stix.validation.TypeTable.vocab;

/**
 * The meta objects of STIX 2.1 section 7 (language-content, marking-definition and its definitions,
 * extension-definition) and the bundle of section 8, transcribed from the specification. Part of
 * the {@link TypeTable}; stateless.
 */
final class MetaTypes {

  private MetaTypes() {}

  /**
   * Adds the meta objects of section 7 and the bundle of section 8 to the {@link TypeTable}; called
   * once, from its initialisation.
   */
  static void defineAll() {
    define(
        "language-content",
        Category.LANGUAGE,
        "7.1",
        ref("object_ref", true, ONE, ANY),
        p("object_modified", false, TIMESTAMP),
        p("contents", true, DICTIONARY));
    define(
        "marking-definition",
        Category.MARKING,
        "7.2.1",
        p("name", false, STRING),
        p("definition_type", false, STRING),
        p("definition", false, OBJECT));
    define("statement-marking", Category.NESTED, "7.2.1.3", p("statement", true, STRING));
    define("tlp-marking", Category.NESTED, "7.2.1.4", p("tlp", true, STRING));

    define(
        "extension-definition",
        Category.EXTENSION_DEFINITION,
        "7.3",
        p("name", true, STRING),
        p("description", false, STRING),
        p("schema", true, STRING),
        p("version", true, STRING),
        vocab("extension_types", true, ENUMS, "extension-type-enum"),
        p("extension_properties", false, STRINGS));
    define(
        "bundle",
        Category.BUNDLE,
        "8",
        p("type", true, STRING),
        p("id", true, STRING),
        p("objects", false, OBJECTS));
  }
}
