package dev.bulwark.cyber.sighting;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The markings of a sighting, no wider than its indicator's markings AND its sensor owner's policy:
 * a sighting says both "this indicator" and "seen at this operator, now", so whoever may read it
 * must be allowed to read each.
 *
 * <ul>
 *   <li>Both TLP:CLEAR: TLP:CLEAR. Both readable by any authenticated reader (CLEAR or GREEN, no
 *       releasability list): TLP:GREEN.
 *   <li>TLP:RED on either side: TLP:RED for the recipients every RED side names, when the other
 *       side is open to any authenticated reader; otherwise none (held back: the library cannot
 *       tell a recipient identity's nation).
 *   <li>Otherwise TLP:AMBER released to exactly the nations both sides allow (each side decided by
 *       {@link ReleaseRule#mayRead}, the node's own rule, nation by nation over every ISO 3166
 *       code), the sensor's nation being the sighting's origin. None when the sensor's own nation
 *       is not among them (it could not have read the indicator).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class SightingMarkings {
  private static final List<String> NATIONS =
      List.copyOf(new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)));
  private static final String POLICY_ORIGIN_DATE = "2026-01-01T00:00:00.000Z";

  private SightingMarkings() {}

  /**
   * The sighting's markings.
   *
   * @param indicatorOrigin the indicator's originating nation
   * @param indicatorMarkings its resolved object markings (TLP and releasability definitions)
   * @param unmarkedDefaults the nations its collection lets read unmarked objects
   * @param policy the sensor and its owner's policy
   * @return the markings, or empty when no sighting may be made public at all (held back)
   */
  public static Optional<SightingMarking> meet(
      String indicatorOrigin,
      List<StixObject> indicatorMarkings,
      Set<String> unmarkedDefaults,
      SensorPolicy policy) {
    List<StixObject> policyMarkings = policyMarkings(policy);
    Openness i = openness(indicatorMarkings);
    Openness p = openness(policyMarkings);
    if (i == Openness.CLEAR && p == Openness.CLEAR) {
      return Optional.of(new SightingMarking(Tlp.CLEAR, Optional.empty()));
    }
    if (i != Openness.RESTRICTED && p != Openness.RESTRICTED) {
      return Optional.of(new SightingMarking(Tlp.GREEN, Optional.empty()));
    }
    if (hasRed(indicatorMarkings) || hasRed(policyMarkings)) {
      return red(indicatorMarkings, i, policyMarkings, p);
    }
    String sensorNation = policy.nation();
    Set<String> both = new TreeSet<>();
    for (String n : NATIONS) {
      Reader r = Reader.of(n);
      if (ReleaseRule.mayRead(r, indicatorOrigin, indicatorMarkings, unmarkedDefaults)
          && ReleaseRule.mayRead(r, sensorNation, policyMarkings, ReleaseRule.ORIGIN_ONLY)) {
        both.add(n);
      }
    }
    if (!both.remove(sensorNation)) {
      return Optional.empty();
    }
    return Optional.of(
        new SightingMarking(
            Tlp.AMBER,
            both.isEmpty() ? Optional.empty() : Optional.of(new Releasability(both, Set.of()))));
  }

  /** The owner's policy as the markings it would put on what the sensor sees. */
  static List<StixObject> policyMarkings(SensorPolicy policy) {
    List<StixObject> out = new ArrayList<>(2);
    out.add(policy.tlp().definition());
    if (!policy.releasableTo().isEmpty() && policy.tlp() == Tlp.AMBER) {
      out.add(
          ReleasabilityMarking.markingDefinition(
              new Releasability(policy.releasableTo(), Set.of()),
              policy.identityRef(),
              POLICY_ORIGIN_DATE));
    }
    return out;
  }

  private enum Openness {
    CLEAR,
    AUTHENTICATED,
    RESTRICTED
  }

  private static Openness openness(List<StixObject> markings) {
    if (markings.isEmpty()) {
      return Openness.RESTRICTED;
    }
    boolean clear = true;
    for (StixObject m : markings) {
      Optional<Tlp> t = Tlp.fromMarkingId(m.id());
      if (t.isEmpty() || !(t.get() == Tlp.CLEAR || t.get() == Tlp.GREEN)) {
        return Openness.RESTRICTED;
      }
      clear &= t.get() == Tlp.CLEAR;
    }
    return clear ? Openness.CLEAR : Openness.AUTHENTICATED;
  }

  private static boolean hasRed(List<StixObject> markings) {
    return markings.stream().anyMatch(m -> Tlp.fromMarkingId(m.id()).orElse(null) == Tlp.RED);
  }

  private static Optional<SightingMarking> red(
      List<StixObject> a, Openness oa, List<StixObject> b, Openness ob) {
    Set<String> recipients = null;
    for (List<StixObject> side : List.of(a, b)) {
      if (!hasRed(side)) {
        continue;
      }
      for (StixObject m : side) {
        Optional<Releasability> r = ReleasabilityMarking.read(m);
        if (r.isPresent() && !r.get().recipients().isEmpty()) {
          Set<String> named = new TreeSet<>(r.get().recipients());
          if (recipients != null) {
            named.retainAll(recipients);
          }
          recipients = named;
        }
      }
    }
    boolean otherOpen =
        hasRed(a) ? (hasRed(b) || ob != Openness.RESTRICTED) : oa != Openness.RESTRICTED;
    if (recipients == null || recipients.isEmpty() || !otherOpen) {
      return Optional.empty();
    }
    return Optional.of(
        new SightingMarking(Tlp.RED, Optional.of(new Releasability(Set.of(), recipients))));
  }
}
