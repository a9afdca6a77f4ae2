package dev.bulwark.maritime.alert;

import java.util.Locale;

/** The closed family of things the detection engine alerts on; one detector raises each kind. */
public enum AlertKind {
  /**
   * Sustained slow speed, speed drop and course anomalies while crossing or following a corridor.
   */
  ANCHOR_DRAG,
  /** Average speed below 2 kn inside a corridor for a long time. */
  LOITERING,
  /**
   * AIS silence starting or ending near infrastructure, or reappearing far from where predicted.
   */
  GOING_DARK,
  /** Impossible movement: implied speed, jumps, one MMSI in two places. */
  SPOOFING,
  /** Two vessels within 500 m at under 2 kn, away from ports. */
  ENCOUNTER,
  /** A watch-listed vessel inside a corridor or protected area. */
  WATCHLIST,
  /** Name, call sign, IMO, MMSI or flag changed near infrastructure. */
  IDENTITY_CHANGE,
  /** Drifting or not under command: slow, heading and course apart; a hazard, not sabotage. */
  DRIFTING;

  /** Lower-case, dash-separated name for output ("anchor-drag"). */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
