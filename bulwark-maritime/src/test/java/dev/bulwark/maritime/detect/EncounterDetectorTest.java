package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncounterDetectorTest {

  static final int A = 273_000_111;
  static final int B = 620_000_222;
  static final double LAT = 59.0;
  static final double LON = 21.0;

  /**
   * A comes from the east at 10 kn, B from the south at 10 kn; they stop {@code apartM} apart at
   * {@code slowKn} for {@code minutes}, then leave.
   */
  static List<VesselObservation> meeting(
      double apartM, double slowKn, long minutes, boolean thirdShip) {
    double[] bStop = Geo.destination(LAT, LON, 0, apartM);
    double[] aStart = Geo.destination(LAT, LON, 90, 10 * 1852.0 * 40 / 60);
    double[] bStart = Geo.destination(bStop[0], bStop[1], 180, 10 * 1852.0 * 40 / 60);
    List<VesselObservation> obs = new ArrayList<>();
    obs.addAll(
        new Sea.Voyage(A, T0, aStart[0], aStart[1])
            .leg(40 * MIN, 10, 270, 10_000)
            .leg(minutes * MIN, slowKn, 45, 10_000)
            .leg(20 * MIN, 10, 90, 10_000)
            .reports());
    obs.addAll(
        new Sea.Voyage(B, T0, bStart[0], bStart[1])
            .leg(40 * MIN, 10, 0, 10_000)
            .leg(minutes * MIN, slowKn, 45, 10_000)
            .leg(20 * MIN, 10, 180, 10_000)
            .reports());
    if (thirdShip) {
      double[] c = Geo.destination(LAT, LON, 270, 900);
      obs.addAll(
          new Sea.Voyage(230_000_333, T0, c[0], c[1])
              .leg((60 + minutes) * MIN, 0.2, 45, 10_000)
              .reports());
    }
    return obs;
  }

  static List<Alert> encounters(List<VesselObservation> obs) {
    return Sea.of(Sea.run(obs), AlertKind.ENCOUNTER);
  }

  @Test
  void twoShipsStoppedTogetherAtSeaAreRaisedEarlyAsLow() {
    List<Alert> a = encounters(meeting(300, 1.0, 8, false));
    assertThat(a).hasSize(1);
    assertThat(a.get(0).mmsi()).isEqualTo(A);
    assertThat(a.get(0).others()).containsExactly(B);
    assertThat(a.get(0).severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void distanceThresholdIs500Metres() {
    assertThat(encounters(meeting(450, 0.2, 10, false))).hasSize(1);
    assertThat(encounters(meeting(600, 0.2, 10, false))).isEmpty();
  }

  @Test
  void speedThresholdIs2Knots() {
    assertThat(encounters(meeting(100, 1.8, 10, false))).hasSize(1);
    assertThat(encounters(meeting(100, 2.2, 10, false))).isEmpty();
  }

  @Test
  void earlyWarningNeedsFiveMinutes() {
    assertThat(encounters(meeting(300, 0.5, 4, false))).isEmpty();
  }

  @Test
  void twoHoursConfirmsItAsMedium() {
    List<Alert> a = encounters(meeting(200, 0.3, 130, false));
    assertThat(a).singleElement().extracting(Alert::severity).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void aCrowdOfStoppedShipsIsAnAnchorageNotARendezvous() {
    assertThat(encounters(meeting(300, 0.5, 30, true))).isEmpty();
  }
}
