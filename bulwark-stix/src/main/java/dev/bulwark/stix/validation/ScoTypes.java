package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Kind.BINARY;
import static dev.bulwark.stix.validation.Kind.BOOLEAN;
import static dev.bulwark.stix.validation.Kind.DICTIONARY;
import static dev.bulwark.stix.validation.Kind.ENUM;
import static dev.bulwark.stix.validation.Kind.FLOAT;
import static dev.bulwark.stix.validation.Kind.HASHES;
import static dev.bulwark.stix.validation.Kind.HEX;
import static dev.bulwark.stix.validation.Kind.INTEGER;
import static dev.bulwark.stix.validation.Kind.OBJECT;
import static dev.bulwark.stix.validation.Kind.OBJECTS;
import static dev.bulwark.stix.validation.Kind.OPEN_VOCAB;
import static dev.bulwark.stix.validation.Kind.STRING;
import static dev.bulwark.stix.validation.Kind.STRINGS;
import static dev.bulwark.stix.validation.Kind.TIMESTAMP;
import static dev.bulwark.stix.validation.Target.categories;
import static dev.bulwark.stix.validation.Target.types;
import static dev.bulwark.stix.validation.TypeTable.LIST;
import static dev.bulwark.stix.validation.TypeTable.ONE;
import static dev.bulwark.stix.validation.TypeTable.define;
import static dev.bulwark.stix.validation.TypeTable.idContributing;
import static dev.bulwark.stix.validation.TypeTable.nested;
import static dev.bulwark.stix.validation.TypeTable.p;
import static dev.bulwark.stix.validation.TypeTable.ref;
import static dev.bulwark.stix.validation.TypeTable.vocab;

/**
 * The STIX Cyber-observable Objects of STIX 2.1 section 6, their predefined extensions and embedded
 * types, and the ID contributing properties of each SCO (for deterministic identifiers),
 * transcribed from the specification. Part of the {@link TypeTable}; stateless.
 */
final class ScoTypes {

  private ScoTypes() {}

  /**
   * Adds the SCOs of section 6, their extensions and ID contributing properties to the {@link
   * TypeTable}; called once, from its initialisation.
   */
  // The table transcribes the specification, one define(...) per type in the order of its sections:
  // cutting it into methods would only scatter what is read side by side with the specification.
  @SuppressWarnings("checkstyle:MethodLength")
  static void defineAll() {
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
  }
}
