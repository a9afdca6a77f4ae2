package dev.bulwark.readiness.declaration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The domain a declared unit serves in. Thread-safe (an enum). */
public enum Domain {
  LAND,
  MARITIME,
  AIR,
  CYBER,
  SPACE,
  SPECIAL_OPERATIONS;

  /** The name in files and JSON: lower case, e.g. {@code special_operations}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The domain named by {@code code} (case-insensitive; a hyphen or space reads as underscore). */
  public static Optional<Domain> parse(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(d -> d.name().equals(c)).findFirst();
  }
}
