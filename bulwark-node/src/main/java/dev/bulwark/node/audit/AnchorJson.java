package dev.bulwark.node.audit;

import dev.bulwark.node.audit.AnchorStore.Direction;
import dev.bulwark.node.audit.AnchorStore.Exchanged;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of anchors: what a node exports ({@code bulwark audit anchors --json}) for another
 * node to check its chain against ({@code bulwark audit verify --anchors FILE}), and what a node
 * sends a peer. Stateless; thread-safe.
 */
public final class AnchorJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnchorJson() {}

  /** One anchor as sent to a peer: {@code {"seq":..,"link":"..","issued":"..","nation":".."}}. */
  public static String message(Anchor a, String nation) {
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", a.seq());
    o.put("link", a.link());
    o.put("issued", instant(a.issuedMicros()));
    o.put("nation", nation);
    return JSON.writeValueAsString(o);
  }

  /** Reads an anchor a peer sent; throws IllegalArgumentException when it is not one. */
  public static Anchor parseMessage(String body) {
    try {
      JsonNode o = JSON.readTree(body);
      return anchorOf(o);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not an anchor: " + e.getOriginalMessage());
    }
  }

  /** An export: the exporting node's nation and the anchors. */
  public static String export(String nodeNation, List<Exchanged> anchors) {
    ObjectNode root = JSON.createObjectNode();
    root.put("exported_by", nodeNation);
    root.put("exported", Instant.now().toString());
    ArrayNode items = root.putArray("anchors");
    for (Exchanged e : anchors) {
      ObjectNode o = items.addObject();
      o.put("direction", e.direction().label());
      o.put("peer", e.peer());
      o.put("nation", e.nation());
      o.put("seq", e.anchor().seq());
      o.put("link", e.anchor().link());
      o.put("issued", instant(e.anchor().issuedMicros()));
      o.put("at", instant(e.atMicros()));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** Reads an export; throws IllegalArgumentException when it is not one. */
  public static List<Exchanged> parseExport(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      JsonNode items = root.path("anchors");
      if (!items.isArray()) {
        throw new IllegalArgumentException("not an anchor export: no \"anchors\" array");
      }
      List<Exchanged> out = new ArrayList<>();
      for (JsonNode o : items) {
        out.add(
            new Exchanged(
                Direction.parse(o.path("direction").asString("received")),
                o.path("peer").asString(""),
                o.path("nation").asString(""),
                anchorOf(o),
                micros(o.path("at").asString(""))));
      }
      return out;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not an anchor export: " + e.getOriginalMessage());
    }
  }

  private static Anchor anchorOf(JsonNode o) {
    if (!o.path("seq").isIntegralNumber() || !o.path("link").isString()) {
      throw new IllegalArgumentException("an anchor needs a numeric seq and a link");
    }
    return new Anchor(
        o.path("seq").asLong(), o.path("link").asString(), micros(o.path("issued").asString("")));
  }

  private static String instant(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
        .toString();
  }

  private static long micros(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    try {
      Instant i = Instant.parse(text);
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not an instant: " + text);
    }
  }
}
