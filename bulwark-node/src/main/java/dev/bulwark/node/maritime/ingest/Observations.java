package dev.bulwark.node.maritime.ingest;

import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.VesselObservation;

/** Copies of observations moved in time or in direction, for replays. Stateless; thread-safe. */
final class Observations {
  private Observations() {}

  /** The same observation at another time. */
  static VesselObservation at(VesselObservation o, long timeMillis) {
    if (o instanceof PositionReport p) {
      return new PositionReport(
          p.mmsi(),
          timeMillis,
          p.lat(),
          p.lon(),
          p.sogKn(),
          p.cogDeg(),
          p.headingDeg(),
          p.navStatus(),
          p.classB());
    }
    if (o instanceof SessionStart ss) {
      return new SessionStart(ss.mmsi(), timeMillis);
    }
    StaticReport s = (StaticReport) o;
    return new StaticReport(
        s.mmsi(), timeMillis, s.imo(), s.name(), s.callSign(), s.shipType(), s.destination());
  }

  /**
   * The observation of a ship sailing its track backwards: same place, course and heading turned
   * round, so that a capture played in reverse still moves the way its reports say.
   */
  static VesselObservation reversedAt(VesselObservation o, long timeMillis) {
    if (o instanceof PositionReport p) {
      double cog = p.hasCog() ? (p.cogDeg() + 180) % 360 : Double.NaN;
      int heading = p.hasHeading() ? (p.headingDeg() + 180) % 360 : -1;
      return new PositionReport(
          p.mmsi(),
          timeMillis,
          p.lat(),
          p.lon(),
          p.sogKn(),
          cog,
          heading,
          p.navStatus(),
          p.classB());
    }
    return at(o, timeMillis);
  }
}
