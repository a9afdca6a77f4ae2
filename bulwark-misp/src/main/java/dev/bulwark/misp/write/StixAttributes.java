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
  private static final Pattern PORT = Pattern.compile("_port = (\\d+)\\]$");
  private static final Pattern SINGLE =
      Pattern.compile("^\\[([a-z0-9-]+):([A-Za-z0-9_.'-]+) = '((?:[^'\\\\]|\\\\.)*)'\\]$");
  private static final Map<String, String> BY_PATH =
      Map.ofEntries(
          Map.entry("domain-name:value", "domain"),
          Map.entry("ipv4-addr:value", "ip-dst"),
          Map.entry("ipv6-addr:value", "ip-dst"),
          Map.entry("network-traffic:src_ref.value", "ip-src"),
          Map.entry("network-traffic:dst_ref.value", "ip-dst"),
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
      if (type.get().startsWith("ip-") && parts.size() == 2) {
        // network-traffic:<side>_ref.type = '<address type>' AND ..._ref.value = '<ip>'
        Matcher p = PORT.matcher(pattern);
        candidate = parts.get(1) + (p.find() ? "|" + p.group(1) : "");
      }
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
      case "network-traffic" -> trafficType(sco);
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

  /** The side that has a reference names the type; a port on that side makes it ip-x|port. */
  private static String trafficType(JsonNode sco) {
    String side = sco.has("src_ref") && !sco.has("dst_ref") ? "src" : "dst";
    if (!sco.has(side + "_ref")) {
      return null;
    }
    return "ip-" + side + (sco.has(side + "_port") ? "|port" : "");
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

  /**
   * An ip attribute's value from its network-traffic (the address it references, and its port), or
   * from a bare address SCO (an older export or another producer).
   */
  private static String address(String type, JsonNode main, List<JsonNode> scos) {
    if (!"network-traffic".equals(main.path("type").asString())) {
      return type.endsWith("|port") ? null : main.path("value").asString(null);
    }
    String side = type.substring(3, 6);
    String ref = main.path(side + "_ref").asString(null);
    for (JsonNode s : scos) {
      if (ref != null && ref.equals(s.path("id").asString())) {
        String ip = s.path("value").asString(null);
        if (ip == null || !type.endsWith("|port")) {
          return ip;
        }
        return main.has(side + "_port") ? ip + "|" + main.get(side + "_port").asString() : null;
      }
    }
    return null;
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
      case "ip-src", "ip-dst", "ip-src|port", "ip-dst|port" -> address(t, main, scos);
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
