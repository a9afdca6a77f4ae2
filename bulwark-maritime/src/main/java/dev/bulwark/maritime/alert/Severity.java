package dev.bulwark.maritime.alert;

/** How urgently a watch officer should look. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
