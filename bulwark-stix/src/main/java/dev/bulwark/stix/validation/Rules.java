package dev.bulwark.stix.validation;

/**
 * The stable rule ids a {@link Finding} can carry. Each names one requirement of STIX 2.1 (errata
 * 01); {@link Finding#section()} gives the section that states it. The {@code interop-} rules
 * belong to {@link ValidationProfile#INTEROP} and cite the interop schema file instead. Constants
 * only; thread-safe.
 */
public final class Rules {

  /**
   * A property the type's property table marks required is missing (3.1, 3.2 and the type's table).
   */
  public static final String REQUIRED_PROPERTY = "required-property";

  /** A common property marked "not applicable" for the object's family is present (3.2). */
  public static final String FORBIDDEN_PROPERTY = "forbidden-property";

  /** A reserved property name is used (3.8). */
  public static final String RESERVED_PROPERTY = "reserved-property";

  /** A value has the wrong JSON type for its property (section 2 data types). */
  public static final String PROPERTY_TYPE = "property-type";

  /** An empty list or dictionary (2.3, 2.12). */
  public static final String EMPTY_VALUE = "empty-value";

  /**
   * The type name is malformed: not 3-250 of a-z, 0-9 and single hyphens, starting with a letter
   * (3.1, 11.2.1).
   */
  public static final String TYPE_NAME = "type-name";

  /** A custom object type without the recommended {@code x-} prefix (11.2.1, warning). */
  public static final String CUSTOM_TYPE_PREFIX = "custom-type-prefix";

  /** The id is not {@code type--UUID} with an RFC 4122 UUID (2.9). */
  public static final String IDENTIFIER_FORMAT = "identifier-format";

  /** The id's type part differs from the type property (2.9). */
  public static final String IDENTIFIER_TYPE = "identifier-type";

  /** An SDO, SRO or meta object id not using UUIDv4 (2.9, warning). */
  public static final String IDENTIFIER_VERSION = "identifier-version";

  /** spec_version is not "2.1" (3.2). */
  public static final String SPEC_VERSION = "spec-version";

  /**
   * A timestamp is not RFC 3339 {@code YYYY-MM-DDTHH:mm:ss[.s+]Z} or not a real date and time
   * (2.16).
   */
  public static final String TIMESTAMP_FORMAT = "timestamp-format";

  /** created or modified has less than millisecond precision (3.2). */
  public static final String TIMESTAMP_PRECISION = "timestamp-precision";

  /** modified is earlier than created (3.2). */
  public static final String MODIFIED_BEFORE_CREATED = "modified-before-created";

  /** Two timestamps are out of order, e.g. last_seen before first_seen (type sections). */
  public static final String TIMESTAMP_ORDER = "timestamp-order";

  /** A value outside a closed vocabulary (enumeration) (section 10). */
  public static final String CLOSED_VOCABULARY = "closed-vocabulary";

  /** A value outside an open vocabulary (section 10, warning). */
  public static final String OPEN_VOCABULARY = "open-vocabulary";

  /** A custom property name breaks 11.1.1 (a-z, 0-9, underscore; 3 to 250 characters). */
  public static final String CUSTOM_PROPERTY_NAME = "custom-property-name";

  /** A custom property without the recommended {@code x_} prefix (11.1.1, warning). */
  public static final String CUSTOM_PROPERTY_PREFIX = "custom-property-prefix";

  /** A reference is not a well-formed identifier (2.9, 3.1). */
  public static final String REFERENCE_FORMAT = "reference-format";

  /**
   * A reference points to an object type the property does not allow (3.3 and the type's table).
   */
  public static final String REFERENCE_TYPE = "reference-type";

  /** A number outside its allowed range (confidence 0-100, ports, counts, coordinates). */
  public static final String VALUE_RANGE = "value-range";

  /**
   * A malformed value of a typed string: hex, binary, language tag, hash value (2.1, 2.7, 2.8,
   * 3.2).
   */
  public static final String VALUE_FORMAT = "value-format";

  /** A dictionary or hashes key breaks 2.3 / 2.7 (characters, length). */
  public static final String DICTIONARY_KEY = "dictionary-key";

  /**
   * An external reference without description, url or external_id, or a bad CAPEC/CVE id (2.5, 4.1,
   * 4.19).
   */
  public static final String EXTERNAL_REFERENCE = "external-reference";

  /** A kill chain phase not lowercase with hyphens (2.11, warning). */
  public static final String KILL_CHAIN_PHASE = "kill-chain-phase";

  /** A granular marking with both or neither of lang and marking_ref, or a bad selector (7.2.3). */
  public static final String GRANULAR_MARKING = "granular-marking";

  /** A marking-definition refers to itself (3.2). */
  public static final String CIRCULAR_MARKING = "circular-marking";

  /** A marking-definition's definition does not fit its definition_type (7.2.1). */
  public static final String MARKING_DEFINITION = "marking-definition";

  /**
   * Bad extensions entry: unknown predefined name, wrong extension_type, missing extension_type
   * (3.2, 7.3, 11.3).
   */
  public static final String EXTENSION = "extension";

  /** An extension-definition breaks 7.3 (extension_types, extension_properties). */
  public static final String EXTENSION_DEFINITION = "extension-definition";

  /**
   * Properties that exclude or require each other (e.g. artifact payload_bin vs url) (type
   * sections).
   */
  public static final String PROPERTY_COMBINATION = "property-combination";

  /** An SCO id that is not the UUIDv5 of its ID contributing properties (2.9, 3.4). */
  public static final String DETERMINISTIC_ID = "deterministic-id";

  /** relationship_type is not lowercase ASCII letters, digits and hyphens (5.1). */
  public static final String RELATIONSHIP_TYPE = "relationship-type";

  /** An indicator's STIX pattern is not well formed (section 9). */
  public static final String PATTERN_SYNTAX = "pattern-syntax";

  /** A deprecated property is used (warning). */
  public static final String DEPRECATED = "deprecated";

  // ---- ValidationProfile.INTEROP only: the section is the interop schema file, e.g.
  // interop/indicator.json

  /**
   * A property the OASIS STIX 2.1 interoperability profile requires on the object's type is missing
   * (the {@code required} list of {@code interop/<type>.json}, misspellings corrected).
   */
  public static final String INTEROP_REQUIRED_PROPERTY = "interop-required-property";

  /**
   * object_marking_refs holds more than one of the four STIX 2.1 (TLP 1.0) TLP marking-definitions,
   * repeats counted ({@code interop/core.json}: {@code maxContains 1}).
   */
  public static final String INTEROP_TLP_MARKING = "interop-tlp-marking";

  private Rules() {}
}
