package dev.bulwark.maritime.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class GeoTest {

  @Test
  void oneDegreeOfLatitudeIs111Kilometres() {
    assertThat(Geo.haversineM(59.0, 25.0, 60.0, 25.0)).isCloseTo(111_195, within(5.0));
  }

  @Test
  void oneDegreeOfLongitudeAt60NorthIsHalfAsLong() {
    // cos(60) = 0.5: 55.6 km (the great circle between the two points is a hair shorter than the
    // parallel)
    assertThat(Geo.haversineM(60.0, 24.0, 60.0, 25.0)).isCloseTo(55_596, within(30.0));
    assertThat(Geo.localDistanceM(60.0, 24.0, 60.0, 25.0)).isCloseTo(55_597, within(30.0));
  }

  @Test
  void helsinkiToTallinnIsAbout80Kilometres() {
    assertThat(Geo.haversineM(60.1699, 24.9384, 59.4370, 24.7536))
        .isCloseTo(82_000, within(1_000.0));
  }

  @Test
  void pointToSegmentMeasuresPerpendicularDistanceAt60North() {
    // A north-south segment along 25 E; a point 0.02 degrees of longitude east of it at 60 N is
    // 1,112 m away.
    double d = Geo.pointSegmentM(60.0, 25.02, 59.5, 25.0, 60.5, 25.0);
    assertThat(d).isCloseTo(Geo.haversineM(60.0, 25.0, 60.0, 25.02), within(2.0));
    assertThat(d).isCloseTo(1_112, within(2.0));
    // Beyond the segment's end, the distance is to the end point.
    assertThat(Geo.pointSegmentM(60.6, 25.0, 59.5, 25.0, 60.5, 25.0))
        .isCloseTo(11_120, within(10.0));
  }

  @Property(tries = 300)
  void localFrameAgreesWithHaversineWithinHalfAPercentUpTo50Km(
      @ForAll @DoubleRange(min = -70, max = 70) double lat,
      @ForAll @DoubleRange(min = -170, max = 170) double lon,
      @ForAll @DoubleRange(min = 0, max = 359.9) double bearing,
      @ForAll @DoubleRange(min = 10, max = 50_000) double dist) {
    double[] to = Geo.destination(lat, lon, bearing, dist);
    assertThat(Geo.haversineM(lat, lon, to[0], to[1])).isCloseTo(dist, within(dist * 1e-6 + 0.01));
    assertThat(Geo.localDistanceM(lat, lon, to[0], to[1])).isCloseTo(dist, within(dist * 0.005));
  }

  @Property(tries = 200)
  void bearingPointsAtTheDestination(
      @ForAll @DoubleRange(min = 50, max = 66) double lat,
      @ForAll @DoubleRange(min = 5, max = 30) double lon,
      @ForAll @DoubleRange(min = 0, max = 359.9) double bearing) {
    double[] to = Geo.destination(lat, lon, bearing, 5_000);
    assertThat(Geo.angleDiffDeg(Geo.bearingDeg(lat, lon, to[0], to[1]), bearing)).isLessThan(0.01);
  }

  @Test
  void anglesFoldAndTurnTheShortWay() {
    assertThat(Geo.angleDiffDeg(350, 10)).isEqualTo(20.0);
    assertThat(Geo.signedTurnDeg(350, 10)).isEqualTo(20.0);
    assertThat(Geo.signedTurnDeg(10, 350)).isEqualTo(-20.0);
    assertThat(Geo.normalizeDeg(-90)).isEqualTo(270.0);
  }
}
