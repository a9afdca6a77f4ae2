package dev.bulwark.node.maritime.alerts;

import java.util.Locale;
import java.util.Optional;

/** How an analyst closes an alert. */
public enum Disposition {
  TRUE_THREAT,
  BENIGN,
  FALSE_ALARM;

  /** "true-threat", "benign", "false-alarm". */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads a slug (or the enum name), case-insensitively. */
  public static Optional<Disposition> parse(String s) {
    String k = s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Disposition d : values()) {
      if (d.name().equals(k)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
