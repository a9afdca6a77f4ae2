package dev.bulwark.stix.markings;

import dev.bulwark.stix.StixIds;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * To whom an object may be released: nations (ISO 3166-1 alpha-3 codes and group names such as
 * {@code NATO} or {@code EU}, see {@link NationGroups}) and, for TLP:RED, named recipients (STIX
 * identity ids). Immutable and thread-safe; sets are sorted so that equal values serialise alike.
 *
 * @param nations nation codes and group names, upper case
 * @param recipients identity ids ({@code identity--UUID})
 */
public record Releasability(Set<String> nations, Set<String> recipients) {

  /**
   * Checks and normalises the codes.
   *
   * @throws IllegalArgumentException when a nation code is unknown, a recipient is not an identity
   *     id, or both sets are empty
   */
  public Releasability {
    SortedSet<String> n = new TreeSet<>();
    for (String code : Objects.requireNonNull(nations, "nations")) {
      if (!NationGroups.isKnown(code)) {
        throw new IllegalArgumentException("unknown nation or group: " + code);
      }
      n.add(code.toUpperCase(Locale.ROOT));
    }
    SortedSet<String> r = new TreeSet<>();
    for (String id : Objects.requireNonNull(recipients, "recipients")) {
      if (!id.startsWith("identity--") || !StixIds.isIdentifier(id)) {
        throw new IllegalArgumentException("recipient is not an identity id: " + id);
      }
      r.add(id);
    }
    if (n.isEmpty() && r.isEmpty()) {
      throw new IllegalArgumentException(
          "a releasability marking names at least one nation or recipient");
    }
    nations = Collections.unmodifiableSortedSet(n);
    recipients = Collections.unmodifiableSortedSet(r);
  }

  /**
   * Releasable to the given nations or groups.
   *
   * @param nations codes
   * @return the releasability
   */
  public static Releasability toNations(String... nations) {
    return new Releasability(Set.of(nations), Set.of());
  }

  /**
   * Whether a nation is among the listed ones (groups expanded).
   *
   * @param nation ISO 3166-1 alpha-3 code
   * @return true when listed directly or through a group
   */
  public boolean includesNation(String nation) {
    if (nation.isEmpty()) {
      return false;
    }
    for (String code : nations) {
      if (NationGroups.expand(code).contains(nation)) {
        return true;
      }
    }
    return false;
  }
}
