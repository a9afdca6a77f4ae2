package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The early warning on both sides of every threshold: a ship westbound towards the test cable (a
 * north-south line at 25 E), cruising 40 minutes, then slowing; the warning comes long before the
 * corridor, where the in-corridor detector is silent.
 */
class AnchorDragWarningTest {

  static final int MMSI = 518_000_777;

  /** Cruise 40 min at {@code cruise} from {@code kmEast} east of the cable, then {@code slow}. */
  static Sea.Voyage voyage(double kmEast, double cruise, double slow, long slowMinutes) {
    Sea.Voyage v = new Sea.Voyage(MMSI, T0, 60.0, Sea.eastOfCable(kmEast * 1000));
    v.leg(40 * MIN, cruise, 270, 10_000);
    v.leg(slowMinutes * MIN, slow, 270, 10_000);
    return v;
  }

  static List<Alert> warnings(Sea.Voyage v) {
    return Sea.of(Sea.run(v.reports()), AlertKind.ANCHOR_DRAG);
  }

  static List<Alert> warnings(double cruise, double slow) {
    return warnings(voyage(60, cruise, slow, 15));
  }

  @Test
  void aSustainedDropOnACourseToTheCableIsWarnedWithTheAssetCrossingAndEta() {
    Sea.Voyage v = voyage(60, 9.5, 6.2, 15);
    List<Alert> a = warnings(v);
    assertThat(a).hasSize(1);
    Alert w = a.get(0);
    assertThat(w.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(w.assetName()).contains("Test Cable");
    assertThat(w.raised().toEpochMilli() - (T0 + 40 * MIN)).isBetween(4 * MIN, 6 * MIN);
    var ev = w.evidence().parameters();
    assertThat(Double.parseDouble(ev.get("predicted_crossing_lat"))).isCloseTo(60.0, within(0.01));
    assertThat(Double.parseDouble(ev.get("predicted_crossing_lon"))).isCloseTo(25.0, within(0.01));
    // 60 km less 40 min at 9.5 kn (11.7 km) less the slow minutes: about 46-47 km at 6.2 kn.
    double km = Double.parseDouble(ev.get("distance_to_crossing_km"));
    assertThat(km).isBetween(44.0, 48.0);
    long eta = Instant.parse(ev.get("predicted_eta")).toEpochMilli();
    long expected = v.time() + (long) (km * 1000 / (6.2 * 1852 / 3600) * 1000);
    assertThat(Math.abs(eta - expected)).isLessThan(10 * MIN);
    assertThat(w.summary()).contains("slowed from 9.5 to 6.2 kn").contains("Test Cable");
  }

  @Test
  void dropThresholdIs15Percent() {
    assertThat(warnings(10, 8.3)).hasSize(1); // 17 %
    assertThat(warnings(10, 8.8)).isEmpty(); // 12 %
  }

  @Test
  void speedBandIs2To9Knots() {
    assertThat(warnings(12, 8.7)).hasSize(1);
    assertThat(warnings(12, 9.4)).isEmpty();
    // At 2.3 kn eight hours reach 34 km: start 30 km out (18 km left when slowing).
    assertThat(warnings(voyage(30, 10, 2.3, 15))).hasSize(1);
    assertThat(warnings(voyage(30, 10, 1.7, 15))).isEmpty();
  }

  @Test
  void theLowerSpeedMustHoldForFourMinutes() {
    Sea.Voyage brief = voyage(60, 10, 6, 3);
    brief.leg(20 * MIN, 10, 270, 10_000);
    assertThat(warnings(brief)).isEmpty();
    Sea.Voyage held = voyage(60, 10, 6, 6);
    held.leg(20 * MIN, 10, 270, 10_000);
    assertThat(warnings(held)).hasSize(1);
  }

  @Test
  void aSpeedStillChangingByMoreThanOneAndAHalfKnotsIsNotAPlateau() {
    assertThat(warnings(alternating(7.0, 8.8))).isEmpty();
    assertThat(warnings(alternating(7.5, 8.5))).hasSize(1);
  }

  static Sea.Voyage alternating(double a, double b) {
    Sea.Voyage v = new Sea.Voyage(MMSI, T0, 60.0, Sea.eastOfCable(60_000));
    v.leg(40 * MIN, 11, 270, 10_000);
    for (int i = 0; i < 30; i++) {
      v.leg(30_000, i % 2 == 0 ? a : b, 270, 10_000);
    }
    return v;
  }

  @Test
  void courseMustPersistWithin15DegreesBetweenTheWindowHalves() {
    assertThat(warnings(turning(10))).isEmpty(); // 20 deg between halves
    assertThat(warnings(turning(3))).hasSize(1); // 6 deg
  }

  /** Slows to 6 kn while turning south at a steady rate, for 8 minutes. */
  static Sea.Voyage turning(double degPerMinute) {
    Sea.Voyage v = new Sea.Voyage(MMSI, T0, 60.0, Sea.eastOfCable(60_000));
    v.leg(40 * MIN, 10, 270, 10_000);
    for (int i = 0; i < 16; i++) {
      v.leg(30_000, 6, 270 - degPerMinute * i / 2.0, 10_000);
    }
    return v;
  }

  @Test
  void theCableMustBeWithinEightHoursAhead() {
    // 6 kn for 8 h is 88.9 km; the cruise covers 12.3 km of the distance given.
    assertThat(warnings(voyage(100, 10, 6, 15))).hasSize(1); // about 86 km ahead
    assertThat(warnings(voyage(105, 10, 6, 15))).isEmpty(); // about 91 km ahead
  }

  @Test
  void theCableMustBeWithin100KmAhead() {
    assertThat(warnings(voyage(100, 10, 8, 15))).hasSize(1); // about 86 km ahead
    assertThat(warnings(voyage(130, 10, 8, 15))).isEmpty(); // about 116 km ahead
  }

  @Test
  void noWarningWithoutAnAssetAhead() {
    Sea.Voyage away = new Sea.Voyage(MMSI, T0, 60.0, Sea.eastOfCable(60_000));
    away.leg(40 * MIN, 10, 90, 10_000);
    away.leg(15 * MIN, 6, 90, 10_000);
    assertThat(warnings(away)).isEmpty();
  }

  @Test
  void atAnchorMooredOrSailingIsNotUnderWay() {
    for (int status : new int[] {1, 5, 8}) {
      Sea.Voyage v = new Sea.Voyage(MMSI, T0, 60.0, Sea.eastOfCable(60_000));
      v.leg(40 * MIN, 10, 270, 10_000);
      v.leg(15 * MIN, 6, 270, 270, status, 10_000, true);
      assertThat(warnings(v)).as("status " + status).isEmpty();
    }
  }

  @Test
  void fishingPleasureCraftAndListedWorkingVesselsAreNotWarnedAbout() {
    for (int type : new int[] {30, 52, 37}) {
      List<VesselObservation> obs = new ArrayList<>(voyage(60, 10, 6, 15).reports());
      obs.add(Sea.identity(MMSI, T0, 0, "WORKER", type));
      assertThat(Sea.of(Sea.run(obs), AlertKind.ANCHOR_DRAG)).as("type " + type).isEmpty();
    }
    List<VesselObservation> cargo = new ArrayList<>(voyage(60, 10, 6, 15).reports());
    cargo.add(Sea.identity(MMSI, T0, 0, "CARGO", 70));
    assertThat(Sea.of(Sea.run(cargo), AlertKind.ANCHOR_DRAG)).hasSize(1);
    VesselList working =
        new VesselList(List.of(new VesselList.Entry(MMSI, 0, "", "survey")), List.of());
    assertThat(
            Sea.of(
                Sea.run(voyage(60, 10, 6, 15).reports(), VesselList.empty(), working),
                AlertKind.ANCHOR_DRAG))
        .isEmpty();
  }

  @Test
  void noCruiseHistoryNoDrop() {
    Sea.Voyage v = new Sea.Voyage(MMSI, T0, 60.0, Sea.eastOfCable(60_000));
    v.leg(60 * MIN, 6, 270, 10_000);
    assertThat(warnings(v)).isEmpty();
  }

  @Test
  void theSameEpisodeIsUpdatedAndEscalatedToHighOnCorridorEntry() {
    Sea.Voyage v = voyage(20, 10, 6, 70);
    List<Alert> a = warnings(v);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(a.get(0).assetName()).contains("Test Cable");
    assertThat(a.get(0).raised().toEpochMilli()).isLessThan(T0 + 50 * MIN);
  }
}
