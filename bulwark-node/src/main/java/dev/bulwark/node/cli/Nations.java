package dev.bulwark.node.cli;

import dev.bulwark.stix.markings.NationGroups;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a {@code --nation} the way the releasability rule will read it: an ISO 3166-1 alpha-3
 * country code (a principal or a peer belongs to one nation, so a group name such as NATO is
 * refused here and named as such). Stateless; thread-safe.
 */
final class Nations {
  private Nations() {}

  /**
   * The code in upper case.
   *
   * @throws IllegalArgumentException naming what is wrong, when it is not a country's code
   */
  static String check(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT);
    if (NationGroups.isKnown(c) && !NationGroups.expand(c).equals(Set.of(c))) {
      throw new IllegalArgumentException(
          "--nation "
              + code
              + " is a group of nations; give the one nation (ISO 3166-1 alpha-3, e.g. EST)");
    }
    if (!NationGroups.expand(c).equals(Set.of(c))) {
      throw new IllegalArgumentException(
          "--nation "
              + code
              + " is not an ISO 3166-1 alpha-3 country code (e.g. EST, FIN, LVA, DEU, USA)");
    }
    return c;
  }
}
