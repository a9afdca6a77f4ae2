package dev.bulwark.support.ally;

/**
 * What the burden is shared in proportion to. The Washington summit pledge uses GDP; GNI is the
 * usual alternative. Thread-safe (an enum).
 */
public enum BurdenKey {
  GDP,
  GNI
}
