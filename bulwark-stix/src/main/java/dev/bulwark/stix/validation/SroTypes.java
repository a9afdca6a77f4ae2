package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Kind.INTEGER;
import static dev.bulwark.stix.validation.Kind.STRING;
import static dev.bulwark.stix.validation.Kind.TIMESTAMP;
import static dev.bulwark.stix.validation.Target.categories;
import static dev.bulwark.stix.validation.Target.types;
import static dev.bulwark.stix.validation.TypeTable.LIST;
import static dev.bulwark.stix.validation.TypeTable.ONE;
import static dev.bulwark.stix.validation.TypeTable.define;
import static dev.bulwark.stix.validation.TypeTable.p;
import static dev.bulwark.stix.validation.TypeTable.ref;

/**
 * The STIX Relationship Objects of STIX 2.1 section 5 (relationship, sighting): their specific
 * properties, transcribed from the specification. Part of the {@link TypeTable}; stateless.
 */
final class SroTypes {

  private SroTypes() {}

  /** Adds the SROs of section 5 to the {@link TypeTable}; called once, from its initialisation. */
  static void defineAll() {
    define(
        "relationship",
        Category.SRO,
        "5.1",
        p("relationship_type", true, STRING),
        p("description", false, STRING),
        ref("source_ref", true, ONE, categories(Category.SDO, Category.SCO)),
        ref("target_ref", true, ONE, categories(Category.SDO, Category.SCO)),
        p("start_time", false, TIMESTAMP),
        p("stop_time", false, TIMESTAMP));
    define(
        "sighting",
        Category.SRO,
        "5.2",
        p("description", false, STRING),
        p("first_seen", false, TIMESTAMP),
        p("last_seen", false, TIMESTAMP),
        p("count", false, INTEGER),
        ref("sighting_of_ref", true, ONE, categories(Category.SDO)),
        ref("observed_data_refs", false, LIST, types("observed-data")),
        ref("where_sighted_refs", false, LIST, types("identity", "location")),
        p("summary", false, STRING));
  }
}
