package dev.bulwark.cyber.sensor;

import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import dev.bulwark.cyber.observe.Times;
import java.util.Arrays;
import java.util.OptionalLong;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values of one sensor line by {@link FieldShape} slot, reused line after line. Text and whole
 * numbers (the common values) are held as they are; everything else as the small Jackson tree a
 * tree parse would have made, so the typed reads below answer exactly as the typed reads of a
 * Jackson tree did — except that a value Jackson cannot convert (a huge number where an int is
 * wanted, a dictionary where a timestamp is) is a rejection here, not an exception. Not
 * thread-safe.
 */
final class FieldValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final byte ABSENT = 0;
  private static final byte TEXT = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte NULL = 4;
  private static final byte NODE = 5;
  private static final byte OBJECT = 6;
  private static final byte PRESENT = 7;

  private final byte[] kinds;
  private final String[] texts;
  private final long[] longs;
  private final double[] doubles;
  private final JsonNode[] nodes;

  FieldValues(int slots) {
    kinds = new byte[slots];
    texts = new String[slots];
    longs = new long[slots];
    doubles = new double[slots];
    nodes = new JsonNode[slots];
  }

  /** Forgets every value (before the next line). */
  void clear() {
    Arrays.fill(kinds, ABSENT);
  }

  void clear(int[] slots) {
    for (int s : slots) {
      kinds[s] = ABSENT;
    }
  }

  void text(int slot, String v) {
    kinds[slot] = TEXT;
    texts[slot] = v;
  }

  void number(int slot, long v) {
    kinds[slot] = LONG;
    longs[slot] = v;
  }

  void number(int slot, double v) {
    kinds[slot] = DOUBLE;
    doubles[slot] = v;
  }

  void node(int slot, JsonNode v) {
    kinds[slot] = v.isNull() ? NULL : NODE;
    nodes[slot] = v;
  }

  void present(int slot) {
    kinds[slot] = PRESENT;
  }

  void object(int slot) {
    kinds[slot] = OBJECT;
  }

  /** A scalar token as a value; anything else as a tree. */
  void scalar(JsonParser p, JsonToken t, int slot, JsonMapper json) {
    switch (t) {
      case VALUE_STRING -> text(slot, p.getString());
      case VALUE_NULL -> kinds[slot] = NULL;
      case VALUE_NUMBER_INT -> {
        JsonParser.NumberType n = p.getNumberType();
        if (n == JsonParser.NumberType.INT || n == JsonParser.NumberType.LONG) {
          number(slot, p.getLongValue());
        } else {
          node(slot, json.readTree(p));
        }
      }
      case VALUE_NUMBER_FLOAT -> number(slot, p.getDoubleValue());
      default -> node(slot, json.readTree(p));
    }
  }

  /** Any token as a tree (null stays null). */
  void tree(JsonParser p, JsonToken t, int slot, JsonMapper json) {
    if (t == JsonToken.VALUE_NULL) {
      kinds[slot] = NULL;
    } else {
      node(slot, json.readTree(p));
    }
  }

  /** Whether the field is there (an explicit null counts, as {@code JsonNode.has}). */
  boolean has(int slot) {
    return kinds[slot] != ABSENT;
  }

  /** Whether the field is an object whose fields were read. */
  boolean isObject(int slot) {
    return kinds[slot] == OBJECT;
  }

  /** The value as the tree node a tree parse would hold; null when absent. */
  JsonNode node(int slot) {
    return switch (kinds[slot]) {
      case TEXT -> NODES.stringNode(texts[slot]);
      case LONG -> {
        long v = longs[slot];
        yield v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
      }
      case DOUBLE -> NODES.numberNode(doubles[slot]);
      case NULL -> NullNode.getInstance();
      case NODE -> nodes[slot];
      case OBJECT, PRESENT -> NODES.objectNode(); // only asked as "is it a list / a value"
      default -> null;
    };
  }

  /** Non-empty text, null when absent, null, empty or {@code -}. */
  String text(int slot) {
    String s =
        switch (kinds[slot]) {
          case TEXT -> texts[slot];
          case LONG -> Long.toString(longs[slot]);
          case DOUBLE, NODE -> {
            JsonNode v = node(slot);
            yield v.isValueNode() ? v.asString() : null;
          }
          default -> null;
        };
    return s == null || s.isEmpty() || "-".equals(s) ? null : s;
  }

  /** Whether the value is a whole number (as {@code JsonNode.isIntegralNumber}). */
  boolean isIntegral(int slot) {
    return kinds[slot] == LONG || kinds[slot] == NODE && nodes[slot].isIntegralNumber();
  }

  /** Whether the value is a number. */
  boolean isNumber(int slot) {
    byte k = kinds[slot];
    return k == LONG || k == DOUBLE || k == NODE && nodes[slot].isNumber();
  }

  /** A whole number as an int; empty when it does not fit (Jackson would throw). */
  OptionalLong intValue(int slot) {
    if (kinds[slot] == LONG) {
      long v = longs[slot];
      return v == (int) v ? OptionalLong.of(v) : OptionalLong.empty();
    }
    return OptionalLong.empty(); // a big integer: never fits
  }

  /** A whole number as a long; empty when it does not fit. */
  OptionalLong longValue(int slot) {
    return kinds[slot] == LONG ? OptionalLong.of(longs[slot]) : OptionalLong.empty();
  }

  /** A number as a double (callers check {@link #isNumber} first). */
  double doubleValue(int slot) {
    return switch (kinds[slot]) {
      case LONG -> longs[slot];
      case DOUBLE -> doubles[slot];
      default -> nodes[slot].asDouble();
    };
  }

  /** A non-negative whole number copied to an SCO, when present. */
  void count(int slot, String name, ObjectNode sco, String property) throws Rejected {
    byte k = kinds[slot];
    if (k == ABSENT || k == NULL) {
      return;
    }
    OptionalLong v = isIntegral(slot) ? longValue(slot) : OptionalLong.empty();
    if (v.isEmpty() || v.getAsLong() < 0) {
      throw new Rejected(RejectCause.BAD_NUMBER, name + ": not a non-negative whole number");
    }
    sco.put(property, v.getAsLong());
  }

  /** A port (0..65535) copied to an SCO, when present. */
  void port(int slot, String name, ObjectNode sco, String property) throws Rejected {
    byte k = kinds[slot];
    if (k == ABSENT || k == NULL) {
      return;
    }
    if (k != LONG || longs[slot] < 0 || longs[slot] > 65_535) {
      throw new Rejected(RejectCause.BAD_NUMBER, name + ": not a port");
    }
    sco.put(property, (int) longs[slot]);
  }

  /** RFC 3339 text or epoch seconds; empty when absent. */
  OptionalLong time(int slot, String name) throws Rejected {
    byte k = kinds[slot];
    if (k == ABSENT || k == NULL) {
      return OptionalLong.empty();
    }
    OptionalLong t;
    if (isNumber(slot)) {
      t = Times.epochSeconds(doubleValue(slot));
    } else if (k == TEXT) {
      t = Times.rfc3339(texts[slot]);
    } else {
      JsonNode v = node(slot);
      t = v.isValueNode() ? Times.rfc3339(v.asString()) : OptionalLong.empty();
    }
    if (t.isEmpty()) {
      throw new Rejected(RejectCause.BAD_TIMESTAMP, name + ": not a timestamp");
    }
    return t;
  }

  /** A timestamp field that must be there. */
  long requiredTime(int slot, String name) throws Rejected {
    OptionalLong t = time(slot, name);
    if (t.isEmpty()) {
      throw new Rejected(RejectCause.BAD_TIMESTAMP, name + ": missing");
    }
    return t.getAsLong();
  }
}
