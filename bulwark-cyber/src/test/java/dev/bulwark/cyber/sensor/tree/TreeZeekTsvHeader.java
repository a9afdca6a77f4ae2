package dev.bulwark.cyber.sensor.tree;

import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The header of a Zeek TSV log ({@code #separator}, {@code #set_separator}, {@code #empty_field},
 * {@code #unset_field}, {@code #path}, {@code #fields}, {@code #types}) and the conversion of a row
 * into the flat JSON record Zeek's JSON writer would have printed, typed by {@code #types}: times
 * and intervals as numbers, counts and ports as integers, {@code T}/{@code F} as booleans, sets and
 * vectors as arrays; unset fields are left out. Not thread-safe: one per stream (a log may restart
 * its header mid-stream, as a rotated file appended to another does).
 */
public final class TreeZeekTsvHeader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private String separator = "\t";
  private String setSeparator = ",";
  private String emptyField = "(empty)";
  private String unsetField = "-";
  private String path;
  private String[] fields;
  private String[] types;

  /** Reads one {@code #} line; returns false when it is a comment this header ignores. */
  public boolean header(String line) {
    if (line.startsWith("#separator")) {
      String v = line.substring("#separator".length()).trim();
      separator = unescape(v);
      return true;
    }
    String[] kv = split(line, separator, 2);
    if (kv.length < 2) {
      return false;
    }
    String value = kv[1];
    switch (kv[0]) {
      case "#set_separator" -> setSeparator = value;
      case "#empty_field" -> emptyField = value;
      case "#unset_field" -> unsetField = value;
      case "#path" -> path = value;
      case "#fields" -> fields = split(value, separator, -1);
      case "#types" -> types = split(value, separator, -1);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The log's name from {@code #path}, or null before it. */
  public String path() {
    return path;
  }

  /** A data row as a flat Zeek JSON record. */
  public ObjectNode row(String line) throws Rejected {
    if (fields == null) {
      throw new Rejected(RejectCause.BAD_TSV_ROW, "row before the #fields header");
    }
    String[] values = split(line, separator, -1);
    if (values.length != fields.length) {
      throw new Rejected(
          RejectCause.BAD_TSV_ROW,
          values.length + " columns, the #fields header names " + fields.length);
    }
    ObjectNode r = NODES.objectNode();
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      if (v.equals(unsetField)) {
        continue;
      }
      String type = types != null && i < types.length ? types[i] : "string";
      r.set(fields[i], typed(fields[i], type, v));
    }
    return r;
  }

  private JsonNode typed(String field, String type, String v) throws Rejected {
    if (type.startsWith("set[") || type.startsWith("vector[")) {
      ArrayNode a = NODES.arrayNode();
      if (!v.equals(emptyField)) {
        String inner = type.substring(type.indexOf('[') + 1, type.length() - 1);
        for (String part : split(v, setSeparator, -1)) {
          a.add(typed(field, inner, part));
        }
      }
      return a;
    }
    try {
      return switch (type) {
        case "time", "interval", "double" -> NODES.numberNode(Double.parseDouble(v));
        case "count", "int", "port" -> NODES.numberNode(Long.parseLong(v));
        case "bool" -> NODES.booleanNode("T".equals(v));
        default -> NODES.stringNode(v.equals(emptyField) ? "" : v);
      };
    } catch (NumberFormatException e) {
      throw new Rejected(RejectCause.BAD_NUMBER, field + ": not a " + type);
    }
  }

  /** Splits on a literal separator without regular expressions. */
  static String[] split(String s, String sep, int limit) {
    if (sep.isEmpty()) {
      return new String[] {s}; // the original looped for ever here (fixed in both readers)
    }
    List<String> out = new ArrayList<>();
    int from = 0;
    while (limit < 0 || out.size() < limit - 1) {
      int at = s.indexOf(sep, from);
      if (at < 0) {
        break;
      }
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out.toArray(String[]::new);
  }

  /** {@code \x09} and friends as written in {@code #separator}. */
  static String unescape(String v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 3 < v.length() && v.charAt(i + 1) == 'x') {
        try {
          sb.append((char) Integer.parseInt(v.substring(i + 2, i + 4), 16));
          i += 3;
          continue;
        } catch (NumberFormatException e) {
          // not an escape: keep the characters
        }
      }
      sb.append(c);
    }
    return sb.length() == 0 ? "\t" : sb.toString();
  }
}
