package dev.bulwark.misp.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * MISP attribute types → STIX cyber-observables and a pattern, after misp-stix's attribute mapping
 * (SCO ids reuse the attribute uuid as misp-stix does). Types not listed here, and values that are
 * not valid for their type, have no mapping: the caller carries them as a note. Public so that the
 * writer can check a value it reads back from a pattern. Stateless.
 */
public final class AttributeMap {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(/\\d{1,2})?");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/\\d{1,3})?");
  private static final Pattern AS = Pattern.compile("(?i)(AS)?(\\d{1,10})");
  private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

  /** MISP hash attribute types → STIX hash names. */
  public static final Map<String, String> HASH_NAMES =
      Map.of(
          "md5", "MD5",
          "sha1", "SHA-1",
          "sha256", "SHA-256",
          "sha512", "SHA-512",
          "sha3-256", "SHA3-256",
          "sha3-512", "SHA3-512",
          "ssdeep", "SSDEEP",
          "tlsh", "TLSH");

  /** What an attribute becomes: its SCOs (the first is the main one) and a pattern for it. */
  /**
   * What an attribute becomes.
   *
   * @param scos its cyber-observables, the main one first
   * @param pattern the STIX pattern matching it
   */
  public record Mapped(List<ObjectNode> scos, String pattern) {}

  private AttributeMap() {}

  /**
   * The STIX form of a MISP attribute value.
   *
   * @param type MISP attribute type
   * @param value its value
   * @param uuid the attribute uuid (SCO ids reuse it)
   * @return the SCOs and pattern, or empty when the type has no mapping or the value is invalid
   */
  public static Optional<Mapped> map(String type, String value, String uuid) {
    String t = type.toLowerCase(Locale.ROOT);
    String hash = HASH_NAMES.get(t);
    if (hash != null) {
      return hash(uuid, hash, value).map(h -> file(uuid, null, hash, value));
    }
    if (t.startsWith("filename|")) {
      String h = HASH_NAMES.get(t.substring("filename|".length()));
      String[] p = value.split("\\|", 2);
      if (h == null || p.length != 2 || hash(uuid, h, p[1]).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(file(uuid, p[0], h, p[1]));
    }
    return switch (t) {
      case "ip-src", "ip-dst" -> traffic(t.substring(3), uuid, value, null);
      case "ip-src|port", "ip-dst|port" -> ipPort(t.substring(3, 6), uuid, value);
      case "domain", "hostname" -> simple("domain-name", "value", uuid, value, isHost(value));
      case "url", "link", "uri" -> simple("url", "value", uuid, value, !value.isBlank());
      case "email", "email-src", "email-dst" ->
          simple("email-addr", "value", uuid, value, value.contains("@"));
      case "mac-address" -> simple("mac-addr", "value", uuid, value, MAC.matcher(value).matches());
      case "mutex" -> simple("mutex", "name", uuid, value, !value.isEmpty());
      case "regkey" -> simple("windows-registry-key", "key", uuid, value, !value.isEmpty());
      case "filename" -> simple("file", "name", uuid, value, !value.isEmpty());
      case "AS", "as" -> as(uuid, value);
      case "domain|ip" -> domainIp(uuid, value);
      default -> Optional.empty();
    };
  }

  private static Optional<String> hash(String uuid, String name, String value) {
    boolean hex = value.matches("[0-9a-fA-F]+");
    boolean ok =
        switch (name) {
          case "MD5" -> hex && value.length() == 32;
          case "SHA-1" -> hex && value.length() == 40;
          case "SHA-256", "SHA3-256" -> hex && value.length() == 64;
          case "SHA-512", "SHA3-512" -> hex && value.length() == 128;
          default -> !value.isBlank();
        };
    return ok ? Optional.of(uuid) : Optional.empty();
  }

  private static Mapped file(String uuid, String name, String hash, String value) {
    ObjectNode f = sco("file", uuid);
    String pattern = "";
    if (name != null) {
      f.put("name", name);
      pattern = "file:name = '" + esc(name) + "' AND ";
    }
    f.putObject("hashes").put(hash, value);
    String key = hash.contains("-") ? "'" + hash + "'" : hash;
    return new Mapped(
        List.of(f), "[" + pattern + "file:hashes." + key + " = '" + esc(value) + "']");
  }

  private static Optional<Mapped> ip(String uuid, String value) {
    String type;
    if (IPV4.matcher(value).matches()) {
      type = "ipv4-addr";
    } else if (value.contains(":") && IPV6.matcher(value).matches()) {
      type = "ipv6-addr";
    } else {
      return Optional.empty();
    }
    return simple(type, "value", uuid, value, true);
  }

  /**
   * ip-src / ip-dst (and with |port) as misp-stix writes them: a network-traffic whose src_ref or
   * dst_ref is the address SCO, and a pattern on that reference. The port is an integer in the
   * pattern (misp-stix quotes it; STIX types it as an integer). {@code protocols} is required by
   * STIX: we write the IP version, the one protocol the attribute tells us.
   */
  private static Optional<Mapped> traffic(String side, String uuid, String value, Integer port) {
    Optional<Mapped> ip = ip(uuid, value);
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode address = ip.get().scos().get(0);
    String addressType = address.get("type").stringValue();
    ObjectNode nt = sco("network-traffic", uuid);
    nt.put(side + "_ref", address.get("id").stringValue());
    if (port != null) {
      nt.put(side + "_port", port);
    }
    nt.putArray("protocols").add("ipv4-addr".equals(addressType) ? "ipv4" : "ipv6");
    String pattern =
        "[network-traffic:"
            + side
            + "_ref.type = '"
            + addressType
            + "' AND network-traffic:"
            + side
            + "_ref.value = '"
            + esc(value)
            + "'"
            + (port == null ? "" : " AND network-traffic:" + side + "_port = " + port)
            + "]";
    return Optional.of(new Mapped(List.of(nt, address), pattern));
  }

  private static Optional<Mapped> ipPort(String side, String uuid, String value) {
    int bar = value.lastIndexOf('|');
    if (bar < 0 || !value.substring(bar + 1).matches("\\d{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(value.substring(bar + 1));
    if (port > 65535) {
      return Optional.empty();
    }
    return traffic(side, uuid, value.substring(0, bar), port);
  }

  private static Optional<Mapped> as(String uuid, String value) {
    var m = AS.matcher(value.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(2));
    if (n > 4294967295L) {
      return Optional.empty();
    }
    ObjectNode o = sco("autonomous-system", uuid);
    o.put("number", n);
    return Optional.of(new Mapped(List.of(o), "[autonomous-system:number = " + n + "]"));
  }

  private static Optional<Mapped> domainIp(String uuid, String value) {
    String[] p = value.split("\\|", 2);
    if (p.length != 2 || !isHost(p[0])) {
      return Optional.empty();
    }
    Optional<Mapped> ip = ip(uuid, p[1]);
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode d = sco("domain-name", uuid);
    d.put("value", p[0]);
    ObjectNode a = ip.get().scos().get(0);
    d.putArray("resolves_to_refs").add(a.get("id").stringValue());
    List<ObjectNode> scos = new ArrayList<>(List.of(d, a));
    return Optional.of(
        new Mapped(
            scos,
            "[domain-name:value = '"
                + esc(p[0])
                + "' AND domain-name:resolves_to_refs[*].value = '"
                + esc(p[1])
                + "']"));
  }

  private static Optional<Mapped> simple(
      String type, String property, String uuid, String value, boolean valid) {
    if (!valid) {
      return Optional.empty();
    }
    ObjectNode o = sco(type, uuid);
    o.put(property, value);
    String path = property.contains("-") ? "'" + property + "'" : property;
    return Optional.of(
        new Mapped(List.of(o), "[" + type + ":" + path + " = '" + esc(value) + "']"));
  }

  private static boolean isHost(String v) {
    return !v.isEmpty() && v.length() < 254 && v.matches("[A-Za-z0-9_.-]+") && v.contains(".");
  }

  static ObjectNode sco(String type, String uuid) {
    ObjectNode o = NODES.objectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", type + "--" + uuid);
    return o;
  }

  /** Escapes a value for a STIX pattern string literal. */
  static String esc(String v) {
    return v.replace("\\", "\\\\").replace("'", "\\'");
  }
}
