package dev.bulwark.support.contribution;

/**
 * The capability coalitions of the Ukraine Defense Contact Group, which group requirements, offers
 * and contributions. Thread-safe (an enum).
 */
public enum Coalition {
  AIR_FORCE,
  AIR_AND_MISSILE_DEFENCE,
  ARTILLERY,
  ARMOUR,
  DRONES,
  MARITIME,
  DEMINING,
  IT
}
