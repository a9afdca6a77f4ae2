package dev.bulwark.maritime;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.engine.EngineConfig;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.AssetKind;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A small test sea at 60 N: one north-south cable "Test Cable" along 25 E (corridor 3 km, i.e. 1.5
 * km each side), and hand-made voyages across it, fed through a real engine.
 */
public final class Sea {

  public static final double CABLE_LON = 25.0;
  public static final long T0 = 1_735_113_600_000L; // 2024-12-25T08:00:00Z
  public static final long MIN = 60_000L;
  private static final GeometryFactory GF = new GeometryFactory();

  private Sea() {}

  public static Asset cable() {
    return new Asset(
        "test-cable",
        "Test Cable",
        AssetKind.POWER_CABLE,
        3000,
        Criticality.HIGH,
        GF.createLineString(
            new Coordinate[] {new Coordinate(CABLE_LON, 59.5), new Coordinate(CABLE_LON, 60.5)}),
        Map.of());
  }

  public static InfrastructureLayer layer(Asset... extra) {
    List<Asset> all = new ArrayList<>(List.of(cable()));
    all.addAll(List.of(extra));
    return new InfrastructureLayer(all);
  }

  /** Longitude that is {@code metres} east of the cable at 60 N. */
  public static double eastOfCable(double metres) {
    return CABLE_LON + metres / Geo.mPerDegLon(60.0);
  }

  /** Runs observations (sorted by time) through an engine with every default detector. */
  public static List<Alert> run(List<? extends VesselObservation> obs) {
    return run(obs, VesselList.empty(), VesselList.empty());
  }

  public static List<Alert> run(
      List<? extends VesselObservation> obs, VesselList watch, VesselList working) {
    MaritimeEngine e = engine(watch, working);
    List<VesselObservation> sorted = new ArrayList<>(obs);
    sorted.sort(Comparator.comparingLong(VesselObservation::timeMillis));
    sorted.forEach(e::accept);
    e.finish();
    return e.alerts();
  }

  public static MaritimeEngine engine(VesselList watch, VesselList working) {
    return new MaritimeEngine(
        EngineConfig.DEFAULT,
        layer(),
        watch,
        working,
        MaritimeEngine.defaultDetectors(),
        (a, c) -> {});
  }

  public static List<Alert> of(List<Alert> alerts, AlertKind kind) {
    return alerts.stream().filter(a -> a.kind() == kind).collect(Collectors.toList());
  }

  public static StaticReport identity(int mmsi, long t, int imo, String name, int shipType) {
    return new StaticReport(mmsi, t, imo, name, "CALL" + (mmsi % 1000), shipType, "");
  }

  /**
   * A voyage made of legs; each leg holds speed, course and status, reporting every {@code
   * everyMs}.
   */
  public static final class Voyage {
    private final int mmsi;
    private long t;
    private double lat;
    private double lon;
    private final List<PositionReport> reports = new ArrayList<>();

    public Voyage(int mmsi, long start, double lat, double lon) {
      this.mmsi = mmsi;
      this.t = start;
      this.lat = lat;
      this.lon = lon;
    }

    public Voyage leg(long durationMs, double sogKn, double cogDeg, long everyMs) {
      return leg(durationMs, sogKn, cogDeg, cogDeg, 0, everyMs, true);
    }

    /**
     * A leg; {@code headingDeg} may differ from the course (drift); {@code transmit} false = AIS
     * off.
     */
    public Voyage leg(
        long durationMs,
        double sogKn,
        double cogDeg,
        double headingDeg,
        int status,
        long everyMs,
        boolean transmit) {
      long end = t + durationMs;
      while (t < end) {
        long dt = Math.min(everyMs, end - t);
        double[] next = Geo.destination(lat, lon, cogDeg, sogKn * Geo.MPS_PER_KNOT * dt / 1000.0);
        lat = next[0];
        lon = next[1];
        t += dt;
        if (transmit) {
          reports.add(
              new PositionReport(
                  mmsi,
                  t,
                  lat,
                  lon,
                  sogKn,
                  cogDeg,
                  (int) Math.round(Geo.normalizeDeg(headingDeg)) % 360,
                  status,
                  false));
        }
      }
      return this;
    }

    /** Jumps to a position (for teleports and hand placement), no report. */
    public Voyage at(double newLat, double newLon) {
      lat = newLat;
      lon = newLon;
      return this;
    }

    public List<PositionReport> reports() {
      return reports;
    }

    public long time() {
      return t;
    }

    public double lat() {
      return lat;
    }

    public double lon() {
      return lon;
    }
  }
}
