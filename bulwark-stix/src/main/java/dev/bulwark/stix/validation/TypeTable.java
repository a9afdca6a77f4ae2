package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Kind.BINARY;
import static dev.bulwark.stix.validation.Kind.BOOLEAN;
import static dev.bulwark.stix.validation.Kind.DICTIONARY;
import static dev.bulwark.stix.validation.Kind.ENUM;
import static dev.bulwark.stix.validation.Kind.ENUMS;
import static dev.bulwark.stix.validation.Kind.EXTENSIONS;
import static dev.bulwark.stix.validation.Kind.EXTERNAL_REFERENCES;
import static dev.bulwark.stix.validation.Kind.FLOAT;
import static dev.bulwark.stix.validation.Kind.GRANULAR_MARKINGS;
import static dev.bulwark.stix.validation.Kind.HASHES;
import static dev.bulwark.stix.validation.Kind.HEX;
import static dev.bulwark.stix.validation.Kind.INTEGER;
import static dev.bulwark.stix.validation.Kind.KILL_CHAIN_PHASES;
import static dev.bulwark.stix.validation.Kind.OBJECT;
import static dev.bulwark.stix.validation.Kind.OBJECTS;
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

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property tables of STIX 2.1 (errata 01) sections 2 to 8, transcribed from the specification:
 * every SDO, SRO, SCO, meta object, predefined SCO extension and embedded type, with their common
 * properties (section 3.2 summary table), reference targets, vocabularies and SCO ID contributing
 * properties. Built once at class initialisation; immutable and thread-safe afterwards.
 */
final class TypeTable {

  private static final boolean LIST = true;
  private static final boolean ONE = false;

  /** Object types (not nested ones) by name. */
  static final Map<String, TypeSpec> TYPES;

  /** Predefined SCO extensions and embedded types by name. */
  static final Map<String, TypeSpec> NESTED;

  /** Which predefined extensions each SCO type may carry (section 3.10). */
  static final Map<String, Set<String>> PREDEFINED_EXTENSIONS =
      Map.of(
          "file",
              Set.of(
                  "archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext"),
          "network-traffic", Set.of("http-request-ext", "icmp-ext", "socket-ext", "tcp-ext"),
          "process", Set.of("windows-process-ext", "windows-service-ext"),
          "user-account", Set.of("unix-account-ext"));

  /** Names reserved by section 3.8 on every object. */
  static final Set<String> RESERVED_NAMES =
      Set.of("severity", "username", "phone_number", "action");

  /** Common properties present in the section 3.2 table, with their types. */
  private static final Map<String, Prop> COMMON = new LinkedHashMap<>();

  /** Per family: the common properties that apply (required ones first) and those that are N/A. */
  private static final Map<Category, List<String>> COMMON_REQUIRED = new HashMap<>();

  private static final Map<Category, List<String>> COMMON_OPTIONAL = new HashMap<>();

  /** Common properties not applicable to a family (section 3.2 table and each property table). */
  static final Map<Category, Set<String>> NOT_APPLICABLE = new HashMap<>();

  private static final Map<String, TypeSpec> types = new HashMap<>();
  private static final Map<String, TypeSpec> nested = new HashMap<>();

  private TypeTable() {}

  static {
    common(
        p("type", true, STRING),
        p("spec_version", true, STRING),
        p("id", true, STRING),
        ref("created_by_ref", false, ONE, types("identity")),
        p("created", true, TIMESTAMP),
        p("modified", true, TIMESTAMP),
        p("revoked", false, BOOLEAN),
        p("labels", false, STRINGS),
        p("confidence", false, INTEGER),
        p("lang", false, STRING),
        p("external_references", false, EXTERNAL_REFERENCES),
        ref("object_marking_refs", false, LIST, types("marking-definition")),
        p("granular_markings", false, GRANULAR_MARKINGS),
        p("defanged", false, BOOLEAN),
        p("extensions", false, EXTENSIONS));
    family(
        Category.SDO,
        "type spec_version id created modified",
        "created_by_ref revoked labels confidence lang external_references object_marking_refs granular_markings extensions",
        "defanged");
    family(
        Category.SRO,
        "type spec_version id created modified",
        "created_by_ref revoked labels confidence lang external_references object_marking_refs granular_markings extensions",
        "defanged");
    family(
        Category.SCO,
        "type id",
        "spec_version object_marking_refs granular_markings defanged extensions",
        "created_by_ref created modified revoked labels confidence lang external_references");
    family(
        Category.LANGUAGE,
        "type spec_version id created modified",
        "created_by_ref revoked labels confidence external_references object_marking_refs granular_markings extensions",
        "lang defanged");
    family(
        Category.MARKING,
        "type spec_version id created",
        "created_by_ref external_references object_marking_refs granular_markings extensions",
        "modified revoked labels confidence lang defanged");
    family(
        Category.EXTENSION_DEFINITION,
        "type spec_version id created modified created_by_ref",
        "revoked labels external_references object_marking_refs granular_markings",
        "confidence lang defanged extensions");

    define(
        "external-reference",
        Category.NESTED,
        "2.5",
        p("source_name", true, STRING),
        p("description", false, STRING),
        p("url", false, STRING),
        p("hashes", false, HASHES),
        p("external_id", false, STRING));
    define(
        "granular-marking",
        Category.NESTED,
        "7.2.3",
        p("lang", false, STRING),
        ref("marking_ref", false, ONE, types("marking-definition")),
        p("selectors", true, STRINGS));
    define(
        "kill-chain-phase",
        Category.NESTED,
        "2.11",
        p("kill_chain_name", true, STRING),
        p("phase_name", true, STRING));
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
    define(
        "artifact",
        Category.SCO,
        "6.1",
        p("mime_type", false, STRING),
        p("payload_bin", false, BINARY),
        p("url", false, STRING),
        p("hashes", false, HASHES),
        vocab("encryption_algorithm", false, ENUM, "encryption-algorithm-enum"),
        p("decryption_key", false, STRING));
    define(
        "autonomous-system",
        Category.SCO,
        "6.2",
        p("number", true, INTEGER),
        p("name", false, STRING),
        p("rir", false, STRING));
    define(
        "directory",
        Category.SCO,
        "6.3",
        p("path", true, STRING),
        p("path_enc", false, STRING),
        p("ctime", false, TIMESTAMP),
        p("mtime", false, TIMESTAMP),
        p("atime", false, TIMESTAMP),
        ref("contains_refs", false, LIST, types("file", "directory")));
    define(
        "domain-name",
        Category.SCO,
        "6.4",
        p("value", true, STRING),
        ref("resolves_to_refs", false, LIST, types("ipv4-addr", "ipv6-addr", "domain-name")));
    define(
        "email-addr",
        Category.SCO,
        "6.5",
        p("value", true, STRING),
        p("display_name", false, STRING),
        ref("belongs_to_ref", false, ONE, types("user-account")));
    define(
        "email-message",
        Category.SCO,
        "6.6",
        p("is_multipart", true, BOOLEAN),
        p("date", false, TIMESTAMP),
        p("content_type", false, STRING),
        ref("from_ref", false, ONE, types("email-addr")),
        ref("sender_ref", false, ONE, types("email-addr")),
        ref("to_refs", false, LIST, types("email-addr")),
        ref("cc_refs", false, LIST, types("email-addr")),
        ref("bcc_refs", false, LIST, types("email-addr")),
        p("message_id", false, STRING),
        p("subject", false, STRING),
        p("received_lines", false, STRINGS),
        p("additional_header_fields", false, DICTIONARY),
        p("body", false, STRING),
        nested("body_multipart", false, OBJECTS, "email-mime-part-type"),
        ref("raw_email_ref", false, ONE, types("artifact")));
    define(
        "email-mime-part-type",
        Category.NESTED,
        "6.6.2",
        p("body", false, STRING),
        ref("body_raw_ref", false, ONE, types("artifact", "file")),
        p("content_type", false, STRING),
        p("content_disposition", false, STRING));
    define(
        "file",
        Category.SCO,
        "6.7",
        p("hashes", false, HASHES),
        p("size", false, INTEGER),
        p("name", false, STRING),
        p("name_enc", false, STRING),
        p("magic_number_hex", false, HEX),
        p("mime_type", false, STRING),
        p("ctime", false, TIMESTAMP),
        p("mtime", false, TIMESTAMP),
        p("atime", false, TIMESTAMP),
        ref("parent_directory_ref", false, ONE, types("directory")),
        ref("contains_refs", false, LIST, categories(Category.SCO)),
        ref("content_ref", false, ONE, types("artifact")));
    define(
        "archive-ext",
        Category.NESTED,
        "6.7.2",
        ref("contains_refs", true, LIST, types("file", "directory")));
    define(
        "ntfs-ext",
        Category.NESTED,
        "6.7.3",
        p("sid", false, STRING),
        nested("alternate_data_streams", false, OBJECTS, "alternate-data-stream-type"));
    define(
        "alternate-data-stream-type",
        Category.NESTED,
        "6.7.3",
        p("name", true, STRING),
        p("hashes", false, HASHES),
        p("size", false, INTEGER));
    define(
        "pdf-ext",
        Category.NESTED,
        "6.7.4",
        p("version", false, STRING),
        p("is_optimized", false, BOOLEAN),
        p("document_info_dict", false, DICTIONARY),
        p("pdfid0", false, STRING),
        p("pdfid1", false, STRING));
    define(
        "raster-image-ext",
        Category.NESTED,
        "6.7.5",
        p("image_height", false, INTEGER),
        p("image_width", false, INTEGER),
        p("bits_per_pixel", false, INTEGER),
        p("exif_tags", false, DICTIONARY));
    define(
        "windows-pebinary-ext",
        Category.NESTED,
        "6.7.6",
        vocab("pe_type", true, OPEN_VOCAB, "windows-pebinary-type-ov"),
        p("imphash", false, STRING),
        p("machine_hex", false, HEX),
        p("number_of_sections", false, INTEGER),
        p("time_date_stamp", false, TIMESTAMP),
        p("pointer_to_symbol_table_hex", false, HEX),
        p("number_of_symbols", false, INTEGER),
        p("size_of_optional_header", false, INTEGER),
        p("characteristics_hex", false, HEX),
        p("file_header_hashes", false, HASHES),
        nested("optional_header", false, OBJECT, "windows-pe-optional-header-type"),
        nested("sections", false, OBJECTS, "windows-pe-section-type"));
    define(
        "windows-pe-optional-header-type",
        Category.NESTED,
        "6.7.6",
        p("magic_hex", false, HEX),
        p("major_linker_version", false, INTEGER),
        p("minor_linker_version", false, INTEGER),
        p("size_of_code", false, INTEGER),
        p("size_of_initialized_data", false, INTEGER),
        p("size_of_uninitialized_data", false, INTEGER),
        p("address_of_entry_point", false, INTEGER),
        p("base_of_code", false, INTEGER),
        p("base_of_data", false, INTEGER),
        p("image_base", false, INTEGER),
        p("section_alignment", false, INTEGER),
        p("file_alignment", false, INTEGER),
        p("major_os_version", false, INTEGER),
        p("minor_os_version", false, INTEGER),
        p("major_image_version", false, INTEGER),
        p("minor_image_version", false, INTEGER),
        p("major_subsystem_version", false, INTEGER),
        p("minor_subsystem_version", false, INTEGER),
        p("win32_version_value_hex", false, HEX),
        p("size_of_image", false, INTEGER),
        p("size_of_headers", false, INTEGER),
        p("checksum_hex", false, HEX),
        p("subsystem_hex", false, HEX),
        p("dll_characteristics_hex", false, HEX),
        p("size_of_stack_reserve", false, INTEGER),
        p("size_of_stack_commit", false, INTEGER),
        p("size_of_heap_reserve", false, INTEGER),
        p("size_of_heap_commit", false, INTEGER),
        p("loader_flags_hex", false, HEX),
        p("number_of_rva_and_sizes", false, INTEGER),
        p("hashes", false, HASHES));
    define(
        "windows-pe-section-type",
        Category.NESTED,
        "6.7.6",
        p("name", true, STRING),
        p("size", false, INTEGER),
        p("entropy", false, FLOAT),
        p("hashes", false, HASHES));
    define(
        "ipv4-addr",
        Category.SCO,
        "6.8",
        p("value", true, STRING),
        ref("resolves_to_refs", false, LIST, types("mac-addr")),
        ref("belongs_to_refs", false, LIST, types("autonomous-system")));
    define(
        "ipv6-addr",
        Category.SCO,
        "6.9",
        p("value", true, STRING),
        ref("resolves_to_refs", false, LIST, types("mac-addr")),
        ref("belongs_to_refs", false, LIST, types("autonomous-system")));
    define("mac-addr", Category.SCO, "6.10", p("value", true, STRING));
    define("mutex", Category.SCO, "6.11", p("name", true, STRING));
    define(
        "network-traffic",
        Category.SCO,
        "6.12",
        p("start", false, TIMESTAMP),
        p("end", false, TIMESTAMP),
        p("is_active", false, BOOLEAN),
        ref("src_ref", false, ONE, types("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name")),
        ref("dst_ref", false, ONE, types("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name")),
        p("src_port", false, INTEGER),
        p("dst_port", false, INTEGER),
        p("protocols", true, STRINGS),
        p("src_byte_count", false, INTEGER),
        p("dst_byte_count", false, INTEGER),
        p("src_packets", false, INTEGER),
        p("dst_packets", false, INTEGER),
        p("ipfix", false, DICTIONARY),
        ref("src_payload_ref", false, ONE, types("artifact")),
        ref("dst_payload_ref", false, ONE, types("artifact")),
        ref("encapsulates_refs", false, LIST, types("network-traffic")),
        ref("encapsulated_by_ref", false, ONE, types("network-traffic")));
    define(
        "http-request-ext",
        Category.NESTED,
        "6.12.2",
        p("request_method", true, STRING),
        p("request_value", true, STRING),
        p("request_version", false, STRING),
        p("request_header", false, DICTIONARY),
        p("message_body_length", false, INTEGER),
        ref("message_body_data_ref", false, ONE, types("artifact")));
    define(
        "icmp-ext",
        Category.NESTED,
        "6.12.3",
        p("icmp_type_hex", true, HEX),
        p("icmp_code_hex", true, HEX));
    define(
        "socket-ext",
        Category.NESTED,
        "6.12.4",
        vocab("address_family", true, ENUM, "network-socket-address-family-enum"),
        p("is_blocking", false, BOOLEAN),
        p("is_listening", false, BOOLEAN),
        p("options", false, DICTIONARY),
        vocab("socket_type", false, ENUM, "network-socket-type-enum"),
        p("socket_descriptor", false, INTEGER),
        p("socket_handle", false, INTEGER));
    define(
        "tcp-ext",
        Category.NESTED,
        "6.12.5",
        p("src_flags_hex", false, HEX),
        p("dst_flags_hex", false, HEX));
    define(
        "process",
        Category.SCO,
        "6.13",
        p("is_hidden", false, BOOLEAN),
        p("pid", false, INTEGER),
        p("created_time", false, TIMESTAMP),
        p("cwd", false, STRING),
        p("command_line", false, STRING),
        p("environment_variables", false, DICTIONARY),
        ref("opened_connection_refs", false, LIST, types("network-traffic")),
        ref("creator_user_ref", false, ONE, types("user-account")),
        ref("image_ref", false, ONE, types("file")),
        ref("parent_ref", false, ONE, types("process")),
        ref("child_refs", false, LIST, types("process")));
    define(
        "windows-process-ext",
        Category.NESTED,
        "6.13.2",
        p("aslr_enabled", false, BOOLEAN),
        p("dep_enabled", false, BOOLEAN),
        p("priority", false, STRING),
        p("owner_sid", false, STRING),
        p("windows_title", false, STRING),
        p("startup_info", false, DICTIONARY),
        vocab("integrity_level", false, ENUM, "windows-integrity-level-enum"));
    define(
        "windows-service-ext",
        Category.NESTED,
        "6.13.3",
        p("service_name", false, STRING),
        p("descriptions", false, STRINGS),
        p("display_name", false, STRING),
        p("group_name", false, STRING),
        vocab("start_type", false, ENUM, "windows-service-start-type-enum"),
        ref("service_dll_refs", false, LIST, types("file")),
        vocab("service_type", false, ENUM, "windows-service-type-enum"),
        vocab("service_status", false, ENUM, "windows-service-status-enum"));
    define(
        "software",
        Category.SCO,
        "6.14",
        p("name", true, STRING),
        p("cpe", false, STRING),
        p("swid", false, STRING),
        p("languages", false, STRINGS),
        p("vendor", false, STRING),
        p("version", false, STRING));
    define("url", Category.SCO, "6.15", p("value", true, STRING));
    define(
        "user-account",
        Category.SCO,
        "6.16",
        p("user_id", false, STRING),
        p("credential", false, STRING),
        p("account_login", false, STRING),
        vocab("account_type", false, OPEN_VOCAB, "account-type-ov"),
        p("display_name", false, STRING),
        p("is_service_account", false, BOOLEAN),
        p("is_privileged", false, BOOLEAN),
        p("can_escalate_privs", false, BOOLEAN),
        p("is_disabled", false, BOOLEAN),
        p("account_created", false, TIMESTAMP),
        p("account_expires", false, TIMESTAMP),
        p("credential_last_changed", false, TIMESTAMP),
        p("account_first_login", false, TIMESTAMP),
        p("account_last_login", false, TIMESTAMP));
    define(
        "unix-account-ext",
        Category.NESTED,
        "6.16.2",
        p("gid", false, INTEGER),
        p("groups", false, STRINGS),
        p("home_dir", false, STRING),
        p("shell", false, STRING));
    define(
        "windows-registry-key",
        Category.SCO,
        "6.17",
        p("key", false, STRING),
        nested("values", false, OBJECTS, "windows-registry-value-type"),
        p("modified_time", false, TIMESTAMP),
        ref("creator_user_ref", false, ONE, types("user-account")),
        p("number_of_subkeys", false, INTEGER));
    define(
        "windows-registry-value-type",
        Category.NESTED,
        "6.17.2",
        p("name", false, STRING),
        p("data", false, STRING),
        vocab("data_type", false, ENUM, "windows-registry-datatype-enum"));
    define(
        "x509-certificate",
        Category.SCO,
        "6.18",
        p("is_self_signed", false, BOOLEAN),
        p("hashes", false, HASHES),
        p("version", false, STRING),
        p("serial_number", false, STRING),
        p("signature_algorithm", false, STRING),
        p("issuer", false, STRING),
        p("validity_not_before", false, TIMESTAMP),
        p("validity_not_after", false, TIMESTAMP),
        p("subject", false, STRING),
        p("subject_public_key_algorithm", false, STRING),
        p("subject_public_key_modulus", false, STRING),
        p("subject_public_key_exponent", false, INTEGER),
        nested("x509_v3_extensions", false, OBJECT, "x509-v3-extensions-type"));
    define(
        "x509-v3-extensions-type",
        Category.NESTED,
        "6.18.2",
        p("basic_constraints", false, STRING),
        p("name_constraints", false, STRING),
        p("policy_constraints", false, STRING),
        p("key_usage", false, STRING),
        p("extended_key_usage", false, STRING),
        p("subject_key_identifier", false, STRING),
        p("authority_key_identifier", false, STRING),
        p("subject_alternative_name", false, STRING),
        p("issuer_alternative_name", false, STRING),
        p("subject_directory_attributes", false, STRING),
        p("crl_distribution_points", false, STRING),
        p("inhibit_any_policy", false, STRING),
        p("private_key_usage_period_not_before", false, TIMESTAMP),
        p("private_key_usage_period_not_after", false, TIMESTAMP),
        p("certificate_policies", false, STRING),
        p("policy_mappings", false, STRING));
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

    idContributing("artifact", "hashes", "payload_bin");
    idContributing("autonomous-system", "number");
    idContributing("directory", "path");
    idContributing("domain-name", "value");
    idContributing("email-addr", "value");
    idContributing("email-message", "from_ref", "subject", "body");
    idContributing("file", "hashes", "name", "extensions", "parent_directory_ref");
    idContributing("ipv4-addr", "value");
    idContributing("ipv6-addr", "value");
    idContributing("mac-addr", "value");
    idContributing("mutex", "name");
    idContributing(
        "network-traffic",
        "start",
        "end",
        "src_ref",
        "dst_ref",
        "src_port",
        "dst_port",
        "protocols",
        "extensions");
    idContributing("software", "name", "cpe", "swid", "vendor", "version");
    idContributing("url", "value");
    idContributing("user-account", "account_type", "user_id", "account_login");
    idContributing("windows-registry-key", "key", "values");
    idContributing("x509-certificate", "hashes", "serial_number");

    TYPES = Collections.unmodifiableMap(types);
    NESTED = Collections.unmodifiableMap(nested);
  }

  private static Prop p(String name, boolean required, Kind kind) {
    return new Prop(name, kind, required, null, null, null);
  }

  private static Prop ref(String name, boolean required, boolean list, Target target) {
    return new Prop(name, list ? Kind.IDENTIFIERS : Kind.IDENTIFIER, required, target, null, null);
  }

  private static Prop vocab(String name, boolean required, Kind kind, String vocab) {
    return new Prop(name, kind, required, null, Vocabularies.get(vocab), null);
  }

  private static Prop nested(String name, boolean required, Kind kind, String nestedType) {
    return new Prop(name, kind, required, null, null, nestedType);
  }

  private static void common(Prop... props) {
    for (Prop p : props) {
      COMMON.put(p.name(), p);
    }
  }

  private static void family(Category c, String required, String optional, String notApplicable) {
    COMMON_REQUIRED.put(c, List.of(required.split(" ")));
    COMMON_OPTIONAL.put(c, List.of(optional.split(" ")));
    NOT_APPLICABLE.put(c, Set.of(notApplicable.split(" ")));
  }

  private static void define(String name, Category category, String section, Prop... specific) {
    Map<String, Prop> props = new LinkedHashMap<>();
    if (category != Category.NESTED && category != Category.BUNDLE) {
      for (String c : COMMON_REQUIRED.get(category)) {
        Prop p = COMMON.get(c);
        props.put(c, new Prop(c, p.kind(), true, p.target(), p.vocab(), p.nested()));
      }
      for (String c : COMMON_OPTIONAL.get(category)) {
        Prop p = COMMON.get(c);
        props.put(c, new Prop(c, p.kind(), false, p.target(), p.vocab(), p.nested()));
      }
    }
    for (Prop p : specific) {
      props.put(p.name(), p);
    }
    TypeSpec spec =
        new TypeSpec(name, category, section, Collections.unmodifiableMap(props), List.of());
    (category == Category.NESTED ? nested : types).put(name, spec);
  }

  private static void idContributing(String type, String... props) {
    TypeSpec s = types.get(type);
    types.put(type, new TypeSpec(s.name(), s.category(), s.section(), s.props(), List.of(props)));
  }

  /** The common properties of a family (with their types), for custom objects. */
  static Map<String, Prop> commonFor(Category c) {
    return CommonByFamily.MAPS.get(c);
  }

  /** Built after the tables, on first use. */
  private static final class CommonByFamily {
    static final Map<Category, Map<String, Prop>> MAPS = build();

    private static Map<Category, Map<String, Prop>> build() {
      Map<Category, Map<String, Prop>> out = new EnumMap<>(Category.class);
      for (Category c : COMMON_REQUIRED.keySet()) {
        Map<String, Prop> props = new LinkedHashMap<>();
        for (String name : COMMON_REQUIRED.get(c)) {
          props.put(name, COMMON.get(name));
        }
        for (String name : COMMON_OPTIONAL.get(c)) {
          props.put(name, COMMON.get(name));
        }
        out.put(c, Collections.unmodifiableMap(props));
      }
      return out;
    }
  }
}
