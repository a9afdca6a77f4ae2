package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselList;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorDragDetectorTest {

  static final int SHIP = 230_123_456;

  /**
   * Cruise west towards the cable, slow to the drag speed 6 km before it, continue 5 km past it.
   */
  static List<VesselObservation> crossing(
      double cruiseKn, double dragKn, int status, int shipType, double offsetNorthM) {
    double lat = 60.0 + offsetNorthM / 111_195.0;
    Sea.Voyage v = new Sea.Voyage(SHIP, T0, lat, Sea.eastOfCable(25_000));
    long cruise = (long) (19_000 / (cruiseKn * 0.514444) * 1000);
    v.leg(cruise, cruiseKn, 270, 270, 0, 10_000, true);
    long drag = (long) (11_000 / (dragKn * 0.514444) * 1000);
    v.leg(drag, dragKn, 270, 270, status, 10_000, true);
    List<VesselObservation> obs = new ArrayList<>(v.reports());
    obs.add(Sea.identity(SHIP, T0, 9_111_111, "DRAGGER", shipType));
    return obs;
  }

  static List<Alert> drags(List<VesselObservation> obs) {
    return Sea.of(Sea.run(obs), AlertKind.ANCHOR_DRAG);
  }

  @Test
  void flagsTankerThatSlowsFrom10To7KnotsAcrossTheCable() {
    List<Alert> a = drags(crossing(10, 7, 0, 80, 0));
    assertThat(a).hasSize(1);
    assertThat(a.get(0).assetName()).contains("Test Cable");
    assertThat(a.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(a.get(0).evidence().parameters())
        .containsKeys("mean_sog_kn", "cruise_sog_kn", "drop");
    assertThat(a.get(0).evidence().trackGeoJson()).contains("\"LineString\"");
  }

  @Test
  void dropThresholdSeparates17From13Percent() {
    assertThat(drags(crossing(10, 8.3, 0, 70, 0))).hasSize(1);
    assertThat(drags(crossing(10, 8.7, 0, 70, 0))).isEmpty();
  }

  @Test
  void speedBandUpperBoundIs9Knots() {
    assertThat(drags(crossing(12, 8.8, 0, 70, 0))).hasSize(1);
    assertThat(drags(crossing(12, 9.3, 0, 70, 0))).isEmpty();
  }

  @Test
  void speedBandLowerBoundIs2Knots() {
    assertThat(drags(crossing(10, 2.3, 0, 70, 0))).hasSize(1);
    assertThat(drags(crossing(10, 1.7, 0, 70, 0))).isEmpty();
  }

  @Test
  void steadyCrossingWithoutDropIsNotADrag() {
    assertThat(drags(crossing(7, 7, 0, 70, 0))).isEmpty();
  }

  @Test
  void atAnchorStatusWhileMakingWayIsADragEvenWithoutDrop() {
    assertThat(drags(crossing(6, 6, 1, 70, 0))).hasSize(1);
  }

  @Test
  void onlyInsideTheCorridorCounts() {
    // Same behaviour on a parallel course that stays 1.3 km / 1.7 km from the line (half-width 1.5
    // km).
    assertThat(drags(northbound(1_300))).hasSize(1);
    assertThat(drags(northbound(1_700))).isEmpty();
  }

  static List<VesselObservation> northbound(double eastM) {
    Sea.Voyage v = new Sea.Voyage(SHIP, T0, 59.7, Sea.eastOfCable(eastM));
    v.leg(40 * MIN, 10, 0, 0, 0, 10_000, true).leg(40 * MIN, 7, 0, 0, 0, 10_000, true);
    List<VesselObservation> obs = new ArrayList<>(v.reports());
    obs.add(Sea.identity(SHIP, T0, 0, "ALONG", 70));
    return obs;
  }

  @Test
  void fishingVesselsAndListedCableShipsAreNotScored() {
    assertThat(drags(crossing(10, 7, 0, 30, 0))).isEmpty();
    VesselList working =
        VesselList.read(
            new StringReader("mmsi,name,reason\n" + SHIP + ",DRAGGER,cable repair\n"), "t");
    assertThat(
            Sea.of(
                Sea.run(crossing(10, 7, 0, 80, 0), VesselList.empty(), working),
                AlertKind.ANCHOR_DRAG))
        .isEmpty();
  }
}
