package dev.bulwark.maritime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertListener;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.track.TrackPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBoundTest {

  @Test
  void memoryPerVesselStaysUnder28KilobytesWhateverTheNumberOfReports() {
    MaritimeEngine e = MaritimeEngine.withDefaults(InfrastructureLayer.empty(), (a, c) -> {});
    long t0 = 1_700_000_000_000L;
    int vessels = 8;
    // 26 h of reports every 3 s per vessel, zigzagging so that many points are key points.
    for (int i = 0; i < 26 * 1200; i++) {
      for (int v = 0; v < vessels; v++) {
        double cog = ((i / 100) % 2 == 0) ? 45 : 135;
        e.accept(
            new PositionReport(
                230_000_000 + v,
                t0 + i * 3_000L,
                55 + v * 0.1 + (i % 1000) * 1e-4,
                12 + (i % 997) * 1e-4,
                8 + (i % 30) * 0.1,
                cog,
                (int) cog,
                0,
                false));
      }
    }
    long perVessel = e.vessels().stream().mapToLong(v -> v.retainedBytes()).max().orElseThrow();
    assertThat(e.stats().vessels()).isEqualTo(vessels);
    assertThat(perVessel).isLessThanOrEqualTo(28_000);
    e.vessel(230_000_000)
        .ifPresent(
            v -> assertThat(v.track().size()).isLessThanOrEqualTo(TrackPolicy.DEFAULT.capacity()));
  }

  @Test
  void silentVesselsAreForgottenAfter24Hours() {
    MaritimeEngine e = MaritimeEngine.withDefaults(InfrastructureLayer.empty(), (a, c) -> {});
    long t0 = 1_700_000_000_000L;
    e.accept(PositionReport.of(230_000_001, t0, 55, 12, 10, 90));
    for (int i = 0; i < 26 * 60; i++) {
      e.accept(PositionReport.of(230_000_002, t0 + i * 60_000L, 55, 12 + i * 1e-4, 10, 90));
    }
    assertThat(e.vessel(230_000_001)).isEmpty();
    assertThat(e.vessel(230_000_002)).isPresent();
  }

  @Test
  void alertEpisodesQuietForADayAreHandedOverAsClosedAndLetGo() {
    List<Alert> closed = new ArrayList<>();
    MaritimeEngine e =
        MaritimeEngine.withDefaults(
            InfrastructureLayer.empty(),
            (a, c) -> {
              if (c == AlertListener.Change.CLOSED) {
                closed.add(a);
              }
            });
    long t0 = 1_700_000_000_000L;
    // An impossible jump raises a spoofing alert; then 26 h of ordinary reports.
    e.accept(PositionReport.of(230_000_001, t0, 55, 12, 10, 90));
    e.accept(PositionReport.of(230_000_001, t0 + 10_000, 56, 12, 10, 90));
    assertThat(e.alerts()).hasSize(1);
    for (int i = 1; i < 26 * 60; i++) {
      e.accept(PositionReport.of(230_000_002, t0 + i * 60_000L, 55, 12 + i * 1e-4, 10, 90));
    }
    assertThat(e.alerts()).isEmpty();
    assertThat(closed).hasSize(1);
    assertThat(e.stats().alerts()).isEqualTo(1);
  }
}
