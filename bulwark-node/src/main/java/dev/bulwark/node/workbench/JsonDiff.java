package dev.bulwark.node.workbench;

import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The differences between two versions of an object, property by property: JSON pointers with what
 * was added, removed or changed (objects are compared member by member, arrays and values whole).
 * Stateless.
 */
final class JsonDiff {
  private static final int MAX_DEPTH = 16;

  private JsonDiff() {}

  static ArrayNode changes(JsonNode before, JsonNode after) {
    ArrayNode out = WorkbenchJson.JSON.createArrayNode();
    compare("", before, after, out, 0);
    return out;
  }

  private static void compare(String path, JsonNode a, JsonNode b, ArrayNode out, int depth) {
    if (a.isObject() && b.isObject() && depth < MAX_DEPTH) {
      TreeSet<String> names = new TreeSet<>(a.propertyNames());
      names.addAll(b.propertyNames());
      for (String n : names) {
        String p = path + "/" + n.replace("~", "~0").replace("/", "~1");
        JsonNode x = a.get(n);
        JsonNode y = b.get(n);
        if (x == null) {
          add(out, p, "added", null, y);
        } else if (y == null) {
          add(out, p, "removed", x, null);
        } else {
          compare(p, x, y, out, depth + 1);
        }
      }
      return;
    }
    if (!a.equals(b)) {
      add(out, path.isEmpty() ? "/" : path, "changed", a, b);
    }
  }

  private static void add(ArrayNode out, String path, String op, JsonNode a, JsonNode b) {
    ObjectNode c = out.addObject();
    c.put("path", path);
    c.put("op", op);
    if (a != null) {
      c.set("before", a);
    }
    if (b != null) {
      c.set("after", b);
    }
  }
}
