package dev.bulwark.node.misp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic MISP events for the node's tests, in MISP's core format as a MISP instance writes them
 * (strings for numbers, {@code Orgc}, {@code Tag}, {@code SharingGroup} with its organisations):
 * deterministic uuids from a seed, so a test can name what it wrote. Attribute values carry a
 * canary, so a test can see whether an attribute crossed.
 */
public final class MispFixtures {
  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** An organisation of the fixtures' MISP community. */
  public record Org(String uuid, String name) {
    public static Org named(String name) {
      return new Org(MispFixtures.uuid("org " + name), name);
    }
  }

  /**
   * What one synthetic event says: its seed, creator, distribution, sharing group members (for
   * distribution 4), TLP tag (empty for none) and number of attributes.
   */
  public record Spec(
      String seed,
      Org orgc,
      int distribution,
      List<Org> sharingGroup,
      String tlp,
      int attributes,
      long timestamp) {}

  private MispFixtures() {}

  /** A name-based uuid, as {@code UUID.nameUUIDFromBytes} makes it (version 3). */
  public static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The event's uuid. */
  public static String eventUuid(Spec s) {
    return uuid("event " + s.seed());
  }

  /** The canary in the value of attribute {@code i} of the event. */
  public static String canary(Spec s, int i) {
    return "cnry" + uuid("canary " + s.seed() + " " + i).substring(0, 8);
  }

  /** The event as {@code {"Event": {...}}}. */
  public static ObjectNode event(Spec s) {
    ObjectNode wrapper = JSON.createObjectNode();
    ObjectNode e = wrapper.putObject("Event");
    e.put("uuid", eventUuid(s));
    e.put("info", "Synthetic event " + s.seed());
    e.put("date", "2026-12-01");
    e.put("timestamp", Long.toString(s.timestamp()));
    e.put("publish_timestamp", Long.toString(s.timestamp()));
    e.put("published", true);
    e.put("threat_level_id", "2");
    e.put("analysis", "2");
    e.put("distribution", Integer.toString(s.distribution()));
    org(e.putObject("Org"), s.orgc());
    org(e.putObject("Orgc"), s.orgc());
    if (s.distribution() == 4) {
      e.put("sharing_group_id", "1");
      ObjectNode sg = e.putObject("SharingGroup");
      sg.put("id", "1");
      sg.put("uuid", uuid("sg " + s.seed()));
      sg.put("name", "group " + s.seed());
      ArrayNode members = sg.putArray("SharingGroupOrg");
      for (Org o : s.sharingGroup()) {
        ObjectNode m = members.addObject();
        m.put("org_id", "1");
        org(m.putObject("Organisation"), o);
      }
    } else {
      e.put("sharing_group_id", "0");
    }
    ArrayNode tags = e.putArray("Tag");
    if (!s.tlp().isEmpty()) {
      tags.addObject().put("name", "tlp:" + s.tlp());
    }
    ArrayNode attributes = e.putArray("Attribute");
    for (int i = 0; i < s.attributes(); i++) {
      ObjectNode a = attributes.addObject();
      a.put("uuid", uuid("attribute " + s.seed() + " " + i));
      boolean domain = i % 2 == 0;
      a.put("type", domain ? "domain" : "ip-dst");
      a.put("category", "Network activity");
      a.put(
          "value",
          domain
              ? canary(s, i) + ".example.org"
              : "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256));
      a.put("comment", canary(s, i));
      a.put("to_ids", i % 3 == 0);
      a.put("timestamp", Long.toString(s.timestamp()));
      a.put("distribution", "5");
      a.put("sharing_group_id", "0");
      a.put("deleted", false);
      a.putArray("Tag");
    }
    e.putArray("Object");
    e.putArray("Galaxy");
    return wrapper;
  }

  private static void org(ObjectNode n, Org o) {
    n.put("id", "1");
    n.put("name", o.name());
    n.put("uuid", o.uuid());
    n.put("local", true);
  }

  /** Several events as MISP's {@code {"response": [...]}} collection. */
  public static String collection(List<Spec> specs) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode response = root.putArray("response");
    specs.forEach(s -> response.add(event(s)));
    return JSON.writeValueAsString(root);
  }

  /**
   * Writes the events as a MISP feed folder, as PyMISP's feed generator does: {@code manifest.json}
   * (uuid → Orgc, Tag, info, date, analysis, threat_level_id, timestamp), one {@code {uuid}.json}
   * per event and {@code hashes.csv} (event uuid, md5 of each value).
   */
  public static void writeFeed(Path dir, List<Spec> specs) throws IOException {
    Files.createDirectories(dir);
    ObjectNode manifest = JSON.createObjectNode();
    StringBuilder hashes = new StringBuilder();
    for (Spec s : specs) {
      ObjectNode event = event(s);
      ObjectNode e = (ObjectNode) event.get("Event");
      Files.writeString(dir.resolve(eventUuid(s) + ".json"), JSON.writeValueAsString(event));
      ObjectNode m = manifest.putObject(eventUuid(s));
      m.set("Orgc", e.get("Orgc"));
      m.set("Tag", e.get("Tag"));
      for (String f : List.of("info", "date", "analysis", "threat_level_id", "timestamp")) {
        m.set(f, e.get(f));
      }
      for (var a : e.get("Attribute")) {
        hashes.append(eventUuid(s)).append(',').append(md5(a.get("value").asString())).append('\n');
      }
    }
    Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest));
    Files.writeString(dir.resolve("hashes.csv"), hashes.toString());
  }

  private static String md5(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n} events of {@code attributes} attributes each (distribution 1, TLP green). */
  public static List<Spec> many(String prefix, int n, int attributes, Org orgc, long timestamp) {
    List<Spec> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Spec(prefix + i, orgc, 1, List.of(), "green", attributes, timestamp));
    }
    return out;
  }
}
