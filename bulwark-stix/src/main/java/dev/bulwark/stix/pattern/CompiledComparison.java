package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ComparisonExpression.Comparison;
import dev.bulwark.stix.pattern.ComparisonExpression.Exists;
import dev.bulwark.stix.pattern.ObjectPath.AnyIndex;
import dev.bulwark.stix.pattern.ObjectPath.Index;
import dev.bulwark.stix.pattern.ObjectPath.Key;
import dev.bulwark.stix.pattern.ObjectPath.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The comparison expression of one {@code [ … ]}, compiled: does an observation have an object (a
 * "root" of one of the expression's object types) for which the expression holds? Like the
 * reference matcher, every comparison is evaluated on every object of its type (so that an error in
 * any branch surfaces), and a comparison holds on an object when one of the values its path selects
 * passes (values tried in order, stopping at the first that passes). Immutable and thread-safe.
 */
final class CompiledComparison {

  /** A comparison tree over one root object. */
  private interface Node {
    /** rootType: the index of the root's type among the expression's types. */
    boolean test(JsonNode root, int rootType, Observation obs);
  }

  private final Node node;
  private final Set<String> types;

  /**
   * Every object type the expression names, in order (a node knows its type by index here), with
   * their hashes; those that cannot be roots (non-observable types) get a hash that never matches
   * by being left out of {@link #rootTypes}. Comparing an object's cached type hash first means
   * objects of other types are skipped without reading their type strings.
   */
  private final String[] allTypes;

  private final int[] rootTypes;
  private final int[] rootHashes;

  CompiledComparison(ComparisonExpression expr) {
    this(expr, Map.of());
  }

  /**
   * @param expr the comparison expression
   * @param regexes MATCHES operands already compiled by the parser of this pattern (by identity)
   */
  CompiledComparison(ComparisonExpression expr, Map<Literal.Str, Pattern> regexes) {
    Set<String> all = new LinkedHashSet<>();
    collectTypes(expr, all);
    this.allTypes = all.toArray(new String[0]);
    this.node = compile(expr, Arrays.asList(allTypes), regexes);
    Set<String> t = new LinkedHashSet<>(all);
    t.removeAll(Observations.NON_OBSERVABLE_TYPES);
    this.types = Set.copyOf(t);
    this.rootTypes = new int[t.size()];
    this.rootHashes = new int[t.size()];
    int k = 0;
    for (int i = 0; i < allTypes.length; i++) {
      if (t.contains(allTypes[i])) {
        rootTypes[k] = i;
        rootHashes[k++] = allTypes[i].hashCode();
      }
    }
  }

  private static void collectTypes(ComparisonExpression e, Set<String> out) {
    if (e instanceof ComparisonExpression.And and) {
      for (ComparisonExpression x : and.operands()) {
        collectTypes(x, out);
      }
    } else if (e instanceof ComparisonExpression.Or or) {
      for (ComparisonExpression x : or.operands()) {
        collectTypes(x, out);
      }
    } else if (e instanceof Exists ex) {
      out.add(ex.path().objectType());
    } else {
      out.add(((Comparison) e).path().objectType());
    }
  }

  /**
   * Whether one of the observation's objects satisfies the expression.
   *
   * @param obs the observation
   * @return true when some root object satisfies it
   * @throws PatternEvaluationException on a type error the reference also rejects
   */
  boolean matches(Observation obs) {
    boolean any = false;
    JsonNode[] objects = obs.objectArray();
    String[] typeOf = obs.typeArray();
    int[] hashOf = obs.typeHashArray();
    for (int i = 0; i < objects.length; i++) {
      int k = rootType(typeOf[i], hashOf[i]);
      if (k >= 0) {
        any |= node.test(objects[i], k, obs);
      }
    }
    return any;
  }

  /** The index in {@link #allTypes} of a root type, or -1 when the object is no root here. */
  private int rootType(String t, int hash) {
    for (int k = 0; k < rootHashes.length; k++) {
      if (rootHashes[k] == hash && t != null && allTypes[rootTypes[k]].equals(t)) {
        return rootTypes[k];
      }
    }
    return -1;
  }

  Set<String> types() {
    return types;
  }

  private static Node compile(
      ComparisonExpression e, List<String> types, Map<Literal.Str, Pattern> regexes) {
    if (e instanceof ComparisonExpression.And and) {
      List<Node> parts = new ArrayList<>();
      and.operands().forEach(x -> parts.add(compile(x, types, regexes)));
      return (root, rootType, obs) -> {
        boolean all = true;
        for (Node p : parts) {
          all &= p.test(root, rootType, obs); // no short cut: errors surface as in the reference
        }
        return all;
      };
    }
    if (e instanceof ComparisonExpression.Or or) {
      List<Node> parts = new ArrayList<>();
      or.operands().forEach(x -> parts.add(compile(x, types, regexes)));
      return (root, rootType, obs) -> {
        boolean any = false;
        for (Node p : parts) {
          any |= p.test(root, rootType, obs);
        }
        return any;
      };
    }
    if (e instanceof Exists ex) {
      int type = types.indexOf(ex.path().objectType());
      List<Step> steps = ex.path().steps();
      return (root, rootType, obs) ->
          type == rootType && select(root, steps, obs).isEmpty() == ex.negated();
    }
    Comparison c = (Comparison) e;
    int type = types.indexOf(c.path().objectType());
    List<Step> steps = c.path().steps();
    ValueTests.ValueTest test = ValueTests.compile(c, regexes);
    String plain = plainKey(steps);
    if (plain != null) {
      return (root, rootType, obs) -> {
        if (type != rootType) {
          return false;
        }
        JsonNode v = root.get(plain); // one plain key: one value, no list to build
        return v != null && test.test(v);
      };
    }
    return (root, rootType, obs) -> {
      if (type != rootType) {
        return false;
      }
      for (Object v : select(root, steps, obs)) {
        if (test.test(v)) {
          return true;
        }
      }
      return false;
    };
  }

  /** The key of a one-step path whose key has no special suffix; null otherwise. */
  static String plainKey(List<Step> steps) {
    if (steps.size() == 1 && steps.get(0) instanceof Key k) {
      String n = k.name();
      if (!n.endsWith("_ref")
          && !n.endsWith("_refs")
          && !n.endsWith("_hex")
          && !n.endsWith("_bin")) {
        return n;
      }
    }
    return null;
  }

  /**
   * The values a path selects from one root object: keys into objects, indexes into lists, every
   * element for {@code [*]}; a {@code _ref} key resolves to the referenced object, a {@code _refs}
   * key to the list of referenced objects; a {@code _hex} or {@code _bin} key to bytes.
   */
  static List<Object> select(JsonNode root, List<Step> steps, Observation obs) {
    List<Object> cur = List.of(root);
    for (Step step : steps) {
      List<Object> next = new ArrayList<>(cur.size());
      if (step instanceof Key k) {
        for (Object o : cur) {
          if (o instanceof JsonNode n && n.isObject() && n.has(k.name())) {
            next.add(suffix(k.name(), n.get(k.name())));
          }
        }
        next = dereference(k.name(), next, obs);
      } else if (step instanceof Index i) {
        for (Object o : cur) {
          if (o instanceof JsonNode n && n.isArray() && i.index() >= 0 && i.index() < n.size()) {
            next.add(n.get(i.index()));
          } else if (o instanceof RefList l && i.index() >= 0 && i.index() < l.items().size()) {
            next.add(l.items().get(i.index()));
          }
        }
      } else if (step instanceof AnyIndex) {
        for (Object o : cur) {
          if (o instanceof JsonNode n && n.isArray()) {
            n.forEach(next::add);
          } else if (o instanceof RefList l) {
            next.addAll(l.items());
          }
        }
      }
      if (next.isEmpty()) {
        return next;
      }
      cur = next;
    }
    return cur;
  }

  /** The objects a {@code _refs} list resolved to: a list only index steps can enter. */
  private record RefList(List<JsonNode> items) {}

  private static Object suffix(String key, JsonNode v) {
    if (key.endsWith("_hex")) {
      if (!v.isString()) {
        throw new PatternEvaluationException(key + " is not a hex string");
      }
      try {
        return HexFormat.of().parseHex(v.stringValue());
      } catch (IllegalArgumentException e) {
        throw new PatternEvaluationException(key + " is not valid hex: " + v.stringValue());
      }
    }
    if (key.endsWith("_bin")) {
      if (!v.isString()) {
        throw new PatternEvaluationException(key + " is not a base64 string");
      }
      try {
        return Base64.getMimeDecoder().decode(v.stringValue());
      } catch (IllegalArgumentException e) {
        throw new PatternEvaluationException(key + " is not valid base64");
      }
    }
    return v;
  }

  private static List<Object> dereference(String key, List<Object> values, Observation obs) {
    boolean one = key.endsWith("_ref");
    if (!one && !key.endsWith("_refs")) {
      return values;
    }
    Map<String, JsonNode> objects = obs.objects();
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      if (one) {
        JsonNode target = resolve(v, key, objects, "The");
        if (target != null) {
          out.add(target);
        }
      } else {
        if (!(v instanceof JsonNode n) || !n.isArray()) {
          throw new PatternEvaluationException(
              "The value of reference list property '" + key + "' was not a list");
        }
        List<JsonNode> resolved = new ArrayList<>();
        for (JsonNode ref : n) {
          JsonNode target = resolve(ref, key, objects, "A");
          if (target != null) {
            resolved.add(target);
          }
        }
        if (!resolved.isEmpty()) {
          out.add(new RefList(resolved));
        }
      }
    }
    return out;
  }

  private static JsonNode resolve(
      Object ref, String key, Map<String, JsonNode> objects, String article) {
    if (!(ref instanceof JsonNode n) || !n.isString()) {
      throw new PatternEvaluationException(
          article + " value of reference property '" + key + "' was not a string");
    }
    return objects.get(n.stringValue());
  }
}
