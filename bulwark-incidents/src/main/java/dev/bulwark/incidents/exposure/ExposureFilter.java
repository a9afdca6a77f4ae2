package dev.bulwark.incidents.exposure;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.GranularRedaction;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps of a set of STIX objects only what the public may see: an object whose markings are exactly
 * TLP:CLEAR (no other marking: a releasability list, another TLP, an unmarked object — the
 * collection default, origin only — all keep it back) and that the caller does not call
 * nation-listed; inside it, parts under a granular marking other than TLP:CLEAR are removed ({@link
 * GranularRedaction}); a reference to a withheld object is removed from a list of references, and
 * an object that cannot do without it (a relationship's ends, a sighting's subject, a single {@code
 * _ref}) is withheld whole — repeated until nothing changes, so that no withheld id is left
 * anywhere in what is published. Stateless and thread-safe.
 */
public final class ExposureFilter {

  private static final String CLEAR = Tlp.CLEAR.markingDefinitionId();

  /** References an object cannot do without: withheld whole when they point at withheld content. */
  private static final Set<String> REQUIRED_REFS =
      Set.of("source_ref", "target_ref", "sighting_of_ref", "object_refs");

  private ExposureFilter() {}

  /**
   * The public view of {@code objects}.
   *
   * @param objects the candidate objects (latest versions)
   * @param nationListed true for an object the caller knows carries a nation list (e.g. a
   *     releasability marking), which is never public
   * @return what may be published and what was withheld
   */
  public static Exposure publicView(List<StixObject> objects, Predicate<StixObject> nationListed) {
    Map<String, StixObject> kept = new LinkedHashMap<>();
    List<Withheld> withheld = new ArrayList<>();
    for (StixObject o : objects) {
      if (o.type().equals("marking-definition")) {
        continue;
      }
      List<String> marks = o.objectMarkingRefs();
      if (marks.isEmpty() || !marks.stream().allMatch(CLEAR::equals)) {
        withheld.add(new Withheld(o.id(), "", "not marked TLP:CLEAR"));
        continue;
      }
      if (nationListed.test(o)) {
        withheld.add(new Withheld(o.id(), "", "nation-listed"));
        continue;
      }
      GranularRedaction.Outcome outcome = GranularRedaction.redact(o, CLEAR::equals);
      if (outcome instanceof GranularRedaction.Withheld w) {
        withheld.add(new Withheld(o.id(), "", "granular marking: " + w.reason()));
      } else if (outcome instanceof GranularRedaction.Redacted r) {
        r.removed()
            .forEach(p -> withheld.add(new Withheld(o.id(), p, "granular marking not TLP:CLEAR")));
        kept.put(o.id(), r.object());
      } else {
        kept.put(o.id(), o);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, StixObject> e : new ArrayList<>(kept.entrySet())) {
        ObjectNode json = e.getValue().json();
        List<String> dropped = new ArrayList<>();
        boolean needed = scrub(json, kept.keySet(), "", dropped);
        if (needed) {
          kept.remove(e.getKey());
          withheld.add(new Withheld(e.getKey(), "", "refers to withheld content"));
          changed = true;
        } else if (!dropped.isEmpty()) {
          dropped.forEach(
              p -> withheld.add(new Withheld(e.getKey(), p, "refers to withheld content")));
          kept.put(e.getKey(), StixObject.of(json));
          changed = true;
        }
      }
    }
    return new Exposure(new ArrayList<>(kept.values()), withheld);
  }

  /**
   * Removes references to objects not in {@code kept} from {@code node}; returns true when a single
   * reference that cannot be removed (a top-level {@code _ref}) points at one.
   */
  private static boolean scrub(JsonNode node, Set<String> kept, String path, List<String> dropped) {
    if (!(node instanceof ObjectNode o)) {
      if (node instanceof ArrayNode a) {
        for (int i = a.size() - 1; i >= 0; i--) {
          JsonNode v = a.get(i);
          if (v.isObject() && scrubEntry((ObjectNode) v, kept, path + "/" + i, dropped)) {
            a.remove(i);
            dropped.add(path + "/" + i);
          }
        }
      }
      return false;
    }
    for (String name : new ArrayList<>(o.propertyNames())) {
      JsonNode v = o.get(name);
      String p = path + "/" + name;
      if (name.equals("object_marking_refs") || name.equals("id")) {
        continue;
      }
      boolean required = path.isEmpty() && REQUIRED_REFS.contains(name);
      if (name.endsWith("_ref") && isForeign(v, kept)) {
        if (required) {
          return true;
        }
        o.remove(name);
        dropped.add(p);
      } else if (name.endsWith("_refs") && v.isArray()) {
        for (int i = v.size() - 1; i >= 0; i--) {
          if (isForeign(v.get(i), kept)) {
            ((ArrayNode) v).remove(i);
            dropped.add(p + "/" + i);
          }
        }
        if (v.isEmpty()) {
          if (required) {
            return true;
          }
          o.remove(name);
        }
      } else if ((v.isObject() || v.isArray())) {
        scrub(v, kept, p, dropped);
      }
    }
    return false;
  }

  /** A list entry (e.g. an incident-core task entry) that is nothing without its reference. */
  private static boolean scrubEntry(
      ObjectNode entry, Set<String> kept, String path, List<String> dropped) {
    for (String name : new ArrayList<>(entry.propertyNames())) {
      if (name.endsWith("_ref") && isForeign(entry.get(name), kept)) {
        return true;
      }
    }
    scrub(entry, kept, path, dropped);
    return false;
  }

  private static boolean isForeign(JsonNode v, Set<String> kept) {
    return v != null
        && v.isString()
        && StixIds.isIdentifier(v.stringValue())
        && !kept.contains(v.stringValue())
        && !v.stringValue().startsWith("marking-definition--")
        && !v.stringValue().startsWith("extension-definition--");
  }
}
