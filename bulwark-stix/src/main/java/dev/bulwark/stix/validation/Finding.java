package dev.bulwark.stix.validation;

import java.util.Objects;

/**
 * One problem found in one object. Immutable and thread-safe.
 *
 * @param severity error (invalid) or warning
 * @param path JSON path of the offending value, e.g. {@code $.external_references[0].source_name},
 *     with {@code ['...']} for member names that are not identifiers (RFC 9535)
 * @param rule short stable rule id, e.g. {@code required-property}; see {@link Rules}
 * @param section the STIX 2.1 (errata 01) section that states the rule, e.g. {@code 3.2}; for the
 *     rules of {@link ValidationProfile#INTEROP}, the OASIS interop schema file that states it,
 *     e.g. {@code interop/indicator.json} (see {@link #interop()})
 * @param message what is wrong, for humans
 */
public record Finding(Severity severity, String path, String rule, String section, String message) {

  /** Rejects nulls. */
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The prefix of the sections of interoperability-profile findings: the schema folder of the OASIS
   * repository.
   */
  public static final String INTEROP_SECTION_PREFIX = "interop/";

  /**
   * The prefix of the sections of rules of the OASIS Incident Extension Suite (incident-core 2.0),
   * e.g. {@code incident-suite/2.3.2}.
   */
  public static final String INCIDENT_SUITE_PREFIX = "incident-suite/";

  /**
   * Whether the rule comes from the STIX 2.1 interoperability profile rather than the
   * specification.
   */
  public boolean interop() {
    return section.startsWith(INTEROP_SECTION_PREFIX);
  }

  /**
   * Where the rule is stated, for humans: {@code STIX 2.1 section 3.2}, or for profile rules {@code
   * STIX 2.1 Interoperability, interop/indicator.json}.
   */
  public String citation() {
    if (section.startsWith(INCIDENT_SUITE_PREFIX)) {
      return "OASIS Incident Extension Suite section "
          + section.substring(INCIDENT_SUITE_PREFIX.length());
    }
    return interop() ? "STIX 2.1 Interoperability, " + section : "STIX 2.1 section " + section;
  }

  @Override
  public String toString() {
    return severity + " " + path + " [" + rule + ", " + citation() + "] " + message;
  }
}
