package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.engine.EngineConfig;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.AssetKind;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.vessel.VesselList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class LoiteringDetectorTest {

  static List<Alert> loiter(double kn, long minutes, int status) {
    Sea.Voyage v = new Sea.Voyage(230_000_777, T0, 59.9, Sea.eastOfCable(800));
    v.leg(minutes * MIN, kn, 0, 0, status, 10_000, true);
    return Sea.of(Sea.run(v.reports()), AlertKind.LOITERING);
  }

  @Test
  void slowerThan2KnotsFor25MinutesOverTheCableIsLoitering() {
    List<Alert> a = loiter(1.5, 25, 0);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).assetName()).contains("Test Cable");
    assertThat(a.get(0).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void readsInPlainWords() {
    Alert a = loiter(1.5, 25, 0).get(0);
    assertThat(AlertJson.scan(a, false).path("evidence_text").asString())
        .containsPattern(
            "^Averaged 1\\.5 kn \\(alert under 2\\.0 kn\\) for 2[0-9] min in the corridor of"
                + " Test Cable \\(alert from 20 min\\), [0-9]+ m from it\\. Seen .* \\(track"
                + " time\\)\\.$");
  }

  @Test
  void averageSpeedThresholdIs2Knots() {
    assertThat(loiter(1.9, 25, 0)).hasSize(1);
    assertThat(loiter(2.2, 25, 0)).isEmpty();
  }

  @Test
  void durationThresholdIs20Minutes() {
    assertThat(loiter(0.5, 22, 0)).hasSize(1);
    assertThat(loiter(0.5, 18, 0)).isEmpty();
  }

  @Test
  void atAnchorOverTheCableIsHigh() {
    assertThat(loiter(0.3, 25, 1))
        .singleElement()
        .extracting(Alert::severity)
        .isEqualTo(Severity.HIGH);
  }

  @Test
  void knownAnchorageSuppressesIt() {
    GeometryFactory gf = new GeometryFactory();
    double e = Sea.eastOfCable(3000);
    double w = Sea.eastOfCable(-3000);
    Asset anchorage =
        new Asset(
            "anch",
            "Test Anchorage",
            AssetKind.ANCHORAGE,
            0,
            Criticality.LOW,
            gf.createPolygon(
                new Coordinate[] {
                  new Coordinate(w, 59.8),
                  new Coordinate(e, 59.8),
                  new Coordinate(e, 60.1),
                  new Coordinate(w, 60.1),
                  new Coordinate(w, 59.8)
                }),
            Map.of());
    MaritimeEngine engine =
        new MaritimeEngine(
            EngineConfig.DEFAULT,
            Sea.layer(anchorage),
            VesselList.empty(),
            VesselList.empty(),
            MaritimeEngine.defaultDetectors(),
            (a, c) -> {});
    Sea.Voyage v = new Sea.Voyage(230_000_777, T0, 59.9, Sea.eastOfCable(800));
    v.leg(40 * MIN, 0.5, 0, 0, 1, 10_000, true);
    v.reports().forEach(engine::accept);
    assertThat(engine.alerts()).isEmpty();
  }

  @Test
  void aStillVesselReportingMooredIsNotLoitering() {
    assertThat(loiter(0.0, 40, 5)).isEmpty();
    assertThat(loiter(0.4, 40, 5)).isEmpty();
  }

  @Test
  void aVesselClaimingMooredWhileMakingWayStillLoiters() {
    assertThat(loiter(1.5, 25, 5))
        .singleElement()
        .extracting(Alert::severity)
        .isEqualTo(Severity.MEDIUM);
  }
}
