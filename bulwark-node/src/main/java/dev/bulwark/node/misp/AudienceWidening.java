package dev.bulwark.node.misp;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Whether a newer version of an object reaches a reader its latest held version did not reach (a
 * version never widens). MISP writes a new releasability marking-definition for every event version
 * (its id depends on the event timestamp), so the TAXII write rule "every marking of the latest
 * version is still there" would refuse every update; this compares what the two versions
 * <em>mean</em> instead: each nation that may read the new version must have been able to read the
 * old one, and the strictest TLP level never drops. The nations asked are those named by either
 * version's markings (groups expanded), the ones the caller names, and one nation named nowhere
 * (standing for everyone else), so a marking that opens to "anyone" is caught too. Stateless;
 * thread-safe.
 */
final class AudienceWidening {
  /** A nation code no marking names: stands for every nation nobody listed. */
  static final String ANYONE_ELSE = "ZZZ";

  private AudienceWidening() {}

  /**
   * The nations the new version reaches that the old one did not (empty when it does not widen), or
   * a TLP loosening as {@code "TLP:<old> -> TLP:<new>"}.
   *
   * @param origin the objects' originating nation (both versions are of this origin)
   * @param oldRefs the latest held version's marking refs
   * @param oldResolver resolves them (the definitions stored for the origin)
   * @param newRefs the new version's marking refs
   * @param newResolver resolves them (the definitions the new version brings, then the stored)
   * @param alsoAsk nations to ask besides those the markings name
   * @param unmarkedDefaultNations the collection's default for unmarked objects
   */
  static List<String> widenedTo(
      String origin,
      List<String> oldRefs,
      Function<String, Optional<StixObject>> oldResolver,
      List<String> newRefs,
      Function<String, Optional<StixObject>> newResolver,
      Set<String> alsoAsk,
      Set<String> unmarkedDefaultNations) {
    int oldTlp = strictestTlp(oldRefs);
    int newTlp = strictestTlp(newRefs);
    if (oldTlp >= 0 && newTlp < oldTlp) {
      return List.of(
          "TLP:"
              + Tlp.values()[oldTlp]
              + " -> "
              + (newTlp < 0 ? "no TLP" : "TLP:" + Tlp.values()[newTlp]));
    }
    Set<String> nations = new TreeSet<>(alsoAsk);
    nations.add(ANYONE_ELSE);
    named(oldRefs, oldResolver, nations);
    named(newRefs, newResolver, nations);
    List<String> widened = new ArrayList<>();
    for (String n : nations) {
      Reader r = new Reader(n, Optional.empty());
      if (ReleaseRule.mayRead(r, origin, newRefs, newResolver, unmarkedDefaultNations)
          && !ReleaseRule.mayRead(r, origin, oldRefs, oldResolver, unmarkedDefaultNations)) {
        widened.add(n.equals(ANYONE_ELSE) ? "any other nation" : n);
      }
    }
    return widened;
  }

  /** Adds the nations the releasability markings among the refs name (groups expanded). */
  private static void named(
      List<String> refs, Function<String, Optional<StixObject>> resolver, Set<String> into) {
    for (String ref : refs) {
      if (Tlp.fromMarkingId(ref).isPresent()) {
        continue;
      }
      resolver
          .apply(ref)
          .flatMap(ReleasabilityMarking::read)
          .ifPresent(r -> r.nations().forEach(code -> into.addAll(NationGroups.expand(code))));
    }
  }

  private static int strictestTlp(List<String> refs) {
    int strictest = -1;
    for (String ref : refs) {
      strictest = Math.max(strictest, Tlp.fromMarkingId(ref).map(Enum::ordinal).orElse(-1));
    }
    return strictest;
  }
}
