package dev.bulwark.node.maritime.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureLoopTest {

  static final long T0 = 1_700_000_000_000L;

  /** A ship at anchor reporting at 0 s and 100 s, and a ferry reporting every 10 s for 290 s. */
  static List<VesselObservation> capture() {
    List<VesselObservation> c = new ArrayList<>();
    c.add(
        new PositionReport(
            211_000_001, T0, 54.5, 12.5, 0.1, 90, 90, PositionReport.STATUS_AT_ANCHOR, false));
    c.add(
        new PositionReport(
            211_000_001,
            T0 + 100_000,
            54.5,
            12.5,
            0.1,
            90,
            90,
            PositionReport.STATUS_AT_ANCHOR,
            false));
    for (int s = 0; s <= 290; s += 10) {
      c.add(
          new PositionReport(
              211_000_002, T0 + s * 1000L, 54.6, 12.0 + s * 0.0001, 12, 90, 90, 0, false));
    }
    c.sort(Comparator.comparingLong(VesselObservation::timeMillis));
    return c;
  }

  @Test
  void aSlowReporterNeverFallsSilentLongerThanItsOwnIntervalAtTheTurns() {
    CaptureLoop loop = new CaptureLoop(capture(), T0);
    Map<Integer, PositionReport> previous = new HashMap<>();
    Map<Integer, Long> longestGap = new HashMap<>();
    Map<Integer, Integer> sessions = new HashMap<>();
    long clock = Long.MIN_VALUE;
    // four passes: forward, backward, forward, backward
    while (loop.peekTime() < T0 + 4 * 291_000L) {
      long peek = loop.peekTime();
      VesselObservation o = loop.next();
      if (o instanceof SessionStart ss) {
        assertThat(ss.timeMillis()).isEqualTo(peek);
        sessions.merge(ss.mmsi(), 1, Integer::sum);
        continue;
      }
      PositionReport p = (PositionReport) o;
      assertThat(p.timeMillis()).isEqualTo(peek).isGreaterThanOrEqualTo(clock);
      clock = p.timeMillis();
      PositionReport before = previous.put(p.mmsi(), p);
      if (before != null) {
        longestGap.merge(p.mmsi(), p.timeMillis() - before.timeMillis(), Math::max);
        // no jumps: the ferry moves at most one 10 s step between reports, also around the turns
        assertThat(Math.abs(p.lon() - before.lon())).isLessThanOrEqualTo(0.0010001);
      }
    }
    // without the turn reports the anchored ship would be silent 2 x 190 s = 381 s (> 6 min: "going
    // dark")
    assertThat(longestGap.get(211_000_001)).isLessThanOrEqualTo(191_000L);
    assertThat(longestGap.get(211_000_002)).isLessThanOrEqualTo(10_000L);
    // every ship starts a new session at the end of each of the four passes
    assertThat(sessions).containsEntry(211_000_001, 4).containsEntry(211_000_002, 4);
  }

  @Test
  void backwardPassesTurnTheCourseRound() {
    CaptureLoop loop = new CaptureLoop(capture(), T0);
    List<PositionReport> ferry = new ArrayList<>();
    while (loop.peekTime() < T0 + 2 * 291_000L) {
      if (loop.next() instanceof PositionReport p && p.mmsi() == 211_000_002) {
        ferry.add(p);
      }
    }
    assertThat(ferry.get(0).cogDeg()).isEqualTo(90);
    assertThat(ferry.get(ferry.size() - 1).cogDeg()).isEqualTo(270);
    assertThat(ferry.get(ferry.size() - 1).lon()).isEqualTo(12.0);
  }
}
