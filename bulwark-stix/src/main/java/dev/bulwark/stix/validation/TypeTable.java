package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Kind.BOOLEAN;
import static dev.bulwark.stix.validation.Kind.EXTENSIONS;
import static dev.bulwark.stix.validation.Kind.EXTERNAL_REFERENCES;
import static dev.bulwark.stix.validation.Kind.GRANULAR_MARKINGS;
import static dev.bulwark.stix.validation.Kind.HASHES;
import static dev.bulwark.stix.validation.Kind.INTEGER;
import static dev.bulwark.stix.validation.Kind.STRING;
import static dev.bulwark.stix.validation.Kind.STRINGS;
import static dev.bulwark.stix.validation.Kind.TIMESTAMP;
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
 *
 * <p>This class holds the common properties, the embedded types every object may use, and the
 * builders; the types themselves are in {@link SdoTypes}, {@link SroTypes}, {@link ScoTypes} and
 * {@link MetaTypes}, by STIX object category.
 */
final class TypeTable {

  /** Arguments of {@link #ref}: a list of references, or one. */
  static final boolean LIST = true;

  static final boolean ONE = false;

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
    SdoTypes.defineAll();
    SroTypes.defineAll();
    ScoTypes.defineAll();
    MetaTypes.defineAll();

    TYPES = Collections.unmodifiableMap(types);
    NESTED = Collections.unmodifiableMap(nested);
  }

  static Prop p(String name, boolean required, Kind kind) {
    return new Prop(name, kind, required, null, null, null);
  }

  static Prop ref(String name, boolean required, boolean list, Target target) {
    return new Prop(name, list ? Kind.IDENTIFIERS : Kind.IDENTIFIER, required, target, null, null);
  }

  static Prop vocab(String name, boolean required, Kind kind, String vocab) {
    return new Prop(name, kind, required, null, Vocabularies.get(vocab), null);
  }

  static Prop nested(String name, boolean required, Kind kind, String nestedType) {
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

  static void define(String name, Category category, String section, Prop... specific) {
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

  static void idContributing(String type, String... props) {
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
