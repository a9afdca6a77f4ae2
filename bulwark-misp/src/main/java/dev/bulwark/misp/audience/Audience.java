package dev.bulwark.misp.audience;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audience of one MISP element in Bulwark's terms, two axes kept apart: the nations it may be
 * released to (a releasability marking; empty = no nation restriction, the MISP "all communities")
 * and its TLP level (empty = untagged, which is <em>not</em> CLEAR: no TLP marking is written and
 * the releasability alone decides). Immutable and thread-safe.
 *
 * @param releasability the nations, or empty for no nation restriction
 * @param tlp the TLP level, or empty when untagged
 */
public record Audience(Optional<Releasability> releasability, Optional<Tlp> tlp) {

  /**
   * Only the given nation (the origin reads anyway; this keeps everyone else out).
   *
   * @param nation ISO3
   * @param tlp the TLP level, if any
   * @return the audience
   */
  public static Audience only(String nation, Optional<Tlp> tlp) {
    return new Audience(Optional.of(Releasability.toNations(nation)), tlp);
  }

  /**
   * The intersection with another audience: the nations both allow (plus the own nation, which as
   * origin reads everything it imported anyway) and the stricter TLP level. Never wider than
   * either.
   *
   * @param other the other audience
   * @param ownNation this node's nation
   * @return the narrowed audience
   */
  public Audience narrow(Audience other, String ownNation) {
    Optional<Tlp> t = stricter(tlp, other.tlp);
    Optional<Set<String>> mine = effectiveNations(ownNation);
    Optional<Set<String>> theirs = other.effectiveNations(ownNation);
    Optional<Releasability> r;
    if (mine.isEmpty() && theirs.isEmpty()) {
      r = Optional.empty();
    } else if (mine.isEmpty() || theirs.isEmpty()) {
      r =
          mine.isEmpty()
              ? other.releasability.or(() -> only(theirs.get()))
              : releasability.or(() -> only(mine.get()));
    } else if (releasability.isPresent() && releasability.equals(other.releasability)) {
      r = releasability;
    } else {
      Set<String> both = new TreeSet<>(mine.get());
      both.retainAll(theirs.get());
      both.add(ownNation);
      r = Optional.of(new Releasability(both, Set.of()));
    }
    return new Audience(r, t);
  }

  /**
   * The nations that may read under the project's release rule, or empty for no nation limit: a
   * releasability lists them; without one, TLP:AMBER, AMBER+STRICT and RED mean the origin only (so
   * "all communities" + TLP:AMBER is narrower than a community list + TLP:AMBER, and narrowing must
   * see it).
   */
  private Optional<Set<String>> effectiveNations(String ownNation) {
    if (tlp.equals(Optional.of(Tlp.AMBER_STRICT)) || tlp.equals(Optional.of(Tlp.RED))) {
      return Optional.of(Set.of(ownNation));
    }
    if (releasability.isPresent()) {
      return Optional.of(expand(releasability.get()));
    }
    if (tlp.equals(Optional.of(Tlp.AMBER))) {
      return Optional.of(Set.of(ownNation));
    }
    return Optional.empty();
  }

  private static Optional<Releasability> only(Set<String> nations) {
    return Optional.of(new Releasability(nations, Set.of()));
  }

  /**
   * The stricter of two TLP levels (RED &gt; AMBER+STRICT &gt; AMBER &gt; GREEN &gt; CLEAR); an
   * absent level yields to a present one.
   *
   * @param a one level
   * @param b another
   * @return the stricter
   */
  public static Optional<Tlp> stricter(Optional<Tlp> a, Optional<Tlp> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().ordinal() >= b.get().ordinal() ? a : b;
  }

  /**
   * The marking-definitions to attach: the TLP definition and the releasability definition. When
   * both axes are empty the own nation is written, so that nothing falls back to a collection's
   * unmarked default (fail closed).
   *
   * @param ownNation this node's nation
   * @param createdByRef the identity creating the releasability marking
   * @param created its creation timestamp
   * @return the definitions, TLP first
   */
  public List<StixObject> markingDefinitions(
      String ownNation, String createdByRef, String created) {
    List<StixObject> out = new ArrayList<>(2);
    tlp.ifPresent(t -> out.add(t.definition()));
    Optional<Releasability> r =
        releasability.isEmpty() && tlp.isEmpty()
            ? Optional.of(Releasability.toNations(ownNation))
            : releasability;
    r.ifPresent(x -> out.add(ReleasabilityMarking.markingDefinition(x, createdByRef, created)));
    return out;
  }

  private static Set<String> expand(Releasability r) {
    Set<String> out = new TreeSet<>();
    for (String n : r.nations()) {
      out.addAll(NationGroups.expand(n));
    }
    return out;
  }
}
