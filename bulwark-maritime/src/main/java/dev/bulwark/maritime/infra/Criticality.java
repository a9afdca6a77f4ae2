package dev.bulwark.maritime.infra;

import java.util.Locale;

/** How much damage to an asset matters; raises the severity of alerts on it. */
public enum Criticality {
  LOW,
  MEDIUM,
  HIGH;

  /**
   * Reads "low" / "medium" / "high" (or 1-3); anything else is HIGH, the safe default for an asset
   * someone mapped.
   */
  public static Criticality parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "low", "1" -> LOW;
      case "medium", "2" -> MEDIUM;
      default -> HIGH;
    };
  }
}
