package dev.bulwark.stix.validation;

import java.util.Locale;

/**
 * Which rule set a {@link StixValidator} applies. Immutable and thread-safe.
 *
 * <p>{@link #STIX_2_1} is the specification alone. {@link #INTEROP} is the specification plus the
 * OASIS STIX 2.1 interoperability profile: the additional requirements of the {@code interop/} JSON
 * schemas of oasis-open/cti-stix2-json-schemas, which the STIX 2.1 Interoperability Test Document
 * asks conformant producers to meet ({@code created_by_ref} on every SDO and SRO it covers,
 * per-type properties such as an indicator's {@code name} and {@code indicator_types}, and at most
 * one STIX 2.1 TLP marking per object). Profile findings carry the rule ids {@link
 * Rules#INTEROP_REQUIRED_PROPERTY} and {@link Rules#INTEROP_TLP_MARKING} and, as section, the
 * schema file that states them (e.g. {@code interop/indicator.json}).
 */
public enum ValidationProfile {

  /** Every single-object rule of STIX 2.1 (errata 01). The default. */
  STIX_2_1("stix-2.1", "STIX 2.1 (errata 01)"),

  /** STIX 2.1 plus the OASIS STIX 2.1 interoperability profile ({@code interop/*.json}). */
  INTEROP("interop", "STIX 2.1 (errata 01) + OASIS STIX 2.1 interoperability profile");

  private final String cliName;
  private final String title;

  ValidationProfile(String cliName, String title) {
    this.cliName = cliName;
    this.title = title;
  }

  /**
   * The short name used on the command line and in reports: {@code stix-2.1} or {@code interop}.
   */
  public String cliName() {
    return cliName;
  }

  /** What the profile checks, for humans. */
  public String title() {
    return title;
  }

  /**
   * The profile with this short name (or enum constant name), ignoring case.
   *
   * @param name e.g. {@code interop}, {@code stix-2.1}
   * @return the profile
   * @throws IllegalArgumentException naming the accepted values when there is none
   */
  public static ValidationProfile fromName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (ValidationProfile p : values()) {
      if (p.cliName.equals(n) || p.name().toLowerCase(Locale.ROOT).equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown validation profile \"" + name + "\"; expected stix-2.1 or interop");
  }
}
