package dev.bulwark.misp.audience;

import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.stix.markings.NationGroups;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one MISP link needs to turn MISP audiences into nations: this node's nation, the nations of
 * the link's community (distribution 1 and 2), and the nation of each known organisation (sharing
 * groups). Immutable and thread-safe.
 *
 * @param ownNation this node's nation (ISO 3166-1 alpha-3); also the origin of what is imported
 * @param linkNations the nations (or groups) the link's community stands for; may be empty
 * @param orgNations organisation uuid (any case) or exact name → nation; an organisation not in the
 *     map receives nothing
 */
public record AudienceSettings(
    String ownNation, Set<String> linkNations, Map<String, String> orgNations) {

  /** Checks and normalises the codes. */
  public AudienceSettings {
    ownNation = ownNation.toUpperCase(Locale.ROOT);
    if (ownNation.length() != 3 || !NationGroups.isKnown(ownNation)) {
      throw new IllegalArgumentException("own nation is not an ISO 3166-1 alpha-3 code");
    }
    Set<String> links = new TreeSet<>();
    for (String n : linkNations) {
      if (!NationGroups.isKnown(n)) {
        throw new IllegalArgumentException("unknown nation or group: " + n);
      }
      links.add(n.toUpperCase(Locale.ROOT));
    }
    linkNations = Set.copyOf(links);
    Map<String, String> orgs = new HashMap<>();
    for (Map.Entry<String, String> e : orgNations.entrySet()) {
      String n = e.getValue().toUpperCase(Locale.ROOT);
      if (n.length() != 3 || !NationGroups.isKnown(n)) {
        throw new IllegalArgumentException("organisation nation is not alpha-3: " + n);
      }
      orgs.put(e.getKey(), n);
      orgs.put(e.getKey().toLowerCase(Locale.ROOT), n);
    }
    orgNations = Map.copyOf(orgs);
  }

  /**
   * Settings with no community and no organisations: everything but distribution 3 stays home.
   *
   * @param ownNation this node's nation
   * @return the settings
   */
  public static AudienceSettings ownOnly(String ownNation) {
    return new AudienceSettings(ownNation, Set.of(), Map.of());
  }

  /**
   * The nation of an organisation, by uuid first, then by exact name.
   *
   * @param org the organisation
   * @return its nation, or empty when unmapped
   */
  public Optional<String> nationOf(MispOrg org) {
    String byUuid =
        org.uuid().isEmpty() ? null : orgNations.get(org.uuid().toLowerCase(Locale.ROOT));
    if (byUuid != null) {
      return Optional.of(byUuid);
    }
    return Optional.ofNullable(org.name().isEmpty() ? null : orgNations.get(org.name()));
  }
}
