package dev.bulwark.maritime.model;

/**
 * A vessel's reported position and motion at one instant (AIS types 1-3, 18, 19, 27, or a CSV row).
 *
 * <p>Unavailable values are encoded without nulls and without boxing, so that the hot path stays
 * allocation-light: speed and course are {@code NaN}, heading is {@code -1}, navigational status is
 * {@link #STATUS_UNKNOWN}. Immutable, thread-safe.
 *
 * @param mmsi sender's MMSI
 * @param timeMillis epoch milliseconds UTC
 * @param lat latitude, degrees (-90..90)
 * @param lon longitude, degrees (-180..180)
 * @param sogKn speed over ground in knots, or NaN
 * @param cogDeg course over ground in degrees [0, 360), or NaN
 * @param headingDeg true heading in whole degrees [0, 359], or -1
 * @param navStatus AIS navigational status 0-15 (15 = not defined)
 * @param classB whether it came from a Class B transponder (reports less often)
 */
public record PositionReport(
    int mmsi,
    long timeMillis,
    double lat,
    double lon,
    double sogKn,
    double cogDeg,
    int headingDeg,
    int navStatus,
    boolean classB)
    implements VesselObservation {

  /** Status 0: under way using engine. */
  public static final int STATUS_UNDER_WAY = 0;

  /** Status 1: at anchor. */
  public static final int STATUS_AT_ANCHOR = 1;

  /** Status 2: not under command. */
  public static final int STATUS_NOT_UNDER_COMMAND = 2;

  /** Status 3: restricted manoeuvrability (cable layers and survey ships at work report it). */
  public static final int STATUS_RESTRICTED = 3;

  /** Status 5: moored. */
  public static final int STATUS_MOORED = 5;

  /** Status 6: aground. */
  public static final int STATUS_AGROUND = 6;

  /** Status 7: engaged in fishing. */
  public static final int STATUS_FISHING = 7;

  /** Status 15: not defined (the default). */
  public static final int STATUS_UNKNOWN = 15;

  public PositionReport {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("position out of range: " + lat + ", " + lon);
    }
    if (navStatus < 0 || navStatus > 15) {
      navStatus = STATUS_UNKNOWN;
    }
    if (headingDeg < 0 || headingDeg > 359) {
      headingDeg = -1;
    }
    if (!(sogKn >= 0 && sogKn < 102.3)) {
      sogKn = Double.NaN;
    }
    if (!(cogDeg >= 0 && cogDeg < 360)) {
      cogDeg = Double.NaN;
    }
  }

  /** A report with only what a decoded CSV export usually carries. */
  public static PositionReport of(
      int mmsi, long timeMillis, double lat, double lon, double sogKn, double cogDeg) {
    return new PositionReport(mmsi, timeMillis, lat, lon, sogKn, cogDeg, -1, STATUS_UNKNOWN, false);
  }

  public boolean hasSog() {
    return !Double.isNaN(sogKn);
  }

  public boolean hasCog() {
    return !Double.isNaN(cogDeg);
  }

  public boolean hasHeading() {
    return headingDeg >= 0;
  }
}
