package dev.bulwark.support.contribution;

/** Through whom support is provided. Thread-safe (an enum). */
public enum Channel {
  NATO,
  BILATERAL,
  MULTILATERAL,
  OTHER
}
