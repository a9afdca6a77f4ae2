package dev.bulwark.incidents.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The register's lifecycle states, in order. Each maps to the OASIS {@code
 * incident-investigation-ov} value an ally without the Bulwark extension reads.
 */
public enum Status {
  REPORTED("reported", "new"),
  ASSESSED("assessed", "open"),
  ATTRIBUTED("attributed", "open"),
  RESPONDED("responded", "open"),
  CLOSED("closed", "closed");

  private final String slug;
  private final String investigationStatus;

  Status(String slug, String investigationStatus) {
    this.slug = slug;
    this.investigationStatus = investigationStatus;
  }

  /** The value as written in STIX and JSON. */
  public String slug() {
    return slug;
  }

  /** The incident-core {@code investigation_status} for this state. */
  public String investigationStatus() {
    return investigationStatus;
  }

  /** The state for a value, if it is one. */
  public static Optional<Status> ofSlug(String s) {
    return Arrays.stream(values()).filter(v -> v.slug.equals(s)).findFirst();
  }
}
