package dev.bulwark.node.workbench;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may read an object, worked out by asking {@link ReleaseRule} itself (the rule every read path
 * applies) reader by reader: the anonymous public, an authenticated reader of a nation named
 * nowhere, the originating nation, every nation the markings and the collection default name, the
 * nations the node knows (principals, peers), and every identity the markings name as recipient.
 * The reason given is the rule's clause that lets each in. Immutable.
 *
 * @param everyone anyone, anonymous included (TLP:CLEAR)
 * @param anyAuthenticated every authenticated reader (TLP:GREEN or CLEAR)
 */
record Audience(
    boolean everyone, boolean anyAuthenticated, List<Entry> nations, List<Entry> identities) {

  /** One nation or identity that may read, with the reason. */
  record Entry(String who, String reason) {}

  /** A nation no rule names: if it may read, every authenticated reader may. */
  private static final String NOBODY_NAMED = "ZZZ";

  /**
   * @param origin the object's originating nation
   * @param markings its resolved markings; a caller that could not resolve one passes empty (nobody
   *     may read: the rule fails closed)
   * @param defaults the collection's nations for unmarked objects
   * @param known nations the node knows of (its principals' and peers'); asked only when every
   *     authenticated reader may read (otherwise a nation named nowhere is not let in, so listing
   *     every principal and peer for the page of one object changed nothing)
   */
  static Audience of(
      String origin,
      Optional<List<StixObject>> markings,
      Set<String> defaults,
      Supplier<Set<String>> known) {
    if (markings.isEmpty()) {
      return new Audience(false, false, List.of(), List.of());
    }
    List<StixObject> m = markings.get();
    String o = origin.toUpperCase(Locale.ROOT);
    boolean everyone = ReleaseRule.mayRead(Reader.anonymous(), o, m, defaults);
    boolean anyAuth = ReleaseRule.mayRead(Reader.of(NOBODY_NAMED), o, m, defaults);
    TreeSet<String> named = new TreeSet<>();
    TreeSet<String> recipients = new TreeSet<>();
    for (StixObject d : m) {
      ReleasabilityMarking.read(d)
          .ifPresent(
              r -> {
                expand(r, named);
                recipients.addAll(r.recipients());
              });
    }
    TreeSet<String> fromDefaults = new TreeSet<>();
    defaults.forEach(d -> fromDefaults.addAll(NationGroups.expand(d)));
    TreeSet<String> candidates = new TreeSet<>(named);
    candidates.addAll(fromDefaults);
    if (anyAuth) {
      candidates.addAll(known.get());
    }
    candidates.remove(o);
    List<Entry> nations = new ArrayList<>();
    if (ReleaseRule.mayRead(Reader.of(o), o, m, defaults)) {
      nations.add(new Entry(o, "origin"));
    }
    for (String n : candidates) {
      if (ReleaseRule.mayRead(Reader.of(n), o, m, defaults)) {
        String why =
            named.contains(n)
                ? "releasable to"
                : fromDefaults.contains(n) ? "collection default" : "any authenticated reader";
        nations.add(new Entry(n, why));
      }
    }
    List<Entry> identities = new ArrayList<>();
    for (String id : recipients) {
      if (ReleaseRule.mayRead(new Reader(NOBODY_NAMED, Optional.of(id)), o, m, defaults)) {
        identities.add(new Entry(id, "named recipient"));
      }
    }
    return new Audience(everyone, anyAuth, nations, identities);
  }

  private static void expand(Releasability r, Set<String> into) {
    for (String n : r.nations()) {
      into.addAll(NationGroups.expand(n));
    }
  }

  /** The sentence the object page and the create form show. */
  String label() {
    if (everyone) {
      return "readable by: everyone (TLP:CLEAR)";
    }
    if (anyAuthenticated) {
      return "readable by: every authenticated reader";
    }
    List<String> parts = new ArrayList<>();
    for (Entry e : nations) {
      parts.add("origin".equals(e.reason()) ? e.who() + " (origin)" : e.who());
    }
    for (Entry e : identities) {
      parts.add(e.who());
    }
    return parts.isEmpty() ? "readable by: nobody" : "readable by: " + String.join(", ", parts);
  }

  ObjectNode json() {
    ObjectNode a = WorkbenchJson.JSON.createObjectNode();
    a.put("everyone", everyone);
    a.put("any_authenticated", anyAuthenticated);
    ArrayNode n = a.putArray("nations");
    nations.forEach(e -> n.addObject().put("nation", e.who()).put("reason", e.reason()));
    ArrayNode i = a.putArray("identities");
    identities.forEach(e -> i.addObject().put("identity", e.who()).put("reason", e.reason()));
    a.put("label", label());
    return a;
  }
}
