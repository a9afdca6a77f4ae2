package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.vessel.VesselList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoofingDetectorTest {

  static final int SHIP = 230_000_999;

  static List<PositionReport> cruise() {
    return new Sea.Voyage(SHIP, T0, 59.0, 22.0).leg(10 * MIN, 12, 90, 10_000).reports();
  }

  /** The cruise, then one report {@code metres} north of the last one, {@code seconds} later. */
  static List<Alert> jump(int mmsi, double metres, long seconds) {
    List<PositionReport> r = new ArrayList<>();
    for (PositionReport p : cruise()) {
      r.add(
          new PositionReport(
              mmsi,
              p.timeMillis(),
              p.lat(),
              p.lon(),
              p.sogKn(),
              p.cogDeg(),
              p.headingDeg(),
              0,
              false));
    }
    PositionReport last = r.get(r.size() - 1);
    double[] to = Geo.destination(last.lat(), last.lon(), 0, metres);
    r.add(
        new PositionReport(
            mmsi, last.timeMillis() + seconds * 1000, to[0], to[1], 12, 90, 90, 0, false));
    return Sea.of(Sea.run(r), AlertKind.SPOOFING);
  }

  @Test
  void fortyKilometresInTenSecondsIsImpossible() {
    List<Alert> a = jump(SHIP, 40_000, 10);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(a.get(0).assetName()).isEmpty();
  }

  @Test
  void jumpsUnderTwoKilometresAreJitter() {
    assertThat(jump(SHIP, 1_900, 1)).isEmpty();
    assertThat(jump(SHIP, 2_100, 1)).hasSize(1);
  }

  @Test
  void impliedSpeedThresholdIs50Knots() {
    // 5 km: 45 kn needs 216 s, 55 kn needs 177 s.
    assertThat(jump(SHIP, 5_000, 216)).isEmpty();
    assertThat(jump(SHIP, 5_000, 177)).hasSize(1);
  }

  @Test
  void testAndDefaultMmsisAreNotChecked() {
    assertThat(jump(123_456_789, 40_000, 10)).isEmpty();
  }

  @Test
  void oneMmsiInTwoPlacesNearTheCableIsHighAndStaysOutOfTheTrack() {
    List<PositionReport> r = new ArrayList<>();
    Sea.Voyage real = new Sea.Voyage(SHIP, T0, 59.0, 22.0).leg(30 * MIN, 12, 90, 10_000);
    Sea.Voyage ghost =
        new Sea.Voyage(SHIP, T0 + 5 * MIN + 5_000, 59.9, Sea.eastOfCable(500))
            .leg(20 * MIN, 3, 0, 30_000);
    r.addAll(real.reports());
    r.addAll(ghost.reports());
    var engine = Sea.engine(VesselList.empty(), VesselList.empty());
    r.sort(Comparator.comparingLong(PositionReport::timeMillis));
    r.forEach(engine::accept);
    List<Alert> a = Sea.of(engine.alerts(), AlertKind.SPOOFING);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(a.get(0).assetName()).contains("Test Cable");
    assertThat(a.get(0).summary()).contains("two places");
    var track = engine.vessel(SHIP).orElseThrow().track();
    for (int i = 0; i < track.size(); i++) {
      assertThat(track.lon(i)).isGreaterThan(21.9);
    }
    assertThat(Sea.of(engine.alerts(), AlertKind.ANCHOR_DRAG)).isEmpty();
  }

  @Test
  void aVesselThatReallyMovedIsFollowedAfterThreeConsistentReports() {
    List<PositionReport> r = new ArrayList<>(cruise());
    PositionReport last = r.get(r.size() - 1);
    // Reappears 100 km away after 10 s (bad clock somewhere) and keeps reporting there.
    r.addAll(
        new Sea.Voyage(SHIP, last.timeMillis(), 59.9, 22.0).leg(5 * MIN, 12, 90, 10_000).reports());
    var engine = Sea.engine(VesselList.empty(), VesselList.empty());
    r.forEach(engine::accept);
    assertThat(engine.vessel(SHIP).orElseThrow().last().lat()).isGreaterThan(59.8);
    assertThat(engine.stats().gated()).isEqualTo(2);
  }
}
