package dev.bulwark.node.misp;

import dev.bulwark.misp.audience.AudienceSettings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * The node's configuration of its MISP link, from {@code bulwark.properties} (or system
 * properties): {@code bulwark.misp.link-nations} (the nations MISP distribution 1 "this community"
 * and 2 "connected communities" reach, e.g. {@code FIN,LVA,LTU}) and {@code
 * bulwark.misp.org-nations} (each MISP organisation, by uuid or exact name, and its nation: {@code
 * 5f6e...=FIN;CERT-EE=EST}). An organisation that is not in the map counts for no nation: a sharing
 * group holding it releases to nobody on its behalf (fails closed). Immutable.
 */
public final class MispLinkSettings {
  public static final String LINK_NATIONS = "bulwark.misp.link-nations";
  public static final String ORG_NATIONS = "bulwark.misp.org-nations";

  private MispLinkSettings() {}

  /**
   * The audience settings of this node's MISP link.
   *
   * @param ownNation this node's nation (distribution 0 "your organisation only")
   * @param property reads a setting, {@code (key, fallback) -> value}
   * @throws IllegalArgumentException when a setting is malformed (what and where)
   */
  public static AudienceSettings load(String ownNation, BinaryOperator<String> property) {
    return of(ownNation, property.apply(LINK_NATIONS, ""), property.apply(ORG_NATIONS, ""));
  }

  /** The settings from the two properties' values. */
  public static AudienceSettings of(String ownNation, String linkNations, String orgNations) {
    Set<String> link = new LinkedHashSet<>();
    for (String n : linkNations.split(",")) {
      if (!n.isBlank()) {
        link.add(nation(n.trim(), LINK_NATIONS));
      }
    }
    Map<String, String> orgs = new LinkedHashMap<>();
    for (String pair : orgNations.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            ORG_NATIONS + ": '" + pair.trim() + "' is not ORGANISATION=ISO3");
      }
      String org = pair.substring(0, eq).trim();
      orgs.put(
          isUuid(org) ? org.toLowerCase(Locale.ROOT) : org,
          nation(pair.substring(eq + 1).trim(), ORG_NATIONS));
    }
    return new AudienceSettings(ownNation.toUpperCase(Locale.ROOT), link, orgs);
  }

  private static String nation(String code, String key) {
    String n = code.toUpperCase(Locale.ROOT);
    if (!n.matches("[A-Z]{3}|[A-Z][A-Z0-9-]{1,15}")) {
      throw new IllegalArgumentException(key + ": '" + code + "' is not a nation (ISO3)");
    }
    return n;
  }

  private static boolean isUuid(String s) {
    return s.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }
}
