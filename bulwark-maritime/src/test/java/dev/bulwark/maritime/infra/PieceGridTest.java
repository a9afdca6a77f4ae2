package dev.bulwark.maritime.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.geo.Geo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The uniform grid behind neighbourhood queries, against brute-force scans of every piece. */
class PieceGridTest {

  private static final GeometryFactory GF = new GeometryFactory();

  /**
   * Random boxes: mostly small (segments of a few km), some long, a few huge (kept out of the
   * grid).
   */
  static double[] randomBoxes(Random r, int n) {
    double[] boxes = new double[4 * n];
    for (int i = 0; i < n; i++) {
      double size =
          r.nextInt(20) == 0
              ? r.nextDouble() * 8
              : r.nextInt(5) == 0 ? r.nextDouble() * 0.5 : r.nextDouble() * 0.06;
      double lat = 54 + r.nextDouble() * 6;
      double lon = 8 + r.nextDouble() * 14;
      double h = size * r.nextDouble();
      double w = size * r.nextDouble();
      boxes[4 * i] = lat;
      boxes[4 * i + 1] = lat + h;
      boxes[4 * i + 2] = lon;
      boxes[4 * i + 3] = lon + w;
    }
    return boxes;
  }

  @Property(tries = 200)
  void queryReturnsExactlyTheBoxesABruteForceScanFinds(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int pieces,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double step,
      @ForAll @DoubleRange(min = 52.0, max = 62.0) double lat,
      @ForAll @DoubleRange(min = 6.0, max = 24.0) double lon,
      @ForAll @DoubleRange(min = 0.0, max = 1.5) double half) {
    Random r = new Random(seed);
    double[] boxes = randomBoxes(r, pieces);
    PieceGrid grid = new PieceGrid(boxes, step);
    double qMinLat = lat - half;
    double qMaxLat = lat + half * r.nextDouble();
    double qMinLon = lon - half * r.nextDouble();
    double qMaxLon = lon + half;
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < pieces; i++) {
      int b = 4 * i;
      if (!(qMaxLat < boxes[b]
          || qMinLat > boxes[b + 1]
          || qMaxLon < boxes[b + 2]
          || qMinLon > boxes[b + 3])) {
        expected.add(i);
      }
    }
    assertThat(grid.query(qMinLat, qMaxLat, qMinLon, qMaxLon))
        .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void boxesTouchingTheQueryOnlyAtAnEdgeOrCornerCount() {
    double[] boxes = {55.0, 55.1, 10.0, 10.1, 55.2, 55.3, 10.2, 10.3};
    PieceGrid grid = new PieceGrid(boxes, 0.05);
    assertThat(grid.query(55.1, 55.2, 10.1, 10.2)).containsExactly(0, 1);
    assertThat(grid.query(55.1000001, 55.1999999, 10.1000001, 10.1999999)).isEmpty();
  }

  @Test
  void hugePiecesAreKeptAsideAndTheGridStaysBounded() {
    // One box over half the globe and one tiny one: the big one must not be listed in 10^6 cells.
    double[] boxes = {-60, 60, -170, 170, 55.0, 55.001, 10.0, 10.001};
    PieceGrid grid = new PieceGrid(boxes, 0.0001);
    assertThat(grid.cellCount()).isLessThanOrEqualTo(PieceGrid.MAX_CELLS);
    assertThat(grid.oversizedCount()).isEqualTo(1);
    assertThat(grid.query(55.0005, 55.0005, 10.0005, 10.0005)).containsExactly(0, 1);
    assertThat(grid.query(0, 0, 0, 0)).containsExactly(0);
    assertThat(new PieceGrid(new double[0], 0.1).query(55, 56, 10, 11)).isEmpty();
  }

  /** A layer of random cables (some crossing many cells) and a few areas, anchorages among them. */
  static InfrastructureLayer randomLayer(long seed, int cables) {
    return randomLayer(seed, cables, 55);
  }

  static InfrastructureLayer randomLayer(long seed, int cables, double baseLat) {
    Random r = new Random(seed);
    List<Asset> assets = new ArrayList<>();
    for (int c = 0; c < cables; c++) {
      double lat = baseLat + r.nextDouble() * 3;
      double lon = 9 + r.nextDouble() * 6;
      int n = 1 + r.nextInt(12);
      Coordinate[] pts = new Coordinate[n + 1];
      pts[0] = new Coordinate(lon, lat);
      double bearing = r.nextDouble() * 360;
      for (int s = 1; s <= n; s++) {
        bearing += r.nextGaussian() * 30;
        double[] next =
            Geo.destination(
                lat, lon, bearing, r.nextInt(10) == 0 ? 80_000 : 500 + r.nextDouble() * 8_000);
        lat = next[0];
        lon = next[1];
        pts[s] = new Coordinate(lon, lat);
      }
      assets.add(
          new Asset(
              "c" + c,
              "Cable " + c,
              AssetKind.TELECOM_CABLE,
              500 + r.nextInt(3000),
              Criticality.HIGH,
              GF.createLineString(pts),
              Map.of()));
    }
    for (int a = 0; a < 4; a++) {
      double lat = baseLat + r.nextDouble() * 3;
      double lon = 9 + r.nextDouble() * 6;
      double d = 0.02 + r.nextDouble() * 0.2;
      Coordinate[] ring = {
        new Coordinate(lon, lat),
        new Coordinate(lon + d, lat),
        new Coordinate(lon + d, lat + d),
        new Coordinate(lon, lat + d),
        new Coordinate(lon, lat)
      };
      assets.add(
          new Asset(
              "a" + a,
              "Area " + a,
              a % 2 == 0 ? AssetKind.ANCHORAGE : AssetKind.AREA,
              0,
              Criticality.MEDIUM,
              GF.createPolygon(ring),
              Map.of()));
    }
    return new InfrastructureLayer(assets);
  }

  /** Per asset, the least distance over all of its pieces, with no index at all. */
  static List<AssetHit> bruteForce(
      InfrastructureLayer layer, double lat, double lon, double radiusM) {
    double kx = Geo.mPerDegLon(lat);
    double[] best = new double[layer.assets().size()];
    Arrays.fill(best, Double.MAX_VALUE);
    for (int id = 0; id < layer.pieceCount(); id++) {
      double d = layer.piece(id).distanceM(lat, lon, kx, layer.factory());
      int a = layer.pieceAsset(id);
      best[a] = Math.min(best[a], d);
    }
    List<AssetHit> out = new ArrayList<>();
    for (int a = 0; a < best.length; a++) {
      if (best[a] <= radiusM && !layer.asset(a).kind().isSafeHaven()) {
        out.add(new AssetHit(layer.asset(a), best[a]));
      }
    }
    return out;
  }

  @Property(tries = 300)
  void neighbourhoodFindsExactlyTheAssetsWithinTheRadiusThatABruteForceScanFinds(
      @ForAll @IntRange(min = 0, max = 50) int seed,
      @ForAll @DoubleRange(min = 54.5, max = 58.5) double lat,
      @ForAll @DoubleRange(min = 8.5, max = 15.5) double lon,
      @ForAll @DoubleRange(min = 100, max = 20_000) double radiusM) {
    InfrastructureLayer layer = randomLayer(seed, 60);
    List<AssetHit> expected = bruteForce(layer, lat, lon, radiusM);
    // One-off query, and a neighbourhood fetched elsewhere that still covers the position.
    assertThat(layer.near(lat, lon, radiusM)).containsExactlyElementsOf(expected);
    double[] centre = Geo.destination(lat, lon, 45, 2_000);
    Neighbourhood hood = layer.neighbourhood(centre[0], centre[1], radiusM + 3_000);
    assertThat(hood.covers(lat, lon, radiusM)).isTrue();
    Proximity p = new Proximity();
    hood.measure(lat, lon, radiusM, p);
    assertThat(p.hits()).containsExactlyElementsOf(expected);
    assertThat(new TreeSet<>(p.hits().stream().map(h -> h.asset().id()).toList()))
        .as("each asset once")
        .hasSize(p.count());
  }

  @Property(tries = 60)
  void aVesselMeasuredReportAfterReportGetsWhatABruteForceScanGetsEveryTime(
      @ForAll @IntRange(min = 0, max = 30) int seed,
      @ForAll @DoubleRange(min = -10, max = 84) double baseLat,
      @ForAll @DoubleRange(min = 1_000, max = 12_000) double maxM,
      @ForAll long walk) {
    // As the engine does it: one Proximity per vessel (so its candidate cache is used), the
    // neighbourhood fetched again when it no longer covers the position.
    InfrastructureLayer layer = randomLayer(seed, 40, baseLat);
    Random r = new Random(walk);
    double lat = baseLat + 0.5 + r.nextDouble() * 2;
    double lon = 10 + r.nextDouble() * 4;
    double bearing = r.nextDouble() * 360;
    Proximity p = new Proximity();
    Neighbourhood hood = null;
    for (int step = 0; step < 400; step++) {
      bearing += r.nextGaussian() * 20;
      double[] next =
          Geo.destination(lat, lon, bearing, r.nextInt(50) == 0 ? 5_000 : r.nextDouble() * 400);
      lat = next[0];
      lon = next[1];
      if (hood == null || !hood.covers(lat, lon, maxM)) {
        hood = layer.neighbourhood(lat, lon, maxM + 3_000);
      }
      hood.measure(lat, lon, maxM, p);
      assertThat(p.hits())
          .as("step %d at %f %f", step, lat, lon)
          .containsExactlyElementsOf(bruteForce(layer, lat, lon, maxM));
      assertThat(p.inSafeHaven()).isEqualTo(bruteForceSafeHaven(layer, lat, lon, maxM));
    }
  }

  static boolean bruteForceSafeHaven(
      InfrastructureLayer layer, double lat, double lon, double radiusM) {
    double kx = Geo.mPerDegLon(lat);
    for (int id = 0; id < layer.pieceCount(); id++) {
      Asset a = layer.asset(layer.pieceAsset(id));
      double d = layer.piece(id).distanceM(lat, lon, kx, layer.factory());
      if (a.kind().isSafeHaven() && d <= radiusM && d <= a.halfWidthM()) {
        return true;
      }
    }
    return false;
  }

  @Property(tries = 300)
  void coversAgreesWithTheExactLocalDistance(
      @ForAll @DoubleRange(min = -89, max = 89) double lat,
      @ForAll @DoubleRange(min = 0, max = 360) double bearing,
      @ForAll @DoubleRange(min = 0, max = 12_000) double offM,
      @ForAll @DoubleRange(min = 0, max = 9_000) double needM) {
    Neighbourhood hood = InfrastructureLayer.empty().neighbourhood(lat, 20, 10_000);
    double[] q = Geo.destination(lat, 20, bearing, offM);
    boolean exact =
        Math.abs(q[0] - lat) * Geo.M_PER_DEG_LAT + needM <= 10_000
            && Geo.localDistanceM(lat, 20, q[0], q[1]) + needM <= 10_000;
    assertThat(hood.covers(q[0], q[1], needM)).isEqualTo(exact);
  }

  @Property(tries = 200)
  void measuredSegmentDistanceIsWithinHalfAPercentOfTheGreatCircleDistance(
      @ForAll @DoubleRange(min = -70, max = 70) double lat,
      @ForAll @DoubleRange(min = -170, max = 170) double lon,
      @ForAll @DoubleRange(min = 0, max = 360) double bearing,
      @ForAll @DoubleRange(min = 0, max = 20_000) double offM) {
    // A north-south segment 20 km long, and a point east or west of its middle: the nearest point
    // is the foot.
    double[] a = Geo.destination(lat, lon, 0, 10_000);
    double[] b = Geo.destination(lat, lon, 180, 10_000);
    double[] p = Geo.destination(lat, lon, bearing < 180 ? 90 : 270, offM);
    double local = Math.sqrt(Piece.segSq(p[0], p[1], Geo.mPerDegLon(p[0]), a[0], a[1], b[0], b[1]));
    double exact = Geo.haversineM(p[0], p[1], lat, lon);
    assertThat(local).isCloseTo(exact, Assertions.within(exact * 0.005 + 1));
  }
}
