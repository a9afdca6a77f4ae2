package dev.bulwark.maritime.model;

/**
 * What the detection engine learns about a vessel from one AIS message (or one row of a decoded
 * export): either where it is ({@link PositionReport}) or who it says it is ({@link StaticReport});
 * a looping replay adds a {@link SessionStart} per vessel at the wrap. The engine's only input
 * type, so that NMEA, CSV and scenario sources all feed it the same way. Immutable values,
 * thread-safe.
 */
public sealed interface VesselObservation permits PositionReport, StaticReport, SessionStart {

  /** The Maritime Mobile Service Identity the message was sent under. */
  int mmsi();

  /** Track time of the observation, epoch milliseconds UTC (receiver time when known). */
  long timeMillis();
}
