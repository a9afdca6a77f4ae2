package dev.bulwark.maritime.eval;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.detect.VesselState;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.AssetKind;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.ObservationFiles;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The early warning of anchor drag on long real tracks: how often it fires on real ships that had
 * the history it needs. The warning looks at a ship only after {@link #HISTORY_MILLIS} of track, so
 * the 5-minute capture says nothing about it; this counts only the real tracks longer than that
 * (the Solent's 84 minutes and the Kattegat's 2.5 hours), in <em>eligible</em> vessel-hours: each
 * vessel's observed time beyond its first {@link #HISTORY_MILLIS}.
 *
 * <p>Two layers: the real one (the Baltic layer has no asset near the Solent, so there the warning
 * can only stay silent), and a worst case, {@link #everywhere}: a cable every {@link #GRID_DEG}
 * degrees of latitude and longitude over the capture, so that every ship's course leads to one
 * within reach and only the speed and course signature decides. With no port areas on that grid
 * either, this over-counts: an upper bound of the false-alarm rate, not an estimate. Stateless.
 */
public final class LongTracks {

  /** History the warning needs before it looks at a ship (its cruise look-back). */
  public static final long HISTORY_MILLIS = 20 * 60_000L;

  /** Spacing of the worst-case cable grid, degrees (about 5.6 km of latitude). */
  public static final double GRID_DEG = 0.05;

  /** The real captures with tracks longer than the warning's history. */
  public static final List<String> CAPTURES =
      List.of("solent_2016-01-12.csv.gz", "dma_538004030_drift.nmea.gz");

  private LongTracks() {}

  /**
   * One capture on one layer.
   *
   * @param capture the file
   * @param layer "real" or "everywhere"
   * @param longVessels vessels observed longer than the warning's history
   * @param eligibleHours their observed hours beyond the history
   * @param warnings early-warning anchor-drag episodes on them
   * @param high of which high (escalated on entering a corridor, by the warning or by the
   *     in-corridor detector whose episode it shares)
   * @param alerts the warnings, for inspection
   */
  public record Row(
      String capture,
      String layer,
      int longVessels,
      double eligibleHours,
      int warnings,
      int high,
      List<Alert> alerts) {

    /** Warnings per 1,000 eligible vessel-hours. */
    public double perThousandHours() {
      return eligibleHours == 0 ? 0 : warnings * 1000.0 / eligibleHours;
    }
  }

  /** Every long capture on the given real layer and on the worst-case grid. */
  public static List<Row> run(InfrastructureLayer realLayer) {
    List<Row> rows = new ArrayList<>();
    for (String capture : CAPTURES) {
      List<VesselObservation> obs =
          ObservationFiles.resource("/dev/bulwark/maritime/ais/" + capture).observations();
      rows.add(run(capture, "real", obs, realLayer));
      rows.add(run(capture, "everywhere", obs, everywhere(obs)));
    }
    return rows;
  }

  static Row run(
      String capture, String layerName, List<VesselObservation> obs, InfrastructureLayer layer) {
    long end = obs.stream().mapToLong(VesselObservation::timeMillis).max().orElse(0);
    MaritimeEngine engine = MaritimeEngine.withDefaults(layer, (a, c) -> {});
    obs.forEach(engine::accept);
    int longVessels = 0;
    double hours = 0;
    for (VesselState v : engine.vessels()) {
      if (v.hasPosition() && v.observedMillis() > HISTORY_MILLIS) {
        longVessels++;
        hours += (v.observedMillis() - HISTORY_MILLIS) / 3_600_000.0;
      }
    }
    engine.finish();
    List<Alert> warnings =
        engine.alerts().stream()
            .filter(a -> a.kind() == AlertKind.ANCHOR_DRAG)
            .filter(a -> a.evidence().parameters().containsKey("predicted_asset"))
            .filter(a -> a.raised().toEpochMilli() <= end)
            .toList();
    int high = (int) warnings.stream().filter(a -> a.severity() == Severity.HIGH).count();
    return new Row(capture, layerName, longVessels, hours, warnings.size(), high, warnings);
  }

  /**
   * The worst case: cables along every {@link #GRID_DEG} parallel and meridian over the
   * observations' extent (plus a margin of 1°), 1 km corridors, high criticality.
   */
  public static InfrastructureLayer everywhere(List<VesselObservation> obs) {
    double minLat = 90;
    double maxLat = -90;
    double minLon = 180;
    double maxLon = -180;
    for (VesselObservation o : obs) {
      if (o instanceof PositionReport p) {
        minLat = Math.min(minLat, p.lat());
        maxLat = Math.max(maxLat, p.lat());
        minLon = Math.min(minLon, p.lon());
        maxLon = Math.max(maxLon, p.lon());
      }
    }
    double la0 = Math.floor(minLat) - 1;
    double la1 = Math.ceil(maxLat) + 1;
    double lo0 = Math.floor(minLon) - 1;
    double lo1 = Math.ceil(maxLon) + 1;
    GeometryFactory gf = new GeometryFactory();
    List<Asset> assets = new ArrayList<>();
    int n = 0;
    for (double lat = la0; lat <= la1; lat += GRID_DEG) {
      assets.add(cable(gf, n++, new Coordinate(lo0, lat), new Coordinate(lo1, lat)));
    }
    for (double lon = lo0; lon <= lo1; lon += GRID_DEG) {
      assets.add(cable(gf, n++, new Coordinate(lon, la0), new Coordinate(lon, la1)));
    }
    return new InfrastructureLayer(assets);
  }

  private static Asset cable(GeometryFactory gf, int n, Coordinate a, Coordinate b) {
    return new Asset(
        "grid-" + n,
        "Grid cable " + n,
        AssetKind.TELECOM_CABLE,
        1000,
        Criticality.HIGH,
        gf.createLineString(new Coordinate[] {a, b}),
        Map.of());
  }

  /** The rows as a text table, then each warning. */
  public static String format(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%nEarly warning on long real tracks (vessels observed > %d min; eligible hours ="
                + " observed time beyond the first %d min):%n",
            HISTORY_MILLIS / 60_000,
            HISTORY_MILLIS / 60_000));
    b.append(
        String.format(
            Locale.ROOT,
            "%-28s %-11s %8s %10s %9s %5s %14s%n",
            "capture",
            "layer",
            "vessels",
            "eligible h",
            "warnings",
            "high",
            "per 1000 h"));
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-28s %-11s %8d %10.1f %9d %5d %14.1f%n",
              r.capture(),
              r.layer(),
              r.longVessels(),
              r.eligibleHours(),
              r.warnings(),
              r.high(),
              r.perThousandHours()));
    }
    for (Row r : rows) {
      for (Alert a : r.alerts()) {
        b.append(
            String.format(
                Locale.ROOT,
                "warning (%s, %s): %s %d %s: %s%n",
                r.capture(),
                r.layer(),
                a.severity().slug(),
                a.mmsi(),
                a.vesselName(),
                AlertJson.scan(a, false).path("evidence_text").asString()));
      }
    }
    return b.toString();
  }
}
