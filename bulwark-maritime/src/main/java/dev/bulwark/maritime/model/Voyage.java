package dev.bulwark.maritime.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A vessel's dimensions and voyage data as AIS carries them (type 5; type 24 part B and type 19
 * carry the dimensions only): the GNSS antenna's distances to bow, stern, port and starboard in
 * metres, the draught in decimetres, and the ETA as month, day, hour and minute UTC without a year.
 *
 * <p>Zero means "not available" for every distance and the draught; an ETA field at its "not
 * available" value (month 0, day 0, hour 24, minute 60) makes the whole ETA unknown. AIS caps bow
 * and stern at 511 m and port and starboard at 63 m ("that or more"). Immutable, thread-safe.
 *
 * @param toBow metres from the antenna to the bow, 0 when not given
 * @param toStern metres to the stern, 0 when not given
 * @param toPort metres to port, 0 when not given
 * @param toStarboard metres to starboard, 0 when not given
 * @param draughtDm maximum present static draught in decimetres, 0 when not given
 * @param etaMonth ETA month 1-12, 0 when not given
 * @param etaDay ETA day 1-31, 0 when not given
 * @param etaHour ETA hour 0-23, 24 when not given
 * @param etaMinute ETA minute 0-59, 60 when not given
 */
public record Voyage(
    int toBow,
    int toStern,
    int toPort,
    int toStarboard,
    int draughtDm,
    int etaMonth,
    int etaDay,
    int etaHour,
    int etaMinute) {

  /** Nothing reported. */
  public static final Voyage NONE = new Voyage(0, 0, 0, 0, 0, 0, 0, 24, 60);

  /** Dimensions only (type 19, type 24 part B): no draught, no ETA. */
  public static Voyage dimensions(int toBow, int toStern, int toPort, int toStarboard) {
    return new Voyage(toBow, toStern, toPort, toStarboard, 0, 0, 0, 24, 60);
  }

  public Voyage {
    toBow = clamp(toBow, 511);
    toStern = clamp(toStern, 511);
    toPort = clamp(toPort, 63);
    toStarboard = clamp(toStarboard, 63);
    draughtDm = clamp(draughtDm, 255);
  }

  private static int clamp(int v, int max) {
    return v < 0 ? 0 : Math.min(v, max);
  }

  /** Overall length in metres (bow + stern), 0 when either is not given. */
  public int lengthM() {
    return toBow == 0 || toStern == 0 ? 0 : toBow + toStern;
  }

  /** Beam in metres (port + starboard), 0 when either is not given. */
  public int beamM() {
    return toPort == 0 || toStarboard == 0 ? 0 : toPort + toStarboard;
  }

  /** Draught in metres, 0 when not given. */
  public double draughtM() {
    return draughtDm / 10.0;
  }

  /** Whether any dimension was given. */
  public boolean hasDimensions() {
    return lengthM() > 0 || beamM() > 0;
  }

  /** Whether the ETA is complete and a real date and time. */
  public boolean hasEta() {
    return etaMonth >= 1
        && etaMonth <= 12
        && etaDay >= 1
        && etaDay <= 31
        && etaHour >= 0
        && etaHour <= 23
        && etaMinute >= 0
        && etaMinute <= 59;
  }

  /**
   * The ETA as an instant: AIS gives no year, so the year is the one that puts it nearest after the
   * time it was reported (an ETA up to a month in the past is taken as late, not next year's).
   *
   * @param reportedMillis when the voyage data was received
   * @return the ETA, empty when not given or not a real date (30 February)
   */
  public Optional<Instant> eta(long reportedMillis) {
    if (!hasEta()) {
      return Optional.empty();
    }
    int year = LocalDateTime.ofEpochSecond(reportedMillis / 1000, 0, ZoneOffset.UTC).getYear();
    Instant reported = Instant.ofEpochMilli(reportedMillis);
    for (int y = year - 1; y <= year + 1; y++) {
      try {
        Instant t =
            LocalDateTime.of(y, etaMonth, etaDay, etaHour, etaMinute).toInstant(ZoneOffset.UTC);
        if (t.isAfter(reported.minusSeconds(31L * 24 * 3600))) {
          return Optional.of(t);
        }
      } catch (DateTimeException e) {
        // not a date in this year (29 February): try the next
      }
    }
    return Optional.empty();
  }

  /** This voyage with the other's values where this one has none (a partial report merged in). */
  public Voyage mergedOnto(Voyage old) {
    boolean dims = toBow != 0 || toStern != 0 || toPort != 0 || toStarboard != 0;
    boolean eta = hasEta();
    return new Voyage(
        dims ? toBow : old.toBow,
        dims ? toStern : old.toStern,
        dims ? toPort : old.toPort,
        dims ? toStarboard : old.toStarboard,
        draughtDm != 0 ? draughtDm : old.draughtDm,
        eta ? etaMonth : old.etaMonth,
        eta ? etaDay : old.etaDay,
        eta ? etaHour : old.etaHour,
        eta ? etaMinute : old.etaMinute);
  }
}
