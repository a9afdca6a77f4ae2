package dev.bulwark.node.maritime.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.AlertListener.Change;
import dev.bulwark.maritime.alert.Evidence;
import dev.bulwark.maritime.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only what a reader would care about becomes a stored incident version. */
class IncidentVersionGateTest {

  static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

  static Alert alert(long minutes, Severity severity) {
    return new Alert(
        "anchor-drag-1",
        AlertKind.ANCHOR_DRAG,
        518000002,
        "SCENARIO EAGLE W",
        List.of(),
        Optional.of("estlink-2"),
        Optional.of("Estlink 2"),
        T0,
        T0.plusSeconds(minutes * 60),
        T0,
        severity,
        0.6,
        "slowed",
        new Evidence("null", Map.of()),
        0);
  }

  @Test
  void raisedEscalatedAndClosedAreAlwaysWrittenUpdatesOnlyHourly() {
    IncidentVersionGate g = new IncidentVersionGate(3_600_000L);
    assertThat(g.admit(alert(0, Severity.MEDIUM), Change.RAISED)).isTrue();
    for (int m = 5; m < 60; m += 5) {
      assertThat(g.admit(alert(m, Severity.MEDIUM), Change.UPDATED)).as("minute " + m).isFalse();
    }
    assertThat(g.admit(alert(60, Severity.MEDIUM), Change.UPDATED)).isTrue();
    assertThat(g.admit(alert(65, Severity.MEDIUM), Change.UPDATED)).isFalse();
    assertThat(g.admit(alert(70, Severity.HIGH), Change.ESCALATED)).isTrue();
    assertThat(g.admit(alert(75, Severity.HIGH), Change.UPDATED)).isFalse();
    assertThat(g.size()).isEqualTo(1);
    assertThat(g.admit(alert(80, Severity.HIGH), Change.CLOSED)).isTrue();
    assertThat(g.size()).isZero();
  }

  @Test
  void aSeverityChangeSeenOnlyInAnUpdateIsWrittenToo() {
    IncidentVersionGate g = new IncidentVersionGate(3_600_000L);
    assertThat(g.admit(alert(0, Severity.MEDIUM), Change.RAISED)).isTrue();
    assertThat(g.admit(alert(5, Severity.HIGH), Change.UPDATED)).isTrue();
  }
}
