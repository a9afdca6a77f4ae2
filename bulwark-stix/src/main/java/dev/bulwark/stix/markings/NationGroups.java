package dev.bulwark.stix.markings;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nation codes of releasability markings: ISO 3166-1 alpha-3 country codes (as known to the JDK)
 * and named groups that expand to their members: {@code NATO} (the 32 allies, Sweden since March
 * 2024), {@code EU} (the 27 member states) and {@code FVEY} (the five-eyes community). Codes are
 * matched case-insensitively and returned in upper case.
 *
 * <p>Stateless and thread-safe.
 */
public final class NationGroups {

  /** The 32 NATO allies. */
  static final Set<String> NATO =
      Set.of(
          "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
          "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK",
          "SVN", "ESP", "SWE", "TUR", "GBR", "USA");

  /** The 27 member states of the European Union. */
  static final Set<String> EU =
      Set.of(
          "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
          "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
          "SWE");

  /** The five-eyes community. */
  static final Set<String> FVEY = Set.of("AUS", "CAN", "GBR", "NZL", "USA");

  private static final Map<String, Set<String>> GROUPS =
      Map.of("NATO", NATO, "EU", EU, "FVEY", FVEY);

  private static final Set<String> ISO3 =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

  private NationGroups() {}

  /**
   * The nations a code stands for.
   *
   * @param nationOrGroup an ISO 3166-1 alpha-3 code or a group name
   * @return the group's members, or the nation itself, upper case; empty when the code is unknown
   */
  public static Set<String> expand(String nationOrGroup) {
    String code = nationOrGroup.toUpperCase(Locale.ROOT);
    Set<String> group = GROUPS.get(code);
    if (group != null) {
      return group;
    }
    return ISO3.contains(code) ? Set.of(code) : Set.of();
  }

  /**
   * Whether the code is an ISO 3166-1 alpha-3 code or a group name.
   *
   * @param code the code
   * @return true when known
   */
  public static boolean isKnown(String code) {
    String c = code.toUpperCase(Locale.ROOT);
    return GROUPS.containsKey(c) || ISO3.contains(c);
  }

  /** Whether the code is a group name. */
  static boolean isGroup(String code) {
    return GROUPS.containsKey(code.toUpperCase(Locale.ROOT));
  }

  /** The group names, sorted. */
  static Set<String> groupNames() {
    return new TreeSet<>(GROUPS.keySet());
  }
}
