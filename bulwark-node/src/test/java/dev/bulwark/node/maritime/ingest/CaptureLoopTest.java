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

  /**
   * The bug of the old loop: odd passes played the capture backwards (courses turned round), so a
   * ship sailed astern through places it had only passed going ahead. Now every pass replays each
   * ship's reports as they were, in their order, only moved in time.
   */
  @Test
  void everyPassReplaysEachShipForwardsExactlyAsItReported() {
    List<VesselObservation> capture = capture();
    CaptureLoop loop = new CaptureLoop(capture, T0);
    long passLength = 291_000L;
    Map<Integer, List<PositionReport>> seen = new HashMap<>();
    long clock = Long.MIN_VALUE;
    while (loop.peekTime() < T0 + 4 * passLength) {
      long peek = loop.peekTime();
      VesselObservation o = loop.next();
      assertThat(o.timeMillis()).isEqualTo(peek).isGreaterThanOrEqualTo(clock);
      clock = o.timeMillis();
      if (o instanceof PositionReport p) {
        seen.computeIfAbsent(p.mmsi(), k -> new ArrayList<>()).add(p);
      }
    }
    assertThat(loop.passes()).isEqualTo(4);
    for (int mmsi : new int[] {211_000_001, 211_000_002}) {
      List<PositionReport> original =
          capture.stream().filter(o -> o.mmsi() == mmsi).map(PositionReport.class::cast).toList();
      List<PositionReport> replayed = seen.get(mmsi);
      assertThat(replayed).hasSize(4 * original.size());
      for (int i = 0; i < replayed.size(); i++) {
        PositionReport r = replayed.get(i);
        PositionReport c = original.get(i % original.size());
        long pass = i / original.size();
        assertThat(r.timeMillis()).isEqualTo(c.timeMillis() + pass * passLength);
        assertThat(List.of(r.lat(), r.lon(), r.sogKn(), r.cogDeg()))
            .containsExactly(c.lat(), c.lon(), c.sogKn(), c.cogDeg());
        assertThat(r.headingDeg()).isEqualTo(c.headingDeg());
      }
    }
  }

  @Test
  void everyShipStartsANewSessionBetweenPassesSoThatNoSessionJumps() {
    CaptureLoop loop = new CaptureLoop(capture(), T0);
    Map<Integer, PositionReport> previous = new HashMap<>();
    Map<Integer, Integer> sessions = new HashMap<>();
    while (loop.peekTime() < T0 + 4 * 291_000L) {
      VesselObservation o = loop.next();
      if (o instanceof SessionStart ss) {
        sessions.merge(ss.mmsi(), 1, Integer::sum);
        previous.remove(ss.mmsi());
        continue;
      }
      PositionReport p = (PositionReport) o;
      PositionReport before = previous.put(p.mmsi(), p);
      if (before != null) {
        // within a session the ferry moves one 10 s step between reports: never a jump
        assertThat(Math.abs(p.lon() - before.lon())).isLessThanOrEqualTo(0.0010001);
        assertThat(p.cogDeg()).isEqualTo(90);
      }
    }
    // one new session per ship at the end of each of the four passes
    assertThat(sessions).containsEntry(211_000_001, 4).containsEntry(211_000_002, 4);
  }
}
