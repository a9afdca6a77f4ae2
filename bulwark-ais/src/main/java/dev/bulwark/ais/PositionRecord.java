package dev.bulwark.ais;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One vessel position, whatever it came from: a decoded position report (types 1-3, 18, 19, 27; see
 * {@link #from(DecodedMessage)}) or a row of a CSV export (see {@code dev.bulwark.ais.csv}). Track
 * building and detectors consume this one shape. Immutable and thread-safe.
 *
 * @param mmsi the vessel's MMSI
 * @param time when the position was received/observed; empty when unknown
 * @param latitude degrees, -90..90
 * @param longitude degrees, -180..180
 * @param speedKnots speed over ground, empty when not available
 * @param courseDegrees course over ground, empty when not available
 * @param headingDegrees true heading, empty when not available
 * @param navStatus ITU navigational status 0..15 (15 = not defined), empty when the report has none
 *     (Class B, CSV without status)
 * @param source where it came from (tag-block source, file or feed name)
 */
public record PositionRecord(
    int mmsi,
    Optional<Instant> time,
    double latitude,
    double longitude,
    OptionalDouble speedKnots,
    OptionalDouble courseDegrees,
    OptionalInt headingDegrees,
    OptionalInt navStatus,
    String source) {

  /** Checks the invariants. */
  public PositionRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(speedKnots, "speedKnots");
    Objects.requireNonNull(courseDegrees, "courseDegrees");
    Objects.requireNonNull(headingDegrees, "headingDegrees");
    Objects.requireNonNull(navStatus, "navStatus");
    Objects.requireNonNull(source, "source");
    if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("position out of range: " + latitude + ", " + longitude);
    }
  }

  /**
   * The position carried by a decoded message: types 1-3 (Class A), 18 and 19 (Class B) and 27
   * (long range) with an available position; empty for every other message.
   */
  public static Optional<PositionRecord> from(DecodedMessage d) {
    AisMessage m = d.message();
    if (m instanceof PositionReportClassA a && a.hasPosition()) {
      return Optional.of(
          new PositionRecord(
              a.mmsi(),
              d.receivedAt(),
              a.lat() / 600_000.0,
              a.lon() / 600_000.0,
              a.speedKnots(),
              a.courseDegrees(),
              a.headingDegrees(),
              OptionalInt.of(a.status()),
              d.source()));
    }
    if (m instanceof PositionReportClassB b && b.hasPosition()) {
      return Optional.of(
          new PositionRecord(
              b.mmsi(),
              d.receivedAt(),
              b.lat() / 600_000.0,
              b.lon() / 600_000.0,
              b.speedKnots(),
              b.courseDegrees(),
              b.headingDegrees(),
              OptionalInt.empty(),
              d.source()));
    }
    if (m instanceof ExtendedPositionReportClassB b && b.hasPosition()) {
      return Optional.of(
          new PositionRecord(
              b.mmsi(),
              d.receivedAt(),
              b.lat() / 600_000.0,
              b.lon() / 600_000.0,
              b.speedKnots(),
              b.courseDegrees(),
              b.headingDegrees(),
              OptionalInt.empty(),
              d.source()));
    }
    if (m instanceof LongRangePositionReport l && l.hasPosition()) {
      return Optional.of(
          new PositionRecord(
              l.mmsi(),
              d.receivedAt(),
              l.lat() / 600.0,
              l.lon() / 600.0,
              l.speedKnots(),
              l.courseDegrees(),
              OptionalInt.empty(),
              OptionalInt.of(l.status()),
              d.source()));
    }
    return Optional.empty();
  }
}
