package dev.bulwark.readiness.declaration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a declaration has been checked, from a plain declaration to a snap inspection. Exercised
 * and snap-inspected units are <em>verified</em>. Thread-safe (an enum).
 */
public enum Status {
  DECLARED,
  OFFERED,
  CERTIFIED,
  EXERCISED,
  SNAP_INSPECTED;

  /** The name in files and JSON, e.g. {@code snap-inspected}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the unit has shown its readiness in an exercise or a snap inspection. */
  public boolean verified() {
    return this == EXERCISED || this == SNAP_INSPECTED;
  }

  /** The status named by {@code code} (case-insensitive; underscore or hyphen). */
  public static Optional<Status> parse(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(s -> s.name().equals(c)).findFirst();
  }
}
