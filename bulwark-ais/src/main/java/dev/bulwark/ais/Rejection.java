package dev.bulwark.ais;

import java.util.Locale;

/**
 * A rejected input, for error reports: what went wrong and where. Immutable and thread-safe.
 *
 * @param cause why it was rejected
 * @param line the 1-based line number of the decoder's input where it was detected
 * @param text the offending line (at most 200 characters) or a description of the group
 */
public record Rejection(RejectionCause cause, long line, String text) {

  /** A one-line, human-readable message. */
  public String describe() {
    return "line "
        + line
        + ": "
        + cause.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ": "
        + text;
  }
}
