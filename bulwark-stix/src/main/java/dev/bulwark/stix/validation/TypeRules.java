package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.DEPRECATED;
import static dev.bulwark.stix.validation.Rules.EMPTY_VALUE;
import static dev.bulwark.stix.validation.Rules.EXTENSION_DEFINITION;
import static dev.bulwark.stix.validation.Rules.PROPERTY_COMBINATION;
import static dev.bulwark.stix.validation.Rules.REFERENCE_TYPE;
import static dev.bulwark.stix.validation.Rules.RELATIONSHIP_TYPE;
import static dev.bulwark.stix.validation.Rules.REQUIRED_PROPERTY;
import static dev.bulwark.stix.validation.Rules.TIMESTAMP_ORDER;
import static dev.bulwark.stix.validation.Rules.VALUE_FORMAT;
import static dev.bulwark.stix.validation.Rules.VALUE_RANGE;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The rules of individual object types that tie several properties together (ordering of
 * timestamps, mutually exclusive properties, value ranges), as stated in each type's section.
 * Stateless and thread-safe.
 */
final class TypeRules {

  /** SCO common properties that do not count as "one of its own properties". */
  private static final Set<String> SCO_COMMON =
      Set.of("type", "id", "spec_version", "object_marking_refs", "granular_markings", "defanged");

  private static final Set<String> SEEN_TYPES =
      Set.of("campaign", "infrastructure", "intrusion-set", "malware", "threat-actor", "sighting");

  /** Extensions and embedded types that must carry at least one of their own properties. */
  private static final Map<String, String> AT_LEAST_ONE =
      Map.of(
          "ntfs-ext",
          "6.7.3",
          "pdf-ext",
          "6.7.4",
          "raster-image-ext",
          "6.7.5",
          "tcp-ext",
          "6.12.5",
          "windows-process-ext",
          "6.13.2",
          "windows-service-ext",
          "6.13.3",
          "unix-account-ext",
          "6.16.2");

  private TypeRules() {}

  /** The rules of one object of a predefined type beyond its property table. */
  static void check(String type, JsonNode o, String path, Checker c) {
    commonRules(type, o, path, c);
    switch (type) {
      case "indicator" -> indicator(o, path, c);
      case "location" -> location(o, path, c);
      case "malware" -> malware(o, path, c);
      case "malware-analysis" -> malwareAnalysis(o, path, c);
      case "observed-data" -> observedData(o, path, c);
      case "relationship" -> relationship(o, path, c);
      case "sighting" -> range(o, "count", 0, 999_999_999, "5.2", path, c);
      case "artifact" -> artifact(o, path, c);
      case "email-message" -> emailMessage(o, path, c);
      case "file" -> file(o, path, c);
      case "directory" -> encoding(o, "path", path, "6.3", c);
      case "ipv4-addr" ->
          format(o, "value", Formats::ipv4, "6.8", "an IPv4 address or CIDR block", path, c);
      case "ipv6-addr" ->
          format(o, "value", Formats::ipv6, "6.9", "an IPv6 address or CIDR block", path, c);
      case "domain-name" ->
          format(
              o,
              "value",
              Formats::domainName,
              "6.4",
              "a domain name (RFC 1034, RFC 5890)",
              path,
              c);
      case "url" -> format(o, "value", Formats::url, "6.15", "a URL (RFC 3986)", path, c);
      case "email-addr" ->
          format(
              o,
              "value",
              Formats::emailAddress,
              "6.5",
              "an addr-spec (RFC 5322) without display name",
              path,
              c);
      case "windows-registry-key" -> {
        atLeastOne(o, type, path, c);
        format(
            o,
            "key",
            Formats::registryKey,
            "6.17",
            "a key whose hive is spelled out (HKEY_LOCAL_MACHINE, not HKLM)",
            path,
            c);
      }
      case "mac-addr" -> macAddress(o, path, c);
      case "network-traffic" -> networkTraffic(o, path, c);
      case "process", "user-account", "x509-certificate" -> atLeastOne(o, type, path, c);
      case "extension-definition" -> extensionDefinition(o, path, c);
      case "language-content" -> languageContent(o, path, c);
      default -> {
        // no cross-property rules
      }
    }
    if ("file".equals(type)) {
      encoding(o, "name", path, "6.7", c);
    }
  }

  /** Rules of the common properties beyond their types: confidence, lang, first/last seen. */
  private static void commonRules(String type, JsonNode o, String path, Checker c) {
    if (o.has("confidence") && o.get("confidence").isIntegralNumber()) {
      range(o, "confidence", 0, 100, "3.2", path, c);
    }
    if (o.has("lang")
        && o.get("lang").isString()
        && !Formats.languageTag(o.get("lang").stringValue())) {
      c.error(path + ".lang", VALUE_FORMAT, "3.2", "lang must be an RFC 5646 language tag");
    }
    if (SEEN_TYPES.contains(type)) {
      order(o, "first_seen", "last_seen", false, sectionOf(type), path, c);
    }
  }

  /** Indicator (4.7): valid_from before valid_until, a STIX pattern that parses. */
  private static void indicator(JsonNode o, String path, Checker c) {
    order(o, "valid_from", "valid_until", true, "4.7", path, c);
    JsonNode pattern = o.get("pattern");
    if (pattern != null
        && pattern.isString()
        && "stix".equals(o.path("pattern_type").asString(""))) {
      PatternSyntax.check(pattern.stringValue())
          .ifPresent(
              problem ->
                  c.error(
                      path + ".pattern",
                      Rules.PATTERN_SYNTAX,
                      "9",
                      "not a valid STIX pattern: " + problem));
    }
  }

  /** Malware (4.11): a family has a name. */
  private static void malware(JsonNode o, String path, Checker c) {
    if (o.path("is_family").asBoolean(false) && !o.has("name")) {
      c.error(
          path + ".name",
          REQUIRED_PROPERTY,
          "4.11",
          "a malware family (is_family true) requires name");
    }
  }

  /** Malware analysis (4.12): a result or the SCOs analysed; start before end. */
  private static void malwareAnalysis(JsonNode o, String path, Checker c) {
    if (!o.has("result") && !o.has("analysis_sco_refs")) {
      c.error(
          path,
          PROPERTY_COMBINATION,
          "4.12",
          "malware-analysis requires result or analysis_sco_refs");
    }
    order(o, "analysis_started", "analysis_ended", false, "4.12", path, c);
  }

  /** Relationship (5.1): the form of relationship_type; start before stop. */
  private static void relationship(JsonNode o, String path, Checker c) {
    JsonNode rt = o.get("relationship_type");
    if (rt != null && rt.isString() && !Formats.relationshipType(rt.stringValue())) {
      c.error(
          path + ".relationship_type",
          RELATIONSHIP_TYPE,
          "5.1",
          "relationship_type must be ASCII a-z, 0-9 and hyphen");
    }
    order(o, "start_time", "stop_time", true, "5.1", path, c);
  }

  /** Artifact (6.1): payload_bin or url; a key only with an algorithm; a url with hashes. */
  private static void artifact(JsonNode o, String path, Checker c) {
    exclusive(o, "payload_bin", "url", "6.1", path, c);
    if (o.has("decryption_key") && !o.has("encryption_algorithm")) {
      c.error(
          path + ".decryption_key",
          PROPERTY_COMBINATION,
          "6.1",
          "decryption_key must not be present without encryption_algorithm");
    }
    format(o, "url", Formats::url, "6.1", "a valid URL (RFC 3986)", path, c);
    if (o.has("url") && !o.has("hashes")) {
      c.error(
          path + ".hashes",
          REQUIRED_PROPERTY,
          "6.1",
          "artifact requires hashes when url is present");
    }
  }

  /** Email message (6.6): body or body_multipart, as is_multipart says. */
  private static void emailMessage(JsonNode o, String path, Checker c) {
    JsonNode multipart = o.get("is_multipart");
    if (multipart != null && multipart.isBoolean()) {
      if (multipart.booleanValue() && o.has("body")) {
        c.error(
            path + ".body",
            PROPERTY_COMBINATION,
            "6.6",
            "body must not be used when is_multipart is true");
      }
      if (!multipart.booleanValue() && o.has("body_multipart")) {
        c.error(
            path + ".body_multipart",
            PROPERTY_COMBINATION,
            "6.6",
            "body_multipart must not be used when is_multipart is false");
      }
    }
  }

  /** File (6.7): hashes or name. */
  private static void file(JsonNode o, String path, Checker c) {
    if (!o.has("hashes") && !o.has("name")) {
      c.error(path, PROPERTY_COMBINATION, "6.7", "a file requires hashes or name");
    }
  }

  /** MAC address (6.10): colon-delimited lower-case MAC-48. */
  private static void macAddress(JsonNode o, String path, Checker c) {
    JsonNode v = o.get("value");
    if (v != null && v.isString() && !Formats.mac(v.stringValue())) {
      c.error(
          path + ".value",
          VALUE_FORMAT,
          "6.10",
          "a MAC address must be colon-delimited lower-case MAC-48 with leading zeros");
    }
  }

  /** Rules of predefined extensions beyond their property tables. */
  static void extension(String name, JsonNode ext, String path, Checker c) {
    String section = AT_LEAST_ONE.get(name);
    if (section != null && ext.isEmpty()) {
      c.error(path, EMPTY_VALUE, section, name + " must contain at least one property");
    }
    switch (name) {
      case "windows-pebinary-ext" -> {
        if (ext.size() < 2) {
          c.error(
              path, EMPTY_VALUE, "6.7.6", "windows-pebinary-ext needs a property besides pe_type");
        }
        JsonNode header = ext.get("optional_header");
        if (header != null && header.isObject() && header.isEmpty()) {
          c.error(
              path + ".optional_header",
              EMPTY_VALUE,
              "6.7.6",
              "optional_header needs at least one property");
        }
      }
      case "socket-ext" -> {
        if (ext.has("socket_handle") && ext.has("socket_descriptor")) {
          c.error(
              path,
              PROPERTY_COMBINATION,
              "6.12.4",
              "socket_descriptor and socket_handle exclude each other");
        }
      }
      default -> {
        // table checks suffice
      }
    }
  }

  private static String sectionOf(String type) {
    TypeSpec s = TypeTable.TYPES.get(type);
    return s == null ? "3.2" : s.section();
  }

  private static void location(JsonNode o, String path, Checker c) {
    boolean lat = o.has("latitude");
    boolean lon = o.has("longitude");
    if (lat != lon) {
      c.error(
          path + (lat ? ".longitude" : ".latitude"),
          PROPERTY_COMBINATION,
          "4.10",
          "latitude and longitude must be given together");
    }
    if (o.has("precision") && !(lat && lon)) {
      c.error(
          path + ".precision",
          PROPERTY_COMBINATION,
          "4.10",
          "precision requires latitude and longitude");
    }
    if (!o.has("region") && !o.has("country") && !(lat && lon)) {
      c.error(
          path,
          REQUIRED_PROPERTY,
          "4.10",
          "a location requires region, country, or latitude and longitude");
    }
    rangeDouble(o, "latitude", -90, 90, path, c);
    rangeDouble(o, "longitude", -180, 180, path, c);
    if (o.path("precision").isNumber() && o.get("precision").doubleValue() < 0) {
      c.error(
          path + ".precision",
          VALUE_RANGE,
          "4.10",
          "precision is a distance in meters and cannot be negative");
    }
  }

  private static void observedData(JsonNode o, String path, Checker c) {
    order(o, "first_observed", "last_observed", false, "4.14", path, c);
    range(o, "number_observed", 1, 999_999_999, "4.14", path, c);
    boolean objects = o.has("objects");
    boolean refs = o.has("object_refs");
    if (objects && refs) {
      c.error(
          path + ".objects",
          PROPERTY_COMBINATION,
          "4.14",
          "objects must not be present together with object_refs");
    } else if (!objects && !refs) {
      c.error(
          path + ".object_refs",
          REQUIRED_PROPERTY,
          "4.14",
          "observed-data requires object_refs (or the deprecated objects)");
    }
    JsonNode list = o.get("object_refs");
    if (list != null && list.isArray() && !list.isEmpty()) {
      boolean sco = false;
      for (JsonNode r : list) {
        String t = StixIds.typeOf(r.asString(""));
        TypeSpec s = TypeTable.TYPES.get(t);
        if ((s == null && !t.isEmpty()) || (s != null && s.category() == Category.SCO)) {
          sco = true;
          break;
        }
      }
      if (!sco) {
        c.error(
            path + ".object_refs",
            REFERENCE_TYPE,
            "4.14",
            "object_refs must contain at least one SCO reference");
      }
    }
  }

  private static void networkTraffic(JsonNode o, String path, Checker c) {
    if (!o.has("src_ref") && !o.has("dst_ref")) {
      c.error(path, PROPERTY_COMBINATION, "6.12", "network-traffic requires src_ref or dst_ref");
    }
    range(o, "src_port", 0, 65535, "6.12", path, c);
    range(o, "dst_port", 0, 65535, "6.12", path, c);
    if (o.path("is_active").asBoolean(false) && o.has("end")) {
      c.error(
          path + ".end",
          PROPERTY_COMBINATION,
          "6.12",
          "end must not be present when is_active is true");
    }
    order(o, "start", "end", false, "6.12", path, c);
    JsonNode ipfix = o.get("ipfix");
    if (ipfix != null && ipfix.isObject()) {
      for (Map.Entry<String, JsonNode> e : ipfix.properties()) {
        if (!e.getValue().isString() && !e.getValue().isIntegralNumber()) {
          c.error(
              Paths.child(path + ".ipfix", e.getKey()),
              Rules.PROPERTY_TYPE,
              "6.12",
              "ipfix values must be strings or integers");
        }
      }
    }
  }

  private static void atLeastOne(JsonNode o, String type, String path, Checker c) {
    TypeSpec spec = TypeTable.TYPES.get(type);
    for (String name : o.propertyNames()) {
      if (spec.props().containsKey(name) && !SCO_COMMON.contains(name)) {
        return;
      }
    }
    c.error(
        path,
        REQUIRED_PROPERTY,
        spec.section(),
        type + " must contain at least one of its own properties (or an extension)");
  }

  private static void extensionDefinition(JsonNode o, String path, Checker c) {
    JsonNode types = o.get("extension_types");
    boolean toplevel = false;
    if (types != null && types.isArray()) {
      for (JsonNode t : types) {
        toplevel |= "toplevel-property-extension".equals(t.asString(""));
      }
    }
    if (o.has("extension_properties") && !toplevel) {
      c.error(
          path + ".extension_properties",
          EXTENSION_DEFINITION,
          "7.3",
          "extension_properties is only used with toplevel-property-extension");
    }
    if (toplevel && !o.has("extension_properties")) {
      c.warning(
          path + ".extension_properties",
          EXTENSION_DEFINITION,
          "7.3",
          "a toplevel-property-extension should list its extension_properties");
    }
  }

  private static void languageContent(JsonNode o, String path, Checker c) {
    JsonNode contents = o.get("contents");
    if (contents == null || !contents.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : contents.properties()) {
      if (!Formats.languageTag(e.getKey())) {
        c.error(
            Paths.child(path + ".contents", e.getKey()),
            VALUE_FORMAT,
            "7.1",
            "contents keys must be RFC 5646 language tags");
      }
      if (!e.getValue().isObject()) {
        c.error(
            Paths.child(path + ".contents", e.getKey()),
            Rules.PROPERTY_TYPE,
            "7.1",
            "each language maps to a dictionary of translated properties");
      }
    }
  }

  private static void encoding(JsonNode o, String prop, String path, String section, Checker c) {
    if (o.has(prop + "_enc") && !o.has(prop)) {
      c.error(
          Paths.child(path, prop + "_enc"),
          PROPERTY_COMBINATION,
          "3.1",
          prop + "_enc must not be present without " + prop);
    }
  }

  private static void format(
      JsonNode o,
      String prop,
      Predicate<String> ok,
      String section,
      String expected,
      String path,
      Checker c) {
    JsonNode v = o.get(prop);
    if (v != null && v.isString() && !ok.test(v.stringValue())) {
      c.error(
          Paths.child(path, prop),
          VALUE_FORMAT,
          section,
          "\"" + v.stringValue() + "\" is not " + expected);
    }
  }

  private static void exclusive(
      JsonNode o, String a, String b, String section, String path, Checker c) {
    if (o.has(a) && o.has(b)) {
      c.error(
          Paths.child(path, b),
          PROPERTY_COMBINATION,
          section,
          a + " and " + b + " must not both be present");
    }
  }

  /** Both timestamps valid and present: later must be >= (or > when strict) earlier. */
  static void order(
      JsonNode o,
      String earlier,
      String later,
      boolean strict,
      String section,
      String path,
      Checker c) {
    JsonNode a = o.get(earlier);
    JsonNode b = o.get(later);
    if (a == null
        || b == null
        || !a.isString()
        || !b.isString()
        || !StixTimestamps.isValid(a.stringValue())
        || !StixTimestamps.isValid(b.stringValue())) {
      return;
    }
    int cmp = StixTimestamps.compare(b.stringValue(), a.stringValue());
    if (cmp < 0 || (strict && cmp == 0)) {
      c.error(
          Paths.child(path, later),
          TIMESTAMP_ORDER,
          section,
          later + " must be " + (strict ? "later than " : "later than or equal to ") + earlier);
    }
  }

  private static void range(
      JsonNode o, String name, long min, long max, String section, String path, Checker c) {
    JsonNode v = o.get(name);
    if (v == null || !v.isIntegralNumber()) {
      return;
    }
    if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      c.error(
          Paths.child(path, name),
          VALUE_RANGE,
          section,
          name + " must be between " + min + " and " + max);
    }
  }

  private static void rangeDouble(
      JsonNode o, String name, double min, double max, String path, Checker c) {
    JsonNode v = o.get(name);
    if (v != null && v.isNumber() && (v.doubleValue() < min || v.doubleValue() > max)) {
      c.error(
          Paths.child(path, name),
          VALUE_RANGE,
          "4.10",
          name + " must be between " + min + " and " + max);
    }
  }

  static void deprecated(String path, String section, String message, Checker c) {
    c.warning(path, DEPRECATED, section, message);
  }
}
