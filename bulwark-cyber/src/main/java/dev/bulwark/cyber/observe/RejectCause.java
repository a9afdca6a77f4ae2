package dev.bulwark.cyber.observe;

import java.util.Locale;

/** Why a sensor line was skipped. Each cause is counted; none stops a read. Immutable. */
public enum RejectCause {
  /** Not parseable JSON (or a JSON value that is not an object). */
  NOT_JSON,
  /** Longer than the reader's line limit. */
  TOO_LONG,
  /** No timestamp, or one that cannot be read. */
  BAD_TIMESTAMP,
  /** An IP address that is neither IPv4 nor IPv6. */
  BAD_ADDRESS,
  /** A port outside 0..65535, or a count that is negative or not a number. */
  BAD_NUMBER,
  /** An event type (EVE {@code event_type}, Zeek {@code _path}) this reader does not map. */
  UNSUPPORTED_TYPE,
  /** A known event type without any observable in it (no address, name, hash...). */
  NO_OBSERVABLE,
  /** A Zeek TSV row before its {@code #fields} header, or with another number of columns. */
  BAD_TSV_ROW,
  /** A STIX bundle or object that is not valid observed-data with resolvable refs. */
  BAD_STIX;

  /** The snake_case name used in summaries and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
