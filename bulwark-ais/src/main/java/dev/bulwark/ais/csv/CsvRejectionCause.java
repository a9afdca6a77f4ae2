package dev.bulwark.ais.csv;

/** Why a CSV row did not become a position record. Immutable and thread-safe. */
public enum CsvRejectionCause {
  /** The row has fewer fields than the header, or a broken quote. */
  MALFORMED_ROW,
  /** The MMSI is missing or not a number. */
  BAD_MMSI,
  /** The time is missing or in no known format. */
  BAD_TIME,
  /**
   * Latitude/longitude missing, unparsable, or the "not available" 91/181 degrees, or out of range.
   */
  BAD_POSITION,
  /** Speed, course, heading or status present but unparsable. */
  BAD_FIELD
}
