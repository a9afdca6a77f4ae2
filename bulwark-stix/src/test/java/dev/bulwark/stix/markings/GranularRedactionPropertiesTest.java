package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.GranularRedaction.Outcome;
import dev.bulwark.stix.markings.GranularRedaction.Redacted;
import dev.bulwark.stix.markings.GranularRedaction.Unchanged;
import dev.bulwark.stix.markings.GranularRedaction.Withheld;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Laws of granular redaction over random objects (nested lists and dictionaries whose every leaf is
 * a unique string), random granular markings selecting random parts, and random decisions.
 */
class GranularRedactionPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> REFS =
      List.of(
          Tlp.GREEN.markingDefinitionId(),
          Tlp.AMBER.markingDefinitionId(),
          Tlp.AMBER_STRICT.markingDefinitionId(),
          Tlp.RED.markingDefinitionId(),
          "marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");

  /**
   * One random case: the object, its granular markings (ref to selectors) and the reader's
   * decisions.
   */
  record Case(
      StixObject object,
      Map<String, List<List<Object>>> marked,
      Predicate<String> mayRead,
      Set<String> allowed) {}

  static Case generate(long seed) {
    Random r = new Random(seed);
    ObjectNode o = NODES.objectNode();
    o.put("type", "x-redaction-test");
    o.put("spec_version", "2.1");
    o.put("id", "x-redaction-test--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
    o.put("created", "2026-01-01T00:00:00.000Z");
    o.put("modified", "2026-01-01T00:00:00.000Z");
    int[] leaf = {0};
    List<List<Object>> paths = new ArrayList<>();
    int props = 1 + r.nextInt(4);
    for (int i = 0; i < props; i++) {
      String name = "p" + i;
      o.set(name, value(r, 0, leaf, List.of(name), paths));
    }
    Map<String, List<List<Object>>> marked = new HashMap<>();
    ArrayNode granular = o.putArray("granular_markings");
    int markings = 1 + r.nextInt(4);
    for (int m = 0; m < markings; m++) {
      String ref = REFS.get(r.nextInt(REFS.size()));
      ArrayNode selectors = NODES.arrayNode();
      int n = 1 + r.nextInt(3);
      for (int s = 0; s < n; s++) {
        List<Object> p = paths.get(r.nextInt(paths.size()));
        selectors.add(GranularRedaction.format(p));
        marked.computeIfAbsent(ref, k -> new ArrayList<>()).add(p);
      }
      granular.addObject().put("marking_ref", ref).set("selectors", selectors);
    }
    Set<String> allowed = new HashSet<>();
    for (String ref : REFS) {
      if (r.nextBoolean()) {
        allowed.add(ref);
      }
    }
    return new Case(StixObject.of(o), marked, allowed::contains, allowed);
  }

  private static JsonNode value(
      Random r, int depth, int[] leaf, List<Object> path, List<List<Object>> paths) {
    paths.add(path);
    int kind = depth >= 3 ? 0 : r.nextInt(3);
    if (kind == 0) {
      return NODES.stringNode("<leaf-" + leaf[0]++ + ">");
    }
    int n = 1 + r.nextInt(3);
    if (kind == 1) {
      ArrayNode a = NODES.arrayNode();
      for (int i = 0; i < n; i++) {
        a.add(value(r, depth + 1, leaf, append(path, i), paths));
      }
      return a;
    }
    ObjectNode d = NODES.objectNode();
    for (int i = 0; i < n; i++) {
      d.set("k" + i, value(r, depth + 1, leaf, append(path, "k" + i), paths));
    }
    return d;
  }

  private static List<Object> append(List<Object> path, Object part) {
    List<Object> out = new ArrayList<>(path);
    out.add(part);
    return List.copyOf(out);
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode cur = root;
    for (Object p : path) {
      cur = p instanceof Integer i ? cur.get(i) : cur.get((String) p);
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  /** The unique leaf strings under a node. */
  private static Set<String> leaves(JsonNode node) {
    Set<String> out = new HashSet<>();
    if (node == null) {
      return out;
    }
    if (node.isString()) {
      if (node.stringValue().startsWith("<leaf-")) {
        out.add(node.stringValue());
      }
    } else {
      for (JsonNode child : node) {
        out.addAll(leaves(child));
      }
    }
    return out;
  }

  /** The leaves each ref's selectors select in an object, by its own granular markings. */
  private static Map<String, Set<String>> markedLeaves(JsonNode o) {
    Map<String, Set<String>> out = new HashMap<>();
    for (JsonNode g : o.path("granular_markings")) {
      for (JsonNode s : g.path("selectors")) {
        List<Object> p = GranularRedaction.parse(s.asString()).orElseThrow();
        out.computeIfAbsent(g.path("marking_ref").asString(), k -> new HashSet<>())
            .addAll(leaves(at(o, p)));
      }
    }
    return out;
  }

  @Property(tries = 500)
  void aRedactedObjectNeverHoldsAPartTheReaderMayNotRead(@ForAll long seed) {
    Case c = generate(seed);
    Outcome outcome = GranularRedaction.redact(c.object(), c.mayRead());
    Set<String> forbidden = new HashSet<>();
    c.marked()
        .forEach(
            (ref, paths) -> {
              if (!c.allowed().contains(ref)) {
                paths.forEach(p -> forbidden.addAll(leaves(at(c.object().json(), p))));
              }
            });
    String released =
        outcome instanceof Unchanged
            ? c.object().toJson()
            : outcome instanceof Redacted red ? red.object().toJson() : "";
    assertThat(outcome instanceof Withheld || !released.isEmpty()).isTrue();
    for (String secret : forbidden) {
      assertThat(released).doesNotContain(secret);
    }
    if (outcome instanceof Redacted red) {
      // and what is left keeps exactly the markings the reader may read on exactly what they marked
      Map<String, Set<String>> before = markedLeaves(c.object().json());
      Map<String, Set<String>> after = markedLeaves(red.object().json());
      Set<String> left = leaves(red.object().json());
      for (String ref : c.allowed()) {
        Set<String> expected = new HashSet<>(before.getOrDefault(ref, Set.of()));
        expected.retainAll(left);
        assertThat(after.getOrDefault(ref, Set.of())).as(ref).isEqualTo(expected);
      }
      assertThat(after.keySet()).isSubsetOf(c.allowed());
    }
  }

  @Property(tries = 300)
  void aReaderAllowedEverythingGetsTheObjectUnchanged(@ForAll long seed) {
    Case c = generate(seed);
    assertThat(GranularRedaction.redact(c.object(), ref -> true)).isInstanceOf(Unchanged.class);
  }

  @Property(tries = 500)
  void redactionIsIdempotent(@ForAll long seed) {
    Case c = generate(seed);
    Outcome once = GranularRedaction.redact(c.object(), c.mayRead());
    if (once instanceof Redacted red) {
      assertThat(GranularRedaction.redact(red.object(), c.mayRead())).isInstanceOf(Unchanged.class);
    }
  }

  @Property(tries = 300)
  void aReaderAllowedNothingGetsNoMarkedLeaf(@ForAll long seed) {
    Case c = generate(seed);
    Outcome outcome = GranularRedaction.redact(c.object(), ref -> false);
    assertThat(outcome).isNotInstanceOf(Unchanged.class);
    if (outcome instanceof Redacted red) {
      assertThat(red.object().json().has("granular_markings")).isFalse();
    }
  }
}
