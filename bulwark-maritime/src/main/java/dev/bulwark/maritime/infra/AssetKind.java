package dev.bulwark.maritime.infra;

import java.util.Locale;

/**
 * What an infrastructure feature is, from its GeoJSON {@code kind} property. Anchorages and ports
 * are not assets to protect but areas where stopping is normal; detectors do not alert inside them.
 */
public enum AssetKind {
  POWER_CABLE,
  TELECOM_CABLE,
  PIPELINE,
  /** A protected or restricted area (wind farm, platform zone, exercise area). */
  AREA,
  /** A known anchorage: slow and stopped vessels are normal there. */
  ANCHORAGE,
  /** A port or harbour area: slow and stopped vessels are normal there. */
  PORT,
  OTHER;

  /**
   * Reads the kind property ("power-cable", "telecom-cable", "gas-pipeline", "oil-pipeline",
   * "area", ...).
   */
  public static AssetKind parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    if (k.contains("anchorage")) {
      return ANCHORAGE;
    }
    if (k.equals("port") || k.contains("harbour") || k.contains("harbor")) {
      return PORT;
    }
    if (k.contains("pipeline")) {
      return PIPELINE;
    }
    if (k.contains("telecom")
        || k.contains("fibre")
        || k.contains("fiber")
        || k.contains("communication")) {
      return TELECOM_CABLE;
    }
    if (k.contains("cable") || k.contains("power")) {
      return POWER_CABLE;
    }
    if (k.contains("area") || k.contains("zone") || k.contains("wind") || k.contains("platform")) {
      return AREA;
    }
    return OTHER;
  }

  /** Whether stopping or slow movement is expected here (alerts are suppressed). */
  public boolean isSafeHaven() {
    return this == ANCHORAGE || this == PORT;
  }
}
