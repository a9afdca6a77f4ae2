package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ObjectStore.MarkingDefinition;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marking checks of a TAXII write, which refuse an envelope whole (issue 14, finding 3: marking
 * definitions that cannot be squatted):
 *
 * <ul>
 *   <li>every {@code object_marking_refs} entry of an object must be a TLP marking or a
 *       marking-definition of the object's own origin, held by the node or sent (and accepted) in
 *       the same envelope: the node would resolve nothing else for it;
 *   <li>a marking-definition whose id the node holds from the same origin with other content (or
 *       that the envelope sends twice differently) is refused: a definition is never replaced. The
 *       answer is one sentence, and names nothing of the held definition.
 * </ul>
 *
 * <p>A definition id is namespaced by its origin: one that another origin already holds neither
 * blocks the writer nor is told to it. The writer's definition is bound to its own origin beside
 * the other, and marks only its own origin's objects, so a contributor who posts an author's
 * (predictable) id first defines it for nobody but its own nation, and the author is never locked
 * out of its id (issue 14, finding 3b: the author's own definition had been refused).
 *
 * <p>The answer for a ref never depends on definitions of other origins: "not a definition of your
 * origin" is the same sentence whether another nation holds that id or nobody does. Thread-safe.
 */
final class EnvelopeMarkings {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ObjectStore store;
  private final AccessPolicy policy;

  EnvelopeMarkings(ObjectStore store, AccessPolicy policy) {
    this.store = store;
    this.policy = policy;
  }

  /** The sentence for every refused marking-definition, whatever the reason (no oracle). */
  static String idNotAvailable(String id) {
    return "marking-definition "
        + id
        + " is refused: this id is not available (a marking-definition is"
        + " never replaced, and one envelope may define an id once); publish it under a new id";
  }

  /** The sentence for a ref that does not resolve against the object's origin. */
  static String unresolved(String ref, String origin) {
    return "object_marking_refs names "
        + ref
        + ", which is not a TLP marking, and this node does not"
        + " hold a marking-definition of that id from "
        + origin
        + " (nor does this envelope carry an"
        + " accepted one); send the definition first or in the same envelope";
  }

  /**
   * The marking-definitions among {@code objects} whose id is not available to them (held from
   * their own origin with other content, or sent twice differently), each with the one answer
   * {@link #idNotAvailable}. The write path asks this before its other checks, so that a refused id
   * gets that answer whatever else might be said about it. Definitions of other origins are not
   * looked at: the store keeps one definition per id and origin, as it does for what a pull brings.
   *
   * @param originOf the originating nation each object would be stored with
   */
  Map<StixObject, String> unavailableDefinitions(
      List<StixObject> objects, Function<StixObject, String> originOf) {
    Map<StixObject, String> refused = new IdentityHashMap<>();
    List<StixObject> definitions = definitions(objects);
    if (definitions.isEmpty()) {
      return refused;
    }
    Set<String> ids = new LinkedHashSet<>();
    definitions.forEach(d -> ids.add(d.id()));
    Map<String, List<MarkingDefinition>> held = new HashMap<>();
    for (MarkingDefinition d : store.markingDefinitionsHeld(ids)) {
      held.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
    }
    Map<String, Set<String>> originsInEnvelope = new HashMap<>();
    for (StixObject d : definitions) {
      originsInEnvelope.computeIfAbsent(d.id(), k -> new LinkedHashSet<>()).add(originOf.apply(d));
    }
    Map<String, StixObject> first = new HashMap<>();
    for (StixObject d : definitions) {
      String origin = originOf.apply(d);
      StixObject before = first.putIfAbsent(d.id(), d);
      boolean taken =
          held.getOrDefault(d.id(), List.of()).stream()
              .anyMatch(h -> h.originNation().equals(origin) && !sameContent(h.json(), d));
      boolean twiceDifferently =
          (before != null && !before.json().equals(d.json()))
              || originsInEnvelope.get(d.id()).size() > 1;
      if (taken || twiceDifferently) {
        refused.put(d, idNotAvailable(d.id()));
      }
    }
    return refused;
  }

  /**
   * Why the envelope must be refused: the objects (among {@code objects}, those about to be stored)
   * that fail a marking check, each with its reason; empty when none does.
   *
   * @param originOf the originating nation each object would be stored with
   * @param unavailable what {@link #unavailableDefinitions} said of these objects (or a superset)
   */
  Map<StixObject, String> problems(
      List<StixObject> objects,
      Function<StixObject, String> originOf,
      Map<StixObject, String> unavailable) {
    Map<StixObject, String> problems = new IdentityHashMap<>();
    // the definitions of this envelope an object may name: origin + '\n' + id
    Map<String, StixObject> usable = new HashMap<>();
    Set<String> clashing = new LinkedHashSet<>();
    for (StixObject d : definitions(objects)) {
      String key = originOf.apply(d) + '\n' + d.id();
      usable.putIfAbsent(key, d);
      if (unavailable.containsKey(d)) {
        problems.put(d, unavailable.get(d));
        clashing.add(key);
      }
    }
    clashing.forEach(usable::remove);
    for (StixObject s : objects) {
      if (problems.containsKey(s)) {
        continue;
      }
      String origin = originOf.apply(s);
      for (String ref : s.objectMarkingRefs()) {
        if (Tlp.fromMarkingId(ref).isPresent() || usable.containsKey(origin + '\n' + ref)) {
          continue;
        }
        if (policy.resolve(ref, origin).isEmpty()) {
          problems.put(s, unresolved(ref, origin));
          break;
        }
      }
    }
    return problems;
  }

  /**
   * Whether the object is a marking-definition the node binds to its origin (any but the TLP ones).
   * Such a definition is never settled as "already held" by its id and version alone: the one held
   * may be another origin's, and the writer gets {@link #idNotAvailable} for it like for any other.
   */
  static boolean isDefinition(StixObject s) {
    return "marking-definition".equals(s.type()) && Tlp.fromMarkingId(s.id()).isEmpty();
  }

  private static List<StixObject> definitions(List<StixObject> objects) {
    List<StixObject> definitions = new ArrayList<>();
    for (StixObject s : objects) {
      if (isDefinition(s)) {
        definitions.add(s);
      }
    }
    return definitions;
  }

  /** Same definition: equal JSON trees (the spelling of the text may differ). */
  private static boolean sameContent(String heldJson, StixObject sent) {
    try {
      JsonNode held = JSON.readTree(heldJson);
      return held.equals(sent.json());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
