package dev.bulwark.maritime.alert;

import java.util.Locale;

/** How urgently a watch officer should look. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
