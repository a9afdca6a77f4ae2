package dev.bulwark.maritime.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.maritime.geo.Geo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class InfrastructureLayerTest {

  private static final GeometryFactory GF = new GeometryFactory();

  static final InfrastructureLayer BALTIC = GeoJsonInfrastructure.baltic().layer();

  static GeoJsonInfrastructure.Load parse(String json) {
    return GeoJsonInfrastructure.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.geojson");
  }

  @Test
  void shippedBalticLayerHasFourteenAssetsWithSchematicCorridorsAndTwelveHarbours() {
    var load = GeoJsonInfrastructure.baltic();
    assertThat(load.problems()).isEmpty();
    var protectedAssets = load.assets().stream().filter(a -> !a.kind().isSafeHaven()).toList();
    var harbours = load.assets().stream().filter(a -> a.kind() == AssetKind.PORT).toList();
    assertThat(protectedAssets).hasSize(14);
    assertThat(harbours).hasSize(12);
    assertThat(load.assets()).hasSize(26);
    assertThat(protectedAssets)
        .allSatisfy(
            a -> {
              assertThat(a.corridorM()).isEqualTo(3000);
              assertThat(a.properties().get("accuracy")).startsWith("schematic");
            });
    assertThat(harbours)
        .allSatisfy(
            a -> {
              assertThat(a.corridorM()).isZero();
              assertThat(a.properties().get("accuracy")).startsWith("schematic");
            });
    assertThat(BALTIC.find("Estlink 2").orElseThrow().kind()).isEqualTo(AssetKind.POWER_CABLE);
    assertThat(BALTIC.find("Balticconnector").orElseThrow().kind()).isEqualTo(AssetKind.PIPELINE);
    assertThat(BALTIC.find("C-Lion1").orElseThrow().kind()).isEqualTo(AssetKind.TELECOM_CABLE);
  }

  @Test
  void distanceToBalticconnectorIsInMetresAt59North() {
    // Balticconnector runs almost due north along 24.04-24.05 E. A point 0.05 degrees of longitude
    // east
    // of its 59.55-59.80 segment is 2.8 km away, not 5.6 km (what degrees-as-if-equator would
    // give).
    double lat = 59.675;
    double lineLon = 24.045;
    List<AssetHit> hits = BALTIC.near(lat, lineLon + 0.05, 10_000);
    AssetHit bc =
        hits.stream()
            .filter(h -> h.asset().name().equals("Balticconnector"))
            .findFirst()
            .orElseThrow();
    assertThat(bc.distanceM())
        .isCloseTo(Geo.haversineM(lat, lineLon, lat, lineLon + 0.05), within(30.0));
    assertThat(bc.distanceM()).isBetween(2_750.0, 2_850.0);
    assertThat(bc.inCorridor()).isFalse();
    assertThat(
            BALTIC.near(lat, lineLon + 0.02, 10_000).stream()
                .anyMatch(h -> h.asset().name().equals("Balticconnector") && h.inCorridor()))
        .isTrue();
  }

  @Test
  void nothingIsNearTheMiddleOfTheNorthSea() {
    assertThat(BALTIC.near(56.0, 3.0, 30_000)).isEmpty();
  }

  @Test
  void crossingIsFoundForAPathOverEstlink2() {
    assertThat(BALTIC.crossedBy(59.97, 26.4, 59.95, 25.9))
        .extracting(Asset::name)
        .contains("Estlink 2");
    assertThat(BALTIC.crossedBy(59.97, 26.4, 59.96, 26.3))
        .extracting(Asset::name)
        .doesNotContain("Estlink 2");
  }

  @Test
  void polygonsCountAsZeroInsideAndAnchoragesAreSafeHavens() {
    var load =
        parse(
            """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"name":"Anchorage A","kind":"anchorage"},
          "geometry":{"type":"Polygon","coordinates":[[[24.0,60.0],[24.1,60.0],[24.1,60.1],[24.0,60.1],[24.0,60.0]]]}},
         {"type":"Feature","properties":{"name":"Wind farm","kind":"wind-farm-area","corridor_m":1000,"criticality":"medium"},
          "geometry":{"type":"MultiPolygon","coordinates":[[[[25.0,60.0],[25.1,60.0],[25.1,60.1],[25.0,60.0]]]]}},
         {"type":"Feature","properties":{"name":"Two parts","kind":"telecom-cable"},
          "geometry":{"type":"MultiLineString","coordinates":[[[20,59],[20,59.1]],[[21,59],[21,59.1]]]}}
        ]}""");
    assertThat(load.problems()).isEmpty();
    InfrastructureLayer layer = load.layer();
    Proximity p = new Proximity();
    layer.neighbourhood(60.05, 24.05, 30_000).measure(60.05, 24.05, 12_000, p);
    assertThat(p.inSafeHaven()).isTrue();
    Asset wind = layer.find("Wind farm").orElseThrow();
    assertThat(wind.kind()).isEqualTo(AssetKind.AREA);
    assertThat(wind.criticality()).isEqualTo(Criticality.MEDIUM);
    assertThat(layer.near(60.02, 25.09, 1000)).extracting(AssetHit::distanceM).containsExactly(0.0);
    assertThat(layer.find("Two parts").orElseThrow().corridorM())
        .isEqualTo(GeoJsonInfrastructure.DEFAULT_CORRIDOR_M);
    assertThat(layer.pieceCount()).isEqualTo(4);
  }

  @Test
  void badFeaturesAreSkippedWithTheirPositionAndName() {
    var load =
        parse(
            """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"name":"ok","kind":"power-cable"},"geometry":{"type":"LineString","coordinates":[[20,59],[20,59.1]]}},
         {"type":"Feature","properties":{"name":"point"},"geometry":{"type":"Point","coordinates":[20,59]}},
         {"type":"Feature","properties":{"name":"far"},"geometry":{"type":"LineString","coordinates":[[200,59],[20,59.1]]}},
         {"type":"Feature","properties":{"name":"open ring"},"geometry":{"type":"Polygon","coordinates":[[[20,59],[21,59],[21,60],[20,60]]]}},
         {"type":"Feature","properties":{"name":"nogeom"}}
        ]}""");
    assertThat(load.assets()).extracting(Asset::name).containsExactly("ok");
    assertThat(load.problems()).hasSize(4);
    assertThat(load.problems().get(0))
        .contains("feature 1")
        .contains("point")
        .contains("unsupported geometry type 'Point'");
    assertThat(load.problems().get(1)).contains("far").contains("out of range");
  }

  @Test
  void notGeoJsonIsRejectedAsAWhole() {
    assertThatThrownBy(() -> parse("{\"type\":\"Feature\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FeatureCollection");
    assertThatThrownBy(() -> parse("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }

  @Property(tries = 300)
  void indexedDistanceEqualsBruteForceHaversine(
      @ForAll @DoubleRange(min = 54.0, max = 61.0) double lat,
      @ForAll @DoubleRange(min = 10.0, max = 29.0) double lon) {
    Proximity p = new Proximity();
    BALTIC.neighbourhood(lat, lon, 30_000).measure(lat, lon, 12_000, p);
    boolean insideHarbour = false;
    boolean nearAHarboursEdge = false;
    for (Asset a : BALTIC.assets()) {
      double brute = bruteForce(a, lat, lon);
      if (a.kind().isSafeHaven()) {
        // harbours are not listed as nearby assets: they only mark the position as a safe haven,
        // inside
        // the area or within half its corridor width of it (as for every asset); right at that
        // width the
        // index's planar distance and the haversine may disagree by the tolerance below
        boolean inside = a.geometry().contains(GF.createPoint(new Coordinate(lon, lat)));
        double tolerance = a.halfWidthM() * 0.005 + 5;
        insideHarbour |= inside || brute <= a.halfWidthM() - tolerance;
        nearAHarboursEdge |= !inside && Math.abs(brute - a.halfWidthM()) <= tolerance;
        continue;
      }
      int found = -1;
      for (int i = 0; i < p.count(); i++) {
        if (p.asset(i) == a) {
          found = i;
        }
      }
      if (brute <= 11_800) {
        assertThat(found).as(a.name()).isGreaterThanOrEqualTo(0);
        assertThat(p.distanceM(found)).isCloseTo(brute, within(brute * 0.005 + 5));
      } else if (brute > 12_200) {
        assertThat(found).as(a.name()).isLessThan(0);
      }
    }
    if (insideHarbour || !nearAHarboursEdge) {
      assertThat(p.inSafeHaven()).isEqualTo(insideHarbour);
    }
  }

  @Example
  void aPositionOnALongCableSegmentIsAtDistanceZeroFromIt() {
    // found by the property above: 55.96 N 16.75 E lies on a long NordBalt segment, where the brute
    // force's samples had been 19 m from the nearest point
    indexedDistanceEqualsBruteForceHaversine(55.96, 16.75);
  }

  @Example
  void aPositionJustOutsideAHarbourButWithinHalfItsCorridorIsASafeHaven() {
    // found by the property above (it had expected strict containment): 54.09 N 12.07 E lies
    // outside
    // a shipped harbour polygon, within half that harbour's corridor width of it
    Proximity p = new Proximity();
    BALTIC.neighbourhood(54.09, 12.07, 30_000).measure(54.09, 12.07, 12_000, p);
    assertThat(p.inSafeHaven()).isTrue();
    indexedDistanceEqualsBruteForceHaversine(54.09, 12.07);
  }

  @Test
  void aPositionInsideAShippedHarbourIsASafeHaven() {
    Proximity p = new Proximity();
    // Warnemünde, inside the Rostock-Warnemünde harbour area next to C-Lion1's drawn landing
    BALTIC.neighbourhood(54.17, 12.09, 30_000).measure(54.17, 12.09, 12_000, p);
    assertThat(p.inSafeHaven()).isTrue();
    assertThat(p.nearest()).map(h -> h.asset().name()).contains("C-Lion1");
    BALTIC.neighbourhood(54.30, 12.09, 30_000).measure(54.30, 12.09, 12_000, p);
    assertThat(p.inSafeHaven()).isFalse();
  }

  /** Nearest point of each segment by dense sampling, measured with haversine. */
  static double bruteForce(Asset a, double lat, double lon) {
    if (a.isArea() && a.geometry().contains(GF.createPoint(new Coordinate(lon, lat)))) {
      return 0; // inside an area counts as distance 0 (Asset.isArea), not the distance to its edge
    }
    var c = a.geometry().getCoordinates();
    double best = Double.MAX_VALUE;
    for (int i = 0; i + 1 < c.length; i++) {
      // 2,000 samples along the segment, then 2,000 more around the nearest: a long cable segment
      // sampled once leaves tens of metres between samples, more than the tolerance near zero
      int nearest = 0;
      double segmentBest = Double.MAX_VALUE;
      for (int k = 0; k <= 2000; k++) {
        double d = along(c[i], c[i + 1], k / 2000.0, lat, lon);
        if (d < segmentBest) {
          segmentBest = d;
          nearest = k;
        }
      }
      double from = Math.max(0, nearest - 1) / 2000.0;
      double to = Math.min(2000, nearest + 1) / 2000.0;
      for (int k = 0; k <= 2000; k++) {
        segmentBest =
            Math.min(segmentBest, along(c[i], c[i + 1], from + (to - from) * k / 2000.0, lat, lon));
      }
      best = Math.min(best, segmentBest);
    }
    return best;
  }

  /** The distance from the position to the point a fraction {@code f} of the way from a to b. */
  private static double along(Coordinate a, Coordinate b, double f, double lat, double lon) {
    return Geo.haversineM(lat, lon, a.y + (b.y - a.y) * f, a.x + (b.x - a.x) * f);
  }

  @Property(tries = 200)
  void anyJsonTextLoadsOrFailsWithIllegalArgument(@ForAll String text) {
    try {
      parse(text);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).contains("test.geojson");
    }
  }
}
