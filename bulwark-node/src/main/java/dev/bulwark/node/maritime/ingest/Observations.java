package dev.bulwark.node.maritime.ingest;

import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.VesselObservation;

/** Copies of observations moved in time, for replays. Stateless; thread-safe. */
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
        s.mmsi(),
        timeMillis,
        s.imo(),
        s.name(),
        s.callSign(),
        s.shipType(),
        s.destination(),
        s.voyage());
  }
}
