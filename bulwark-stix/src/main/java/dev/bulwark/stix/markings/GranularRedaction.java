package dev.bulwark.stix.markings;

import dev.bulwark.stix.InternalAccess;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.RequiredProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Granular markings (STIX 2.1 section 7.2.3) applied for one reader: every part of an object that a
 * granular marking the reader may not read selects is removed; the object is withheld whole when
 * that would remove a property it cannot do without.
 *
 * <ul>
 *   <li>A selector ({@code description}, {@code kill_chain_phases.[0].phase_name}, {@code
 *       external_references.[1]}) selects a property or list element and everything inside it.
 *   <li>Which markings the reader may read is the caller's decision ({@code mayReadMarking}); the
 *       node asks its access policy whether the reader may read the object were that marking one of
 *       its object markings. A granular marking with a {@code lang} and no {@code marking_ref}
 *       restricts nothing; one with neither is treated as a marking nobody may read (fail closed).
 *   <li>A list element of an embedded type ({@code external_references}, {@code kill_chain_phases})
 *       that loses a property its type requires is removed whole; a list or dictionary that loses
 *       all its content is removed.
 *   <li>Withheld whole: when a required property of the object's type (per the STIX type table), or
 *       {@code id}, {@code type}, {@code spec_version}, {@code created}, {@code modified}, or any
 *       part of {@code object_marking_refs} or {@code granular_markings} would be removed (a copy
 *       without its markings would be read more widely downstream); a {@code marking-definition}
 *       with any part removed (a definition is exact or not at all); a restricted granular marking
 *       whose selectors cannot be read.
 *   <li>The granular markings the reader may read stay, their selectors renumbered where list
 *       elements before them were removed; those of the removed markings, and selectors whose
 *       content was removed, go.
 * </ul>
 *
 * <p>A reader allowed every marking gets the object unchanged, and redaction is idempotent. Pure,
 * stateless and thread-safe.
 */
public final class GranularRedaction {

  private static final String GRANULAR = "granular_markings";
  private static final Set<String> NEVER_REMOVED = Set.of(GRANULAR, "object_marking_refs");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GranularRedaction() {}

  /** What the reader gets. */
  public sealed interface Outcome permits Unchanged, Redacted, Withheld {}

  /** Nothing the reader may not read: the object as it is. */
  public record Unchanged() implements Outcome {}

  /**
   * The object without the parts the reader may not read.
   *
   * @param object the redacted object
   * @param removed the selectors (as written in the original) whose content was removed
   */
  public record Redacted(StixObject object, List<String> removed) implements Outcome {
    /** Copies the list. */
    public Redacted {
      removed = List.copyOf(removed);
    }
  }

  /**
   * Nothing: the reader may not read a part the object cannot do without. The caller answers as if
   * the object did not exist.
   *
   * @param reason for the node's log and audit, never for the reader
   */
  public record Withheld(String reason) implements Outcome {}

  /**
   * Applies the object's granular markings for one reader.
   *
   * @param object the object as stored
   * @param mayReadMarking whether the reader may read content carrying this marking-definition id
   *     (in addition to the object's own markings); asked at most once per id
   * @return unchanged, redacted or withheld
   */
  public static Outcome redact(StixObject object, Predicate<String> mayReadMarking) {
    JsonNode tree = InternalAccess.tree(object);
    JsonNode granular = tree.get(GRANULAR);
    if (granular == null || (granular.isArray() && granular.isEmpty())) {
      return new Unchanged();
    }
    if (!granular.isArray()) {
      return new Withheld("granular_markings is not a list");
    }
    boolean[] deniedEntry = new boolean[granular.size()];
    List<String> deniedSelectors = new ArrayList<>();
    Withheld withheld = denyUnreadable(granular, mayReadMarking, deniedEntry, deniedSelectors);
    if (withheld != null) {
      return withheld;
    }
    if (deniedSelectors.isEmpty() && !anyTrue(deniedEntry)) {
      return new Unchanged();
    }
    Set<List<Object>> removedPaths = new HashSet<>();
    List<String> removed = new ArrayList<>();
    withheld = selectContent(tree, deniedSelectors, removedPaths, removed);
    if (withheld != null) {
      return withheld;
    }
    if (removedPaths.isEmpty() && !anyTrue(deniedEntry)) {
      return new Unchanged();
    }
    if (!removedPaths.isEmpty() && object.type().equals("marking-definition")) {
      return new Withheld("a marking-definition is released whole or not at all");
    }
    if (keptSelectsMarkings(granular, deniedEntry)) {
      // the kept markings' list changes, so such a selector could not follow what it marked
      return new Withheld("a granular marking selects granular_markings");
    }
    return prune(object, tree, deniedEntry, removedPaths, removed);
  }

  /**
   * Step 1: marks in {@code deniedEntry} the granular markings the reader may not read and collects
   * their selectors; a withholding when one of them cannot say what it restricts, else null.
   */
  private static Withheld denyUnreadable(
      JsonNode granular,
      Predicate<String> mayReadMarking,
      boolean[] deniedEntry,
      List<String> deniedSelectors) {
    Map<String, Boolean> decided = new HashMap<>();
    for (int i = 0; i < granular.size(); i++) {
      JsonNode g = granular.get(i);
      JsonNode ref = g.get("marking_ref");
      boolean denied;
      if (ref != null && ref.isString()) {
        denied = !decided.computeIfAbsent(ref.stringValue(), mayReadMarking::test);
      } else {
        // a language marking restricts nothing; anything else is a marking nobody can read
        denied = ref != null || g.get("lang") == null || !g.get("lang").isString();
      }
      if (!denied) {
        continue;
      }
      deniedEntry[i] = true;
      JsonNode selectors = g.get("selectors");
      if (selectors == null || !selectors.isArray()) {
        return new Withheld("a restricted granular marking without a list of selectors");
      }
      for (JsonNode s : selectors) {
        if (!s.isString()) {
          return new Withheld("a restricted granular marking with a selector that is not a string");
        }
        deniedSelectors.add(s.stringValue());
      }
    }
    return null;
  }

  /**
   * Step 2: the content the denied selectors select, as paths into {@code removedPaths} and the
   * selectors as written into {@code removed}; a withholding when a selector is malformed or
   * selects what may never be removed, else null.
   */
  private static Withheld selectContent(
      JsonNode tree,
      List<String> deniedSelectors,
      Set<List<Object>> removedPaths,
      List<String> removed) {
    for (String selector : deniedSelectors) {
      Optional<List<Object>> path = parse(selector);
      if (path.isEmpty()) {
        return new Withheld(
            "a restricted granular marking with the malformed selector " + selector);
      }
      if (!present(tree, path.get())) {
        continue; // selects nothing: nothing to remove
      }
      if (NEVER_REMOVED.contains((String) path.get().get(0))) {
        return new Withheld("a restricted granular marking selects " + selector);
      }
      removedPaths.add(path.get());
      removed.add(selector);
    }
    return null;
  }

  /**
   * Step 3: the object without the selected content and without the denied markings; withheld when
   * that would remove a required property.
   */
  private static Outcome prune(
      StixObject object,
      JsonNode tree,
      boolean[] deniedEntry,
      Set<List<Object>> removedPaths,
      List<String> removed) {
    JsonNode granular = tree.get(GRANULAR);
    Pruning pruning = new Pruning(object.type(), removedPaths);
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : tree.properties()) {
      String name = e.getKey();
      if (name.equals(GRANULAR)) {
        ArrayNode kept = keptMarkings(granular, deniedEntry, pruning);
        if (!kept.isEmpty()) {
          out.set(GRANULAR, kept);
        }
        continue;
      }
      List<Object> path = List.of(name);
      JsonNode v = pruning.prune(e.getValue(), path);
      if (v != null) {
        out.set(name, v);
      }
    }
    for (String required : RequiredProperties.of(object)) {
      if (tree.has(required) && !out.has(required)) {
        return new Withheld("the required property " + required + " is restricted");
      }
    }
    return new Redacted(StixObject.of(out), removed);
  }

  private static boolean anyTrue(boolean[] a) {
    for (boolean b : a) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /** Whether a granular marking that stays selects inside granular_markings. */
  private static boolean keptSelectsMarkings(JsonNode granular, boolean[] deniedEntry) {
    for (int i = 0; i < granular.size(); i++) {
      if (!deniedEntry[i]) {
        for (JsonNode s : granular.get(i).path("selectors")) {
          if (s.isString()
              && (s.stringValue().equals(GRANULAR) || s.stringValue().startsWith(GRANULAR + "."))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The granular markings the reader may read, with selectors into the redacted object. */
  private static ArrayNode keptMarkings(JsonNode granular, boolean[] deniedEntry, Pruning pruning) {
    ArrayNode kept = NODES.arrayNode();
    for (int i = 0; i < granular.size(); i++) {
      if (deniedEntry[i]) {
        continue;
      }
      JsonNode g = granular.get(i);
      ArrayNode selectors = NODES.arrayNode();
      for (JsonNode s : g.path("selectors")) {
        Optional<String> moved =
            s.isString()
                ? parse(s.stringValue()).flatMap(pruning::remap).map(GranularRedaction::format)
                : Optional.empty();
        moved.ifPresent(selectors::add);
      }
      if (selectors.isEmpty()) {
        continue; // all it marked was removed
      }
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : g.properties()) {
        copy.set(e.getKey(), e.getKey().equals("selectors") ? selectors : e.getValue());
      }
      kept.add(copy);
    }
    return kept;
  }

  /**
   * A selector as a path: property names (String) and list indexes (Integer); empty when malformed
   * (empty, an empty component, a bad index, or a list index first).
   */
  static Optional<List<Object>> parse(String selector) {
    if (selector.isEmpty()) {
      return Optional.empty();
    }
    List<Object> path = new ArrayList<>();
    for (String part : selector.split("\\.", -1)) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
      if (part.charAt(0) == '[') {
        if (path.isEmpty() || part.length() < 3 || part.charAt(part.length() - 1) != ']') {
          return Optional.empty();
        }
        String digits = part.substring(1, part.length() - 1);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
          return Optional.empty();
        }
        path.add(Integer.parseInt(digits));
      } else {
        path.add(part);
      }
    }
    return Optional.of(List.copyOf(path));
  }

  static String format(List<Object> path) {
    StringBuilder b = new StringBuilder();
    for (Object p : path) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(p instanceof Integer i ? "[" + i + "]" : p);
    }
    return b.toString();
  }

  private static boolean present(JsonNode root, List<Object> path) {
    JsonNode cur = root;
    for (Object p : path) {
      if (p instanceof Integer i) {
        if (!cur.isArray() || i >= cur.size()) {
          return false;
        }
        cur = cur.get(i);
      } else {
        if (!cur.isObject() || !cur.has((String) p)) {
          return false;
        }
        cur = cur.get((String) p);
      }
    }
    return true;
  }

  /**
   * One redaction's copy of the tree without the removed paths, remembering what went (the top of
   * each removed subtree) and how list elements were renumbered, so that the kept selectors can
   * follow.
   */
  private static final class Pruning {
    private final String type;
    private final Set<List<Object>> removedPaths;
    private final Set<List<Object>> gone = new HashSet<>();
    private final Map<List<Object>, int[]> renumbered = new HashMap<>();

    Pruning(String type, Set<List<Object>> removedPaths) {
      this.type = type;
      this.removedPaths = removedPaths;
    }

    /** The node without its removed parts; null when it is removed whole. */
    JsonNode prune(JsonNode node, List<Object> path) {
      if (removedPaths.contains(path)) {
        gone.add(path);
        return null;
      }
      if (node.isObject()) {
        if (node.isEmpty()) {
          return node;
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          JsonNode v = prune(e.getValue(), append(path, e.getKey()));
          if (v != null) {
            copy.set(e.getKey(), v);
          }
        }
        if (copy.isEmpty() || lostRequired(node, copy, path)) {
          gone.add(path);
          return null;
        }
        return copy;
      }
      if (node.isArray()) {
        if (node.isEmpty()) {
          return node;
        }
        ArrayNode copy = NODES.arrayNode();
        int[] index = new int[node.size()];
        boolean moved = false;
        for (int i = 0; i < node.size(); i++) {
          JsonNode v = prune(node.get(i), append(path, i));
          if (v == null) {
            index[i] = -1;
            moved = true;
          } else {
            index[i] = copy.size();
            copy.add(v);
          }
        }
        if (copy.isEmpty()) {
          gone.add(path);
          return null;
        }
        if (moved) {
          renumbered.put(path, index);
        }
        return copy;
      }
      return node;
    }

    /**
     * Whether an element of a top-level list of an embedded type lost a property its type requires.
     */
    private boolean lostRequired(JsonNode before, JsonNode after, List<Object> path) {
      if (path.size() != 2 || !(path.get(1) instanceof Integer)) {
        return false;
      }
      for (String required : RequiredProperties.ofElementsOf(type, (String) path.get(0))) {
        if (before.has(required) && !after.has(required)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Where a selector into the original points in the redacted copy; empty when its content went.
     */
    Optional<List<Object>> remap(List<Object> path) {
      List<Object> out = new ArrayList<>(path.size());
      for (int i = 0; i < path.size(); i++) {
        List<Object> prefix = path.subList(0, i + 1);
        if (gone.contains(prefix)) {
          return Optional.empty();
        }
        Object p = path.get(i);
        if (p instanceof Integer idx) {
          int[] index = renumbered.get(path.subList(0, i));
          if (index != null) {
            if (idx >= index.length || index[idx] < 0) {
              return Optional.empty();
            }
            p = index[idx];
          }
        }
        out.add(p);
      }
      return Optional.of(List.copyOf(out));
    }

    private static List<Object> append(List<Object> path, Object part) {
      List<Object> out = new ArrayList<>(path.size() + 1);
      out.addAll(path);
      out.add(part);
      return out;
    }
  }
}
