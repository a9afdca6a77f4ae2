package dev.bulwark.stix.markings;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who wants to read an object: an authenticated principal's nation (ISO 3166-1 alpha-3, as held by
 * the node for that principal or peer) and, when known, the STIX identity of the principal (needed
 * for TLP:RED). An empty nation means an anonymous reader (e.g. the public report endpoints), which
 * may only read TLP:CLEAR. Immutable and thread-safe.
 *
 * @param nation the reader's nation, upper-cased; {@code ""} for anonymous
 * @param identityId the reader's STIX identity id, if any
 */
public record Reader(String nation, Optional<String> identityId) {

  /** Normalises the nation to upper case. */
  public Reader {
    Objects.requireNonNull(nation, "nation");
    Objects.requireNonNull(identityId, "identityId");
    nation = nation.toUpperCase(Locale.ROOT);
  }

  /**
   * An authenticated reader without a STIX identity.
   *
   * @param nation ISO 3166-1 alpha-3 code
   * @return the reader
   */
  public static Reader of(String nation) {
    return new Reader(nation, Optional.empty());
  }

  /** The anonymous public reader. */
  public static Reader anonymous() {
    return new Reader("", Optional.empty());
  }

  /** Whether the reader is authenticated (has a nation). */
  public boolean authenticated() {
    return !nation.isEmpty();
  }
}
