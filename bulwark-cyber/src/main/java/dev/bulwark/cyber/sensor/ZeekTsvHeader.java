package dev.bulwark.cyber.sensor;

import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The header of a Zeek TSV log ({@code #separator}, {@code #set_separator}, {@code #empty_field},
 * {@code #unset_field}, {@code #path}, {@code #fields}, {@code #types}) and the reading of a row
 * into the values of the flat record Zeek's JSON writer would have printed (see {@link #row}). Not
 * thread-safe: one per stream (a log may restart its header mid-stream, as a rotated file appended
 * to another does).
 */
final class ZeekTsvHeader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private String separator = "\t";
  private String setSeparator = ",";
  private String emptyField = "(empty)";
  private String unsetField = "-";
  private String path;
  private String[] fields;
  private String[] types;
  private Column[] columns;
  private FieldShape columnsShape;

  /** Reads one {@code #} line; returns false when it is a comment this header ignores. */
  boolean header(String line) {
    if (line.startsWith("#separator")) {
      String v = line.substring("#separator".length()).trim();
      separator = unescape(v);
      columns = null;
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
      case "#fields" -> {
        fields = split(value, separator, -1);
        columns = null;
      }
      case "#types" -> {
        types = split(value, separator, -1);
        columns = null;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The log's name from {@code #path}, or null before it. */
  String path() {
    return path;
  }

  /**
   * Reads a data row into the slots of a shape, typed by {@code #types} as Zeek's JSON writer would
   * have printed it: times and intervals as numbers, counts and ports as whole numbers, {@code
   * T}/{@code F} as booleans, sets and vectors as lists; unset fields are left out. Every column is
   * checked against its type (a bad number anywhere rejects the row), but only the columns the
   * shape reads become values: the others are checked in place, without a String.
   */
  void row(char[] line, int len, FieldShape shape, FieldValues into) throws Rejected {
    if (fields == null) {
      throw new Rejected(RejectCause.BAD_TSV_ROW, "row before the #fields header");
    }
    if (columns == null || columnsShape != shape) {
      columns = Column.of(fields, types, shape);
      columnsShape = shape;
    }
    int n = 1;
    for (int at = find(line, 0, len, separator);
        at >= 0;
        at = find(line, at + sepLen(), len, separator)) {
      n++;
    }
    if (n != fields.length) {
      throw new Rejected(
          RejectCause.BAD_TSV_ROW, n + " columns, the #fields header names " + fields.length);
    }
    int from = 0;
    for (int i = 0; i < n; i++) {
      int at = find(line, from, len, separator);
      int to = at < 0 ? len : at;
      if (!equal(line, from, to, unsetField)) {
        column(columns[i], line, from, to, into);
      }
      from = to + sepLen();
    }
  }

  private int sepLen() {
    return separator.length();
  }

  private void column(Column c, char[] line, int from, int to, FieldValues into) throws Rejected {
    switch (c.code()) {
      case Column.LIST -> {
        if (c.slot() >= 0 || c.inner() == Column.LIST) {
          JsonNode list = typed(c.name(), c.type(), new String(line, from, to - from));
          if (c.slot() >= 0) {
            into.node(c.slot(), list);
          }
        } else if (!equal(line, from, to, emptyField) && c.inner() != Column.TEXT) {
          int start = from;
          while (true) {
            int at = find(line, start, to, setSeparator);
            int end = at < 0 ? to : at;
            check(c, c.inner(), line, start, end);
            if (at < 0) {
              break;
            }
            start = at + setSeparator.length();
          }
        }
      }
      case Column.TEXT -> {
        if (c.slot() >= 0) {
          into.text(
              c.slot(), equal(line, from, to, emptyField) ? "" : new String(line, from, to - from));
        }
      }
      case Column.BOOL -> {
        if (c.slot() >= 0) {
          into.node(c.slot(), NODES.booleanNode(to - from == 1 && line[from] == 'T'));
        }
      }
      default -> {
        if (c.slot() < 0) {
          check(c, c.code(), line, from, to);
        } else if (c.code() == Column.WHOLE) {
          into.number(c.slot(), whole(c, line, from, to));
        } else {
          into.number(c.slot(), decimal(c, line, from, to));
        }
      }
    }
  }

  /** Checks a number column the shape does not read. */
  private static void check(Column c, int code, char[] line, int from, int to) throws Rejected {
    if (code == Column.WHOLE) {
      whole(c, line, from, to);
    } else if (code == Column.DECIMAL && !Numbers.isPlainDecimal(line, from, to)) {
      decimal(c, line, from, to);
    }
  }

  private static long whole(Column c, char[] line, int from, int to) throws Rejected {
    if (!Numbers.isLong(line, from, to)) {
      throw new Rejected(RejectCause.BAD_NUMBER, c.name() + ": not a " + c.innerName());
    }
    return Numbers.longValue(line, from, to);
  }

  private static double decimal(Column c, char[] line, int from, int to) throws Rejected {
    double d = Numbers.plainDecimal(line, from, to);
    if (!Double.isNaN(d)) {
      return d;
    }
    try {
      return Double.parseDouble(new String(line, from, to - from));
    } catch (NumberFormatException e) {
      throw new Rejected(RejectCause.BAD_NUMBER, c.name() + ": not a " + c.innerName());
    }
  }

  private static boolean equal(char[] line, int from, int to, String s) {
    if (to - from != s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (line[from + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Where a separator next starts in {@code line[from, to)}, or -1. */
  private static int find(char[] line, int from, int to, String sep) {
    if (sep.isEmpty()) {
      return -1;
    }
    char first = sep.charAt(0);
    int last = to - sep.length();
    for (int i = from; i <= last; i++) {
      if (line[i] == first && equal(line, i, i + sep.length(), sep)) {
        return i;
      }
    }
    return -1;
  }

  private JsonNode typed(String field, String type, String v) throws Rejected {
    if (type.startsWith("set[") || type.startsWith("vector[")) {
      ArrayNode a = NODES.arrayNode();
      if (!v.equals(emptyField)) {
        String inner = Column.innerType(type);
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

  /**
   * Splits on a literal separator without regular expressions; an empty separator does not split
   * (the tree reader looped for ever on one).
   */
  static String[] split(String s, String sep, int limit) {
    if (sep.isEmpty()) {
      return new String[] {s};
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
