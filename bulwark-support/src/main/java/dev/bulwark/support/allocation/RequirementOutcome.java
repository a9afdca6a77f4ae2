package dev.bulwark.support.allocation;

import java.util.List;

/**
 * How a requirement came out: what filled it, what remains short and why. Immutable and
 * thread-safe.
 */
public record RequirementOutcome(
    Requirement requirement,
    double filledUnits,
    double shortfallUnits,
    double shortfallValueEur,
    List<Assignment> fills,
    String explanation) {
  public RequirementOutcome {
    fills = List.copyOf(fills);
  }
}
