package dev.bulwark.node.exchange;

import dev.bulwark.stix.StixObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * An object ready to be stored: the fields the store indexes, taken once from a validated STIX object.
 * Immutable.
 */
public record NewObject(
    String objectId,
    String type,
    String version,
    long versionMicros,
    String specVersion,
    List<String> markingRefs,
    String json) {

  public NewObject {
    Objects.requireNonNull(objectId, "objectId");
    markingRefs = List.copyOf(markingRefs);
  }

  /**
   * The store's view of a STIX object. The version is {@code modified}, else {@code created}, else empty
   * (unversioned cyber observables, whose deterministic identifiers already say what they are).
   *
   * @throws IllegalArgumentException when the version timestamp is not RFC 3339 (validation rejects
   *     such objects before they get here)
   */
  public static NewObject from(StixObject object) {
    String version = object.modified().or(object::created).orElse("");
    return new NewObject(
        object.id(),
        object.type(),
        version,
        version.isEmpty() ? 0L : micros(version),
        object.specVersion().orElse("2.1"),
        object.objectMarkingRefs(),
        object.toJson());
  }

  /** Microseconds since the epoch of an RFC 3339 timestamp. */
  public static long micros(String timestamp) {
    try {
      Instant instant = Instant.parse(timestamp);
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("not an RFC 3339 timestamp: " + timestamp, e);
    }
  }
}
