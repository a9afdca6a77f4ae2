package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Kind.BOOLEAN;
import static dev.bulwark.stix.validation.Kind.ENUM;
import static dev.bulwark.stix.validation.Kind.EXTERNAL_REFERENCES;
import static dev.bulwark.stix.validation.Kind.FLOAT;
import static dev.bulwark.stix.validation.Kind.INTEGER;
import static dev.bulwark.stix.validation.Kind.KILL_CHAIN_PHASES;
import static dev.bulwark.stix.validation.Kind.OBSERVABLE_CONTAINER;
import static dev.bulwark.stix.validation.Kind.OPEN_VOCAB;
import static dev.bulwark.stix.validation.Kind.OPEN_VOCABS;
import static dev.bulwark.stix.validation.Kind.RESERVED;
import static dev.bulwark.stix.validation.Kind.STRING;
import static dev.bulwark.stix.validation.Kind.STRINGS;
import static dev.bulwark.stix.validation.Kind.TIMESTAMP;
import static dev.bulwark.stix.validation.Target.ANY;
import static dev.bulwark.stix.validation.Target.categories;
import static dev.bulwark.stix.validation.Target.types;
import static dev.bulwark.stix.validation.TypeTable.LIST;
import static dev.bulwark.stix.validation.TypeTable.ONE;
import static dev.bulwark.stix.validation.TypeTable.define;
import static dev.bulwark.stix.validation.TypeTable.p;
import static dev.bulwark.stix.validation.TypeTable.ref;
import static dev.bulwark.stix.validation.TypeTable.vocab;

/**
 * The STIX Domain Objects of STIX 2.1 section 4 (attack-pattern ... vulnerability): their specific
 * properties, transcribed from the specification. Part of the {@link TypeTable}; stateless.
 */
final class SdoTypes {

  private SdoTypes() {}

  /** Adds the SDOs of section 4 to the {@link TypeTable}; called once, from its initialisation. */
  // The table transcribes the specification, one define(...) per type in the order of its sections:
  // cutting it into methods would only scatter what is read side by side with the specification.
  @SuppressWarnings("checkstyle:MethodLength")
  static void defineAll() {
    define(
        "attack-pattern",
        Category.SDO,
        "4.1",
        p("external_references", false, EXTERNAL_REFERENCES),
        p("name", true, STRING),
        p("description", false, STRING),
        p("aliases", false, STRINGS),
        p("kill_chain_phases", false, KILL_CHAIN_PHASES));
    define(
        "campaign",
        Category.SDO,
        "4.2",
        p("name", true, STRING),
        p("description", false, STRING),
        p("aliases", false, STRINGS),
        p("first_seen", false, TIMESTAMP),
        p("last_seen", false, TIMESTAMP),
        p("objective", false, STRING));
    define(
        "course-of-action",
        Category.SDO,
        "4.3",
        p("name", true, STRING),
        p("description", false, STRING),
        p("action", false, RESERVED));
    // The Markdown rendering of the spec marks grouping.name required and malware.is_family
    // optional;
    // the OASIS 2.1 specification and its JSON schemas say the opposite, which is what we follow.
    define(
        "grouping",
        Category.SDO,
        "4.4",
        p("name", false, STRING),
        p("description", false, STRING),
        vocab("context", true, OPEN_VOCAB, "grouping-context-ov"),
        ref("object_refs", true, LIST, ANY));
    define(
        "identity",
        Category.SDO,
        "4.5",
        p("name", true, STRING),
        p("description", false, STRING),
        p("roles", false, STRINGS),
        vocab("identity_class", false, OPEN_VOCAB, "identity-class-ov"),
        vocab("sectors", false, OPEN_VOCABS, "industry-sector-ov"),
        p("contact_information", false, STRING));
    define(
        "incident", Category.SDO, "4.6", p("name", true, STRING), p("description", false, STRING));
    define(
        "indicator",
        Category.SDO,
        "4.7",
        p("name", false, STRING),
        p("description", false, STRING),
        vocab("indicator_types", false, OPEN_VOCABS, "indicator-type-ov"),
        p("pattern", true, STRING),
        vocab("pattern_type", true, OPEN_VOCAB, "pattern-type-ov"),
        p("pattern_version", false, STRING),
        p("valid_from", true, TIMESTAMP),
        p("valid_until", false, TIMESTAMP),
        p("kill_chain_phases", false, KILL_CHAIN_PHASES));
    define(
        "infrastructure",
        Category.SDO,
        "4.8",
        p("name", true, STRING),
        p("description", false, STRING),
        vocab("infrastructure_types", false, OPEN_VOCABS, "infrastructure-type-ov"),
        p("aliases", false, STRINGS),
        p("kill_chain_phases", false, KILL_CHAIN_PHASES),
        p("first_seen", false, TIMESTAMP),
        p("last_seen", false, TIMESTAMP));
    define(
        "intrusion-set",
        Category.SDO,
        "4.9",
        p("name", true, STRING),
        p("description", false, STRING),
        p("aliases", false, STRINGS),
        p("first_seen", false, TIMESTAMP),
        p("last_seen", false, TIMESTAMP),
        p("goals", false, STRINGS),
        vocab("resource_level", false, OPEN_VOCAB, "attack-resource-level-ov"),
        vocab("primary_motivation", false, OPEN_VOCAB, "attack-motivation-ov"),
        vocab("secondary_motivations", false, OPEN_VOCABS, "attack-motivation-ov"));
    define(
        "location",
        Category.SDO,
        "4.10",
        p("name", false, STRING),
        p("description", false, STRING),
        p("latitude", false, FLOAT),
        p("longitude", false, FLOAT),
        p("precision", false, FLOAT),
        vocab("region", false, OPEN_VOCAB, "region-ov"),
        p("country", false, STRING),
        p("administrative_area", false, STRING),
        p("city", false, STRING),
        p("street_address", false, STRING),
        p("postal_code", false, STRING));
    define(
        "malware",
        Category.SDO,
        "4.11",
        p("name", false, STRING),
        p("description", false, STRING),
        vocab("malware_types", false, OPEN_VOCABS, "malware-type-ov"),
        p("is_family", true, BOOLEAN),
        p("aliases", false, STRINGS),
        p("kill_chain_phases", false, KILL_CHAIN_PHASES),
        p("first_seen", false, TIMESTAMP),
        p("last_seen", false, TIMESTAMP),
        ref("operating_system_refs", false, LIST, types("software")),
        vocab("architecture_execution_envs", false, OPEN_VOCABS, "processor-architecture-ov"),
        vocab("implementation_languages", false, OPEN_VOCABS, "implementation-language-ov"),
        vocab("capabilities", false, OPEN_VOCABS, "malware-capabilities-ov"),
        ref("sample_refs", false, LIST, types("file", "artifact")));
    define(
        "malware-analysis",
        Category.SDO,
        "4.12",
        p("product", true, STRING),
        p("version", false, STRING),
        ref("host_vm_ref", false, ONE, types("software")),
        ref("operating_system_ref", false, ONE, types("software")),
        ref("installed_software_refs", false, LIST, types("software")),
        p("configuration_version", false, STRING),
        p("modules", false, STRINGS),
        p("analysis_engine_version", false, STRING),
        p("analysis_definition_version", false, STRING),
        p("submitted", false, TIMESTAMP),
        p("analysis_started", false, TIMESTAMP),
        p("analysis_ended", false, TIMESTAMP),
        p("result_name", false, STRING),
        vocab("result", false, OPEN_VOCAB, "malware-result-ov"),
        ref("analysis_sco_refs", false, LIST, categories(Category.SCO)),
        ref("sample_ref", false, ONE, types("file", "network-traffic", "artifact")));
    define(
        "note",
        Category.SDO,
        "4.13",
        p("abstract", false, STRING),
        p("content", true, STRING),
        p("authors", false, STRINGS),
        ref("object_refs", true, LIST, ANY));
    define(
        "observed-data",
        Category.SDO,
        "4.14",
        p("first_observed", true, TIMESTAMP),
        p("last_observed", true, TIMESTAMP),
        p("number_observed", true, INTEGER),
        p("objects", false, OBSERVABLE_CONTAINER),
        ref("object_refs", false, LIST, categories(Category.SCO, Category.SRO)));
    define(
        "opinion",
        Category.SDO,
        "4.15",
        p("explanation", false, STRING),
        p("authors", false, STRINGS),
        vocab("opinion", true, ENUM, "opinion-enum"),
        ref("object_refs", true, LIST, ANY));
    define(
        "report",
        Category.SDO,
        "4.16",
        p("name", true, STRING),
        p("description", false, STRING),
        vocab("report_types", false, OPEN_VOCABS, "report-type-ov"),
        p("published", true, TIMESTAMP),
        ref("object_refs", true, LIST, ANY));
    define(
        "threat-actor",
        Category.SDO,
        "4.17",
        p("name", true, STRING),
        p("description", false, STRING),
        vocab("threat_actor_types", false, OPEN_VOCABS, "threat-actor-type-ov"),
        p("aliases", false, STRINGS),
        p("first_seen", false, TIMESTAMP),
        p("last_seen", false, TIMESTAMP),
        vocab("roles", false, OPEN_VOCABS, "threat-actor-role-ov"),
        p("goals", false, STRINGS),
        vocab("sophistication", false, OPEN_VOCAB, "threat-actor-sophistication-ov"),
        vocab("resource_level", false, OPEN_VOCAB, "attack-resource-level-ov"),
        vocab("primary_motivation", false, OPEN_VOCAB, "attack-motivation-ov"),
        vocab("secondary_motivations", false, OPEN_VOCABS, "attack-motivation-ov"),
        vocab("personal_motivations", false, OPEN_VOCABS, "attack-motivation-ov"));
    define(
        "tool",
        Category.SDO,
        "4.18",
        p("name", true, STRING),
        p("description", false, STRING),
        vocab("tool_types", false, OPEN_VOCABS, "tool-type-ov"),
        p("aliases", false, STRINGS),
        p("kill_chain_phases", false, KILL_CHAIN_PHASES),
        p("tool_version", false, STRING));
    define(
        "vulnerability",
        Category.SDO,
        "4.19",
        p("external_references", false, EXTERNAL_REFERENCES),
        p("name", true, STRING),
        p("description", false, STRING));
  }
}
