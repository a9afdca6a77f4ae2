package dev.bulwark.maritime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.ObservationFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real traffic (see src/test/resources/.../ais/SOURCES.md) through the whole engine on the Baltic
 * layer.
 */
class RealCapturesTest {

  static final InfrastructureLayer BALTIC = GeoJsonInfrastructure.baltic().layer();

  static MaritimeEngine replay(String file) {
    var read = ObservationFiles.resource("/dev/bulwark/maritime/ais/" + file);
    MaritimeEngine engine = MaritimeEngine.withDefaults(BALTIC, (a, c) -> {});
    read.observations().forEach(engine::accept);
    engine.finish();
    return engine;
  }

  @Test
  void danishFiveMinuteCaptureRaisesNoHighAlert() {
    MaritimeEngine e = replay("dma_2013-11-12_5min.nmea.gz");
    assertThat(e.stats().vessels()).isGreaterThan(1_400);
    assertThat(e.alerts()).noneMatch(a -> a.severity() == Severity.HIGH);
  }

  @Test
  void solentCsvRaisesNoHighAlert() {
    MaritimeEngine e = replay("solent_2016-01-12.csv.gz");
    assertThat(e.stats().vessels()).isEqualTo(91);
    assertThat(e.alerts()).noneMatch(a -> a.severity() == Severity.HIGH);
  }

  @Test
  void kattegatDrifterIsReportedAsDriftingNotSabotage() {
    MaritimeEngine e = replay("dma_538004030_drift.nmea.gz");
    List<Alert> alerts = e.alerts();
    assertThat(alerts).isNotEmpty();
    assertThat(alerts)
        .allSatisfy(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.DRIFTING);
              assertThat(a.mmsi()).isEqualTo(538_004_030);
              assertThat(a.severity()).isEqualTo(Severity.LOW);
            });
  }
}
