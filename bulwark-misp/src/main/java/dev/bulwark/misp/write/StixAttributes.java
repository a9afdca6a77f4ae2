package dev.bulwark.misp.write;

import dev.bulwark.misp.stix.AttributeMap;
import dev.bulwark.misp.stix.Labels;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The MISP type and value a STIX indicator, observed-data or note stands for: read from this
 * library's {@code misp:type} label when present (checked by converting back), otherwise guessed
 * from the SCO type or the single comparison of the pattern. Stateless.
 */
final class StixAttributes {
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern NUMBER = Pattern.compile("= (\\d+)\\]");
  private static final Pattern SINGLE =
      Pattern.compile("^\\[([a-z0-9-]+):([A-Za-z0-9_.'-]+) = '((?:[^'\\\\]|\\\\.)*)'\\]$");
  private static final Map<String, String> BY_PATH =
      Map.ofEntries(
          Map.entry("domain-name:value", "domain"),
          Map.entry("ipv4-addr:value", "ip-dst"),
          Map.entry("ipv6-addr:value", "ip-dst"),
          Map.entry("url:value", "url"),
          Map.entry("email-addr:value", "email-src"),
          Map.entry("mac-addr:value", "mac-address"),
          Map.entry("mutex:name", "mutex"),
          Map.entry("windows-registry-key:key", "regkey"),
          Map.entry("file:name", "filename"),
          Map.entry("file:hashes.MD5", "md5"),
          Map.entry("file:hashes.'SHA-1'", "sha1"),
          Map.entry("file:hashes.'SHA-256'", "sha256"),
          Map.entry("file:hashes.'SHA-512'", "sha512"));

  /** A MISP type and value. */
  record TypedValue(String type, String value) {}

  private StixAttributes() {}

  static Optional<TypedValue> fromIndicator(StixObject o, List<String> labels) {
    String pattern = o.string("pattern").orElse("");
    Optional<String> type = Labels.value(labels, "type");
    String uuid = o.id().substring(o.id().indexOf("--") + 2);
    if (type.isPresent()) {
      List<String> parts = new ArrayList<>();
      Matcher m = QUOTED.matcher(pattern);
      while (m.find()) {
        parts.add(m.group(1).replace("\\'", "'").replace("\\\\", "\\"));
      }
      Matcher n = NUMBER.matcher(pattern);
      String candidate =
          "as".equalsIgnoreCase(type.get()) && n.find()
              ? "AS" + n.group(1)
              : String.join("|", parts);
      Optional<AttributeMap.Mapped> back = AttributeMap.map(type.get(), candidate, uuid);
      if (back.isPresent() && back.get().pattern().equals(pattern)) {
        return Optional.of(new TypedValue(type.get(), candidate));
      }
    }
    Matcher s = SINGLE.matcher(pattern);
    if (s.matches() && BY_PATH.containsKey(s.group(1) + ":" + s.group(2))) {
      String v = s.group(3).replace("\\'", "'").replace("\\\\", "\\");
      return Optional.of(new TypedValue(BY_PATH.get(s.group(1) + ":" + s.group(2)), v));
    }
    return Optional.empty();
  }

  static Optional<TypedValue> fromObserved(
      StixObject o, List<String> labels, Map<String, StixObject> byId) {
    List<JsonNode> scos = new ArrayList<>();
    JsonNode refs = o.json().get("object_refs");
    if (refs != null && refs.isArray()) {
      for (JsonNode r : refs) {
        StixObject sco = byId.get(r.asString());
        if (sco != null) {
          scos.add(sco.json());
        }
      }
    }
    if (scos.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type = Labels.value(labels, "type");
    JsonNode main = scos.get(0);
    String scoType = main.path("type").asString();
    String t = type.orElse(guess(scoType, main));
    if (t == null) {
      return Optional.empty();
    }
    String value = value(t, main, scos);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(new TypedValue(t, value));
  }

  private static String guess(String scoType, JsonNode sco) {
    return switch (scoType) {
      case "domain-name" -> sco.has("resolves_to_refs") ? "domain|ip" : "domain";
      case "ipv4-addr", "ipv6-addr" -> "ip-dst";
      case "url" -> "url";
      case "email-addr" -> "email-src";
      case "mac-addr" -> "mac-address";
      case "mutex" -> "mutex";
      case "windows-registry-key" -> "regkey";
      case "autonomous-system" -> "AS";
      case "file" -> fileType(sco);
      default -> null;
    };
  }

  private static String fileType(JsonNode sco) {
    JsonNode h = sco.get("hashes");
    if (h != null && h.isObject() && h.size() == 1) {
      String name = h.propertyNames().iterator().next();
      for (Map.Entry<String, String> e : AttributeMap.HASH_NAMES.entrySet()) {
        if (e.getValue().equals(name)) {
          return sco.has("name") ? "filename|" + e.getKey() : e.getKey();
        }
      }
      return null;
    }
    return sco.has("name") && h == null ? "filename" : null;
  }

  private static String value(String type, JsonNode main, List<JsonNode> scos) {
    String t = type.toLowerCase(Locale.ROOT);
    String hash = AttributeMap.HASH_NAMES.get(t.startsWith("filename|") ? t.substring(9) : t);
    if (hash != null) {
      String h = main.path("hashes").path(hash).asString(null);
      if (h == null) {
        return null;
      }
      return t.startsWith("filename|") ? main.path("name").asString("") + "|" + h : h;
    }
    return switch (t) {
      case "as" -> main.has("number") ? "AS" + main.get("number").asString() : null;
      case "domain|ip" ->
          scos.size() > 1
              ? main.path("value").asString() + "|" + scos.get(1).path("value").asString()
              : null;
      case "mutex", "filename" -> main.path("name").asString(null);
      case "regkey" -> main.path("key").asString(null);
      default -> main.path("value").asString(null);
    };
  }
}
