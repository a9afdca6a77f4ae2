package dev.bulwark.cyber.sensor;

import java.util.Locale;

/** The sensor formats the readers understand. Immutable. */
public enum SensorFormat {
  /** Suricata EVE JSON, one event per line. */
  EVE,
  /** Zeek logs: JSON lines or the TSV writer's format (detected per stream). */
  ZEEK,
  /** STIX 2.1 observed-data: a bundle, a list, or one object per line. */
  STIX;

  /** Parses {@code eve}, {@code zeek} or {@code stix}, case-insensitively. */
  public static SensorFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown sensor format '" + name + "' (expected stix, eve or zeek)", e);
    }
  }

  /** The lower-case name used on the command line and in the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
