package dev.bulwark.cyber.sensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a JSON object a mapper reads, each given a slot in {@link FieldValues}, and the
 * streaming read of one object into those slots: a field a mapper names is read (a scalar as its
 * value; a nested object it names is descended; a list or dictionary it takes whole as a small
 * tree); every other field is skipped with {@link JsonParser#skipChildren} without building
 * anything. A field given twice keeps its last value, as a Jackson tree does. Built once per mapper
 * class; immutable after its static set-up and thread-safe.
 */
final class FieldShape {
  private enum Kind {
    VALUE,
    TREE,
    PRESENCE,
    OBJECT
  }

  private record Entry(Kind kind, int slot, FieldShape object) {}

  private final Map<String, Entry> fields = new HashMap<>();
  private final FieldShape root;
  private final List<Integer> inside = new ArrayList<>();
  private int[] insideSlots = new int[0];
  private int slots;

  /** A new top-level shape. */
  FieldShape() {
    this.root = this;
  }

  private FieldShape(FieldShape root) {
    this.root = root;
  }

  /** A scalar field (text, number, boolean); a list or dictionary there is kept as a tree. */
  int value(String name) {
    return add(name, Kind.VALUE, null);
  }

  /** A field whose value is taken whole as a tree (lists, dictionaries). */
  int tree(String name) {
    return add(name, Kind.TREE, null);
  }

  /** A field of which only the presence matters. */
  int presence(String name) {
    return add(name, Kind.PRESENCE, null);
  }

  /** A nested object whose own fields are read; its slot tells whether it is an object. */
  FieldShape object(String name) {
    FieldShape o = new FieldShape(root);
    add(name, Kind.OBJECT, o);
    return o;
  }

  /** The slot of a nested object's own presence (as given to {@link #object}). */
  int slotOf(String name) {
    return fields.get(name).slot();
  }

  /** The slot of a top-level field, or -1 when the shape does not read it. */
  int slotOrNone(String name) {
    Entry e = fields.get(name);
    return e == null || e.kind() == Kind.OBJECT ? -1 : e.slot();
  }

  /** How many slots the whole shape has. */
  int size() {
    return root.slots;
  }

  private int add(String name, Kind kind, FieldShape object) {
    int slot = root.slots++;
    fields.put(name, new Entry(kind, slot, object));
    return slot;
  }

  private void collect() {
    for (Entry e : fields.values()) {
      inside.add(e.slot());
      if (e.object() != null) {
        e.object().collect();
        inside.addAll(e.object().inside);
      }
    }
    insideSlots = inside.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Ends the set-up (call once, after every field is declared). */
  FieldShape done() {
    collect();
    return this;
  }

  /**
   * Reads the object the parser stands on (its {@code START_OBJECT}) to its end.
   *
   * @param json the mapper for the small trees (must not fail on trailing tokens)
   */
  void read(JsonParser p, FieldValues into, JsonMapper json) {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      Entry e = fields.get(p.currentName());
      t = p.nextToken();
      if (e == null) {
        p.skipChildren();
        continue;
      }
      int slot = e.slot();
      switch (e.kind()) {
        case VALUE -> into.scalar(p, t, slot, json);
        case TREE -> into.tree(p, t, slot, json);
        case PRESENCE -> {
          into.present(slot);
          p.skipChildren();
        }
        case OBJECT -> {
          into.clear(e.object().insideSlots);
          if (t == JsonToken.START_OBJECT) {
            into.object(slot);
            e.object().read(p, into, json);
          } else {
            into.tree(p, t, slot, json);
          }
        }
      }
    }
  }
}
