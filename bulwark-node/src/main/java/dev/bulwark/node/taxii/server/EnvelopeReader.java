package dev.bulwark.node.taxii.server;

import dev.bulwark.node.store.ProvenanceClaim;
import java.io.InputStream;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a TAXII envelope from a stream, one object at a time, and stops at the first limit passed:
 * more objects than allowed, an object larger than allowed, a number whose exponent would make
 * arithmetic on it unbounded. Only the objects themselves are kept (the envelope's other members
 * are skipped); the whole body is never held as bytes or as one tree. Thread-safe (the mapper is
 * shared, each call has its own parser).
 */
final class EnvelopeReader {
  /**
   * The largest scale (either sign) a number may have: {@code 1e99999999} is ten characters, and
   * turning it into digits (for a database, a report, an integer) would take minutes.
   */
  static final int MAX_NUMBER_SCALE = 1000;

  private final JsonMapper json;
  private final int maxObjects;
  private final long maxObjectBytes;

  /**
   * @param json the mapper that builds the objects' trees (numbers as written)
   */
  EnvelopeReader(JsonMapper json, int maxObjects, long maxObjectBytes) {
    this.json = json;
    this.maxObjects = maxObjects;
    this.maxObjectBytes = maxObjectBytes;
  }

  /**
   * The envelope's objects, in order (elements that are not JSON objects included: the writer
   * refuses them one by one).
   *
   * @throws TaxiiException 400 for a body that is not an envelope, 413 for a limit passed
   * @throws JacksonException for a body that is not JSON (or passes the parser's own limits)
   */
  ArrayNode read(InputStream body) {
    return (ArrayNode) readEnvelope(body).get("objects");
  }

  /**
   * The envelope as the writer needs it: {@code objects} as {@link #read} gives them and, when the
   * body carries it, the provenance claims of a relaying peer ({@value ProvenanceClaim#PROPERTY},
   * one entry per object, so bounded by the same limits); every other member is skipped unread.
   */
  ObjectNode readEnvelope(InputStream body) {
    ObjectNode envelope = json.createObjectNode();
    ArrayNode objects = envelope.putArray("objects");
    try (JsonParser p = json.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAnEnvelope();
      }
      boolean seen = false;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        t = p.nextToken();
        if (ProvenanceClaim.PROPERTY.equals(name)) {
          if (envelope.has(name)) {
            throw TaxiiException.badRequest("The envelope has \"" + name + "\" twice.");
          }
          envelope.set(name, p.readValueAsTree());
          continue;
        }
        if (!"objects".equals(name)) {
          p.skipChildren();
          continue;
        }
        if (seen) {
          throw TaxiiException.badRequest("The envelope has \"objects\" twice.");
        }
        seen = true;
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        if (t != JsonToken.START_ARRAY) {
          throw TaxiiException.badRequest("The envelope's \"objects\" must be a JSON array.");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (objects.size() == maxObjects) {
            throw new TaxiiException(
                413,
                "Content too large",
                "The envelope holds more than "
                    + maxObjects
                    + " objects, the most this API root takes in"
                    + " one request (bulwark.taxii.max-objects-per-envelope); send them in envelopes of at most "
                    + maxObjects
                    + ". Nothing was stored.");
          }
          long start = p.currentTokenLocation().getByteOffset();
          JsonNode o = p.readValueAsTree();
          long size = p.currentLocation().getByteOffset() - start;
          if (size > maxObjectBytes) {
            throw new TaxiiException(
                413,
                "Content too large",
                "objects["
                    + objects.size()
                    + "] is "
                    + size
                    + " bytes, more than the "
                    + maxObjectBytes
                    + " bytes this API root takes for one object (bulwark.taxii.max-object-bytes)."
                    + " Nothing was stored.");
          }
          checkNumbers(o, "objects[" + objects.size() + "]");
          objects.add(o);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw notAnEnvelope();
      }
    }
    return envelope;
  }

  private static TaxiiException notAnEnvelope() {
    return TaxiiException.badRequest(
        "The body must be a TAXII envelope: a JSON object with \"objects\".");
  }

  /**
   * Refuses a number whose scale passes {@link #MAX_NUMBER_SCALE}; checked on the scale alone, so
   * in constant time, before anything turns the number into digits.
   */
  private static void checkNumbers(JsonNode object, String path) {
    String where = unbounded(object);
    if (where != null) {
      throw TaxiiException.badRequest(
          path
              + where
              + " has an exponent beyond "
              + MAX_NUMBER_SCALE
              + " either way, more than any STIX property needs and more than this node computes with."
              + " Nothing was stored.");
    }
  }

  /** Where below {@code node} the first unbounded number is (and the number), or null. */
  private static String unbounded(JsonNode node) {
    if (node.isBigDecimal()) {
      int scale = node.decimalValue().scale();
      // BigDecimal.toString stays short for such a scale (scientific notation)
      return scale > MAX_NUMBER_SCALE || scale < -MAX_NUMBER_SCALE
          ? ": the number " + node.decimalValue()
          : null;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String below = unbounded(e.getValue());
        if (below != null) {
          return "." + e.getKey() + below;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String below = unbounded(node.get(i));
        if (below != null) {
          return "[" + i + "]" + below;
        }
      }
    }
    return null;
  }
}
