package dev.bulwark.maritime.ingest;

import dev.bulwark.ais.AisMessage;
import dev.bulwark.ais.DecodedMessage;
import dev.bulwark.ais.ExtendedPositionReportClassB;
import dev.bulwark.ais.PositionRecord;
import dev.bulwark.ais.PositionReportClassA;
import dev.bulwark.ais.PositionReportClassB;
import dev.bulwark.ais.StaticDataReportA;
import dev.bulwark.ais.StaticDataReportB;
import dev.bulwark.ais.StaticVoyageData;
import dev.bulwark.ais.TimedMessageSink;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.model.Voyage;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns what {@code bulwark-ais} decodes into the engine's observations: position reports from
 * types 1-3, 18 and 19, static data from types 5, 19 and 24 (parts A and B; dimensions from 5, 19
 * and 24 B, draught and ETA from 5), and CSV {@link PositionRecord}s. Messages without a receive
 * time cannot be placed on a track and are counted as untimed; messages of other types are ignored.
 * Not thread-safe (it counts).
 */
public final class AisAdapter {

  private long untimed;
  private long noPosition;

  /** Emits the observations carried by one decoded message (zero, one or two). */
  public void accept(DecodedMessage d, Consumer<VesselObservation> out) {
    Optional<Instant> at = d.receivedAt();
    accept(d.message(), at.isEmpty() ? TimedMessageSink.NO_TIME : at.get().toEpochMilli(), out);
  }

  /**
   * Emits the observations carried by one decoded message received at {@code t} (epoch
   * milliseconds, {@link TimedMessageSink#NO_TIME} when unknown): the per-message path of {@link
   * NmeaFeed}, with no envelope.
   */
  public void accept(AisMessage m, long t, Consumer<VesselObservation> out) {
    if (t == TimedMessageSink.NO_TIME) {
      untimed++;
      return;
    }
    if (m instanceof PositionReportClassA a) {
      if (a.hasPosition()) {
        out.accept(
            new PositionReport(
                a.mmsi(),
                t,
                a.lat() / 600_000.0,
                a.lon() / 600_000.0,
                sog(a.speed()),
                cog(a.course()),
                a.heading(),
                a.status(),
                false));
      } else {
        noPosition++;
      }
    } else if (m instanceof PositionReportClassB b) {
      if (b.hasPosition()) {
        out.accept(
            new PositionReport(
                b.mmsi(),
                t,
                b.lat() / 600_000.0,
                b.lon() / 600_000.0,
                sog(b.speed()),
                cog(b.course()),
                b.heading(),
                PositionReport.STATUS_UNKNOWN,
                true));
      } else {
        noPosition++;
      }
    } else {
      acceptStatic(m, t, out);
    }
  }

  /** Static and voyage data: types 5, 19 (its static part) and 24 A and B. */
  private static void acceptStatic(AisMessage m, long t, Consumer<VesselObservation> out) {
    if (m instanceof StaticVoyageData s) {
      out.accept(
          new StaticReport(
              s.mmsi(),
              t,
              s.imo(),
              s.shipname(),
              s.callsign(),
              s.shiptype(),
              s.destination(),
              new Voyage(
                  s.toBow(),
                  s.toStern(),
                  s.toPort(),
                  s.toStarboard(),
                  s.draught(),
                  s.month(),
                  s.day(),
                  s.hour(),
                  s.minute())));
    } else if (m instanceof ExtendedPositionReportClassB b) {
      if (b.hasPosition()) {
        out.accept(
            new PositionReport(
                b.mmsi(),
                t,
                b.lat() / 600_000.0,
                b.lon() / 600_000.0,
                sog(b.speed()),
                cog(b.course()),
                b.heading(),
                PositionReport.STATUS_UNKNOWN,
                true));
      }
      out.accept(
          new StaticReport(
              b.mmsi(),
              t,
              0,
              b.shipname(),
              "",
              b.shiptype(),
              "",
              Voyage.dimensions(b.toBow(), b.toStern(), b.toPort(), b.toStarboard())));
    } else if (m instanceof StaticDataReportA s) {
      out.accept(new StaticReport(s.mmsi(), t, 0, s.shipname(), "", 0, ""));
    } else if (m instanceof StaticDataReportB s) {
      out.accept(
          new StaticReport(
              s.mmsi(),
              t,
              0,
              "",
              s.callsign(),
              s.shiptype(),
              "",
              Voyage.dimensions(s.toBow(), s.toStern(), s.toPort(), s.toStarboard())));
    }
  }

  /** The observation of a CSV position row (empty when it has no time). */
  public Optional<VesselObservation> of(PositionRecord r) {
    if (r.time().isEmpty()) {
      untimed++;
      return Optional.empty();
    }
    return Optional.of(
        new PositionReport(
            r.mmsi(),
            r.time().get().toEpochMilli(),
            r.latitude(),
            r.longitude(),
            r.speedKnots().orElse(Double.NaN),
            r.courseDegrees().orElse(Double.NaN),
            r.headingDegrees().orElse(-1),
            r.navStatus().orElse(PositionReport.STATUS_UNKNOWN),
            false));
  }

  private static double sog(int raw) {
    return raw >= 1023 ? Double.NaN : raw / 10.0;
  }

  private static double cog(int raw) {
    return raw >= 3600 ? Double.NaN : raw / 10.0;
  }

  /** Messages dropped because no receive time was known. */
  public long untimed() {
    return untimed;
  }

  /** Position reports whose position was "not available". */
  public long noPosition() {
    return noPosition;
  }
}
