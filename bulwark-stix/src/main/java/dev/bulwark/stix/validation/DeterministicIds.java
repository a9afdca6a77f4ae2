package dev.bulwark.stix.validation;

import static dev.bulwark.stix.validation.Rules.DETERMINISTIC_ID;

import dev.bulwark.stix.CanonicalJson;
import dev.bulwark.stix.StixIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic SCO identifiers (STIX 2.1 sections 2.9 and 3.4): UUIDv5 in the namespace {@code
 * 00abedb4-aa42-466c-9c01-fed23315a9b7} over the RFC 8785 canonical JSON of the ID contributing
 * properties present (for {@code hashes}, one hash, preferring MD5, SHA-1, SHA-256, SHA-512).
 *
 * <p>What is decidable on one object and therefore reported:
 *
 * <ul>
 *   <li>no contributing property present (or a type without any) but a non-v4 UUID: error, the spec
 *       says a UUIDv4 MUST be used;
 *   <li>a UUIDv5 that is not the expected one: warning, because a producer MAY use another
 *       algorithm or namespace, which cannot be told apart from a wrong computation;
 *   <li>contributing properties present but not a UUIDv5: warning (SHOULD).
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class DeterministicIds {

  private static final JsonNodeFactory NODES = JsonMapper.builder().build().getNodeFactory();
  private static final String[] HASH_PREFERENCE = {"MD5", "SHA-1", "SHA-256", "SHA-512"};

  private DeterministicIds() {}

  /**
   * The deterministic id of an SCO, when it has contributing properties.
   *
   * @param type the SCO type
   * @param o its JSON
   * @return {@code type--<UUIDv5>}, or null when no contributing property is present
   */
  static String expected(String type, JsonNode o) {
    TypeSpec spec = TypeTable.TYPES.get(type);
    if (spec == null || spec.idContributing().isEmpty()) {
      return null;
    }
    List<String> candidates = candidates(spec, o);
    return candidates.isEmpty() ? null : type + "--" + candidates.get(0);
  }

  static void check(TypeSpec spec, JsonNode o, String id, String path, Checker c) {
    if (id == null || !StixIds.isIdentifier(id)) {
      return;
    }
    String uuid = id.substring(id.lastIndexOf("--") + 2).toLowerCase(Locale.ROOT);
    int version = StixIds.rfc4122Version(uuid);
    List<String> candidates = candidates(spec, o);
    if (candidates.isEmpty()) {
      if (version != 4) {
        c.error(
            path + ".id",
            DETERMINISTIC_ID,
            "2.9",
            "no ID contributing property is present, so the id must be a UUIDv4, found v"
                + version);
      }
      return;
    }
    if (version != 5) {
      c.warning(
          path + ".id",
          DETERMINISTIC_ID,
          "2.9",
          "SCOs should use a deterministic UUIDv5 id, e.g. "
              + spec.name()
              + "--"
              + candidates.get(0));
      return;
    }
    if (!candidates.contains(uuid)) {
      c.warning(
          path + ".id",
          DETERMINISTIC_ID,
          "3.4",
          "the UUIDv5 is not the one derived from the ID contributing properties ("
              + spec.name()
              + "--"
              + candidates.get(0)
              + "); deduplication by id will fail");
    }
  }

  /** The possible deterministic UUIDs (several only when the hash choice is open). */
  private static List<String> candidates(TypeSpec spec, JsonNode o) {
    ObjectNode base = NODES.objectNode();
    JsonNode hashes = null;
    for (String name : spec.idContributing()) {
      JsonNode v = o.get(name);
      if (v == null) {
        continue;
      }
      if ("hashes".equals(name) && v.isObject() && !v.isEmpty()) {
        hashes = v;
      } else {
        base.set(name, v);
      }
    }
    List<String> out = new ArrayList<>(2);
    if (hashes == null) {
      if (!base.isEmpty()) {
        out.add(uuid(base));
      }
      return out;
    }
    for (String algo : HASH_PREFERENCE) {
      if (hashes.has(algo)) {
        out.add(withHash(base, algo, hashes.get(algo)));
        return out;
      }
    }
    // No preferred algorithm: the spec leaves the choice open, so accept any single hash.
    for (String algo : hashes.propertyNames()) {
      out.add(withHash(base, algo, hashes.get(algo)));
    }
    return out;
  }

  private static String withHash(ObjectNode base, String algo, JsonNode value) {
    ObjectNode n = base.deepCopy();
    n.putObject("hashes").set(algo, value);
    return uuid(n);
  }

  private static String uuid(ObjectNode n) {
    return StixIds.uuid5(StixIds.SCO_NAMESPACE, CanonicalJson.of(n)).toString();
  }
}
