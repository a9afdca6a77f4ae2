package dev.bulwark.stix.validation;

/** How bad a finding is. Immutable and thread-safe. */
public enum Severity {
  /** Breaks a MUST of the specification: the object is invalid. */
  ERROR,
  /**
   * Breaks a SHOULD, or uses a value outside an open vocabulary: the object is valid but
   * suspicious.
   */
  WARNING
}
