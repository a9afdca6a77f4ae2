package dev.bulwark.stix.validation;

import java.util.List;

/**
 * All findings for one object. Immutable and thread-safe.
 *
 * @param findings errors and warnings, in the order found
 */
public record ValidationResult(List<Finding> findings) {

  /** Copies the list. */
  public ValidationResult {
    findings = List.copyOf(findings);
  }

  /** Whether there is no error (warnings allowed). */
  public boolean valid() {
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return false;
      }
    }
    return true;
  }

  /** The errors only. */
  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /** The warnings only. */
  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }
}
