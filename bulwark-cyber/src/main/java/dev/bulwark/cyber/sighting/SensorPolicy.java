package dev.bulwark.cyber.sighting;

import dev.bulwark.stix.markings.Tlp;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sensor and what its owner lets others learn from it: the sensor's STIX identity (the {@code
 * where_sighted_refs} of its sightings), its owner's nation (the origin of its sightings) and the
 * widest release the owner allows for what the sensor sees: a TLP level and, for TLP:AMBER, the
 * nations (or groups) it may be released to. Immutable and thread-safe.
 *
 * @param identityRef the sensor's identity ({@code identity--...})
 * @param name a short name shown to analysts
 * @param nation the owner's nation, ISO 3166-1 alpha-3
 * @param tlp the widest TLP the owner allows
 * @param releasableTo nations or groups beyond the owner (meaningful with TLP:AMBER)
 */
public record SensorPolicy(
    String identityRef, String name, String nation, Tlp tlp, Set<String> releasableTo) {

  /** Normalises nations to upper case and checks the identity. */
  public SensorPolicy {
    Objects.requireNonNull(identityRef, "identityRef");
    if (!identityRef.startsWith("identity--")) {
      throw new IllegalArgumentException("a sensor's identity must be an identity id");
    }
    nation = nation.toUpperCase(Locale.ROOT);
    Set<String> upper = new TreeSet<>();
    releasableTo.forEach(n -> upper.add(n.toUpperCase(Locale.ROOT)));
    releasableTo = Set.copyOf(upper);
  }
}
