package dev.bulwark.cyber.sensor;

/**
 * One column of a Zeek TSV log as {@link ZeekTsvHeader} reads it: its name, its {@code #types} type
 * reduced to how it is read, and the slot of the shape it fills (-1 when only checked). Immutable.
 *
 * @param name the field name ({@code id.orig_h})
 * @param type the Zeek type as written ({@code set[addr]})
 * @param code how the value is read: {@link #TEXT}, {@link #WHOLE}, {@link #DECIMAL}, {@link #BOOL}
 *     or {@link #LIST}
 * @param inner for a list, how each element is read
 * @param innerName the type named in a rejection (the element type for a list)
 * @param slot the slot it fills, or -1
 */
record Column(String name, String type, int code, int inner, String innerName, int slot) {
  static final int TEXT = 0;
  static final int WHOLE = 1;
  static final int DECIMAL = 2;
  static final int BOOL = 3;
  static final int LIST = 4;

  /** The columns of a {@code #fields} / {@code #types} header for a shape. */
  static Column[] of(String[] fields, String[] types, FieldShape shape) {
    Column[] out = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String type = types != null && i < types.length ? types[i] : "string";
      int slot = shape.slotOrNone(fields[i]);
      if (type.startsWith("set[") || type.startsWith("vector[")) {
        String inner = innerType(type);
        out[i] = new Column(fields[i], type, LIST, code(inner), inner, slot);
      } else {
        out[i] = new Column(fields[i], type, code(type), TEXT, type, slot);
      }
    }
    return out;
  }

  /** The element type of {@code set[T]} / {@code vector[T]} ({@code ""} when malformed). */
  static String innerType(String type) {
    int from = type.indexOf('[') + 1;
    int to = type.length() - 1;
    return to >= from ? type.substring(from, to) : "";
  }

  private static int code(String type) {
    return switch (type) {
      case "time", "interval", "double" -> DECIMAL;
      case "count", "int", "port" -> WHOLE;
      case "bool" -> BOOL;
      default -> type.startsWith("set[") || type.startsWith("vector[") ? LIST : TEXT;
    };
  }
}
