package dev.bulwark.incidents.response;

import java.util.Arrays;
import java.util.Optional;

/** The measured-response options (a closed vocabulary; the slugs are a contract). */
public enum ResponseOption {
  DIPLOMATIC_DEMARCHE("diplomatic-demarche"),
  PUBLIC_ATTRIBUTION("public-attribution"),
  SANCTIONS_PROPOSAL("sanctions-proposal"),
  EXPULSION("expulsion"),
  LAW_ENFORCEMENT("law-enforcement"),
  INCREASED_POSTURE("increased-posture"),
  INFRASTRUCTURE_HARDENING("infrastructure-hardening"),
  CYBER_COUNTERMEASURES("cyber-countermeasures");

  private final String slug;

  ResponseOption(String slug) {
    this.slug = slug;
  }

  /** The vocabulary string. */
  public String slug() {
    return slug;
  }

  /** The option for a vocabulary string. */
  public static Optional<ResponseOption> ofSlug(String s) {
    return Arrays.stream(values()).filter(o -> o.slug.equals(s)).findFirst();
  }
}
