package dev.bulwark.incidents.kinds;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of hostile act the register knows: a closed vocabulary, written in STIX as the Bulwark
 * extension's {@code kind} and as the incident-core {@code incident_types} entry. The slugs are a
 * contract (CLI, CSV, API, federation): never rename one.
 */
public enum ActKind {
  UNDERSEA_SABOTAGE("sabotage-undersea", "Sabotage of an undersea cable or pipeline"),
  RAIL_SABOTAGE("sabotage-rail", "Sabotage of rail infrastructure"),
  ENERGY_SABOTAGE("sabotage-energy", "Sabotage of energy infrastructure"),
  CYBERATTACK("cyberattack", "Cyberattack"),
  INSTRUMENTALISED_MIGRATION("instrumentalised-migration", "Instrumentalised migration"),
  GNSS_INTERFERENCE("gnss-interference", "GNSS jamming or spoofing"),
  AIRSPACE_VIOLATION("airspace-violation", "Airspace violation"),
  DRONE_OVERFLIGHT("drone-overflight", "Drone overflight of a critical site"),
  ARSON("arson", "Arson"),
  DISINFORMATION("disinformation", "Disinformation / FIMI"),
  ESPIONAGE("espionage", "Espionage"),
  OTHER("other", "Other hostile act");

  private final String slug;
  private final String label;

  ActKind(String slug, String label) {
    this.slug = slug;
    this.label = label;
  }

  /** The vocabulary string. */
  public String slug() {
    return slug;
  }

  /** A human label. */
  public String label() {
    return label;
  }

  /** The kind for a vocabulary string, if it is one. */
  public static Optional<ActKind> ofSlug(String s) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(s)).findFirst();
  }
}
