package dev.bulwark.node.maritime.ingest;

import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short capture played back and forth for ever on a continuous clock: forwards, then backwards
 * with courses turned round, so that no ship ever jumps on the map. At each turn every ship starts
 * a new session ({@link SessionStart}): a pass is five minutes of what really happened, and the
 * detectors must not join passes into a longer history that never was (ships "drifting" or
 * "loitering" for 20 minutes on five minutes of reports played back and forth were most of the
 * demo's low alerts). At each turn every ship also reports once more where it was, just before the
 * turn: without that, a ship that reports every three minutes (at anchor, moored, Class B) would
 * fall silent for up to twice its interval around the turn and look as if it had gone dark, an
 * artefact of the loop and not of the ship. Not thread-safe.
 */
final class CaptureLoop {
  /**
   * Turn reports come this long before the next pass starts (after the last report of the pass).
   */
  static final long TURN_LEAD_MILLIS = 500L;

  private final List<VesselObservation> capture;
  private final List<PositionReport> lastOfEachShip;
  private final List<PositionReport> firstOfEachShip;
  private final long c0;
  private final long c1;
  private final long passLength;
  private final long start;
  private int pass;
  private int index;
  private int turnIndex = -1;
  private int sessionIndex = -1;
  private final int[] ships;

  /**
   * @param capture observations sorted by time, not empty
   * @param startMillis clock time at which the first pass starts
   */
  CaptureLoop(List<VesselObservation> capture, long startMillis) {
    if (capture.isEmpty()) {
      throw new IllegalArgumentException("the capture holds no observation");
    }
    this.capture = List.copyOf(capture);
    this.c0 = capture.get(0).timeMillis();
    this.c1 = capture.get(capture.size() - 1).timeMillis();
    this.passLength = c1 - c0 + 1_000L;
    this.start = startMillis;
    Map<Integer, PositionReport> first = new LinkedHashMap<>();
    Map<Integer, PositionReport> last = new LinkedHashMap<>();
    for (VesselObservation o : capture) {
      if (o instanceof PositionReport p) {
        first.putIfAbsent(p.mmsi(), p);
        last.put(p.mmsi(), p);
      }
    }
    this.firstOfEachShip = new ArrayList<>(first.values());
    this.lastOfEachShip = new ArrayList<>(last.values());
    this.ships = capture.stream().mapToInt(VesselObservation::mmsi).distinct().toArray();
  }

  /** Clock time of the observation {@link #next()} returns, without consuming it. */
  long peekTime() {
    if (turnIndex >= 0 || sessionIndex >= 0) {
      return passStart() + passLength - TURN_LEAD_MILLIS;
    }
    VesselObservation c = capture.get(forward() ? index : capture.size() - 1 - index);
    return forward() ? passStart() + (c.timeMillis() - c0) : passStart() + (c1 - c.timeMillis());
  }

  /** The next observation, moved to the loop's clock (and turned round on backward passes). */
  VesselObservation next() {
    long t = peekTime();
    if (sessionIndex >= 0) {
      VesselObservation out = new SessionStart(ships[sessionIndex], t);
      if (++sessionIndex == ships.length) {
        sessionIndex = -1;
        if (lastOfEachShip.isEmpty()) {
          pass++;
        } else {
          turnIndex = 0;
        }
      }
      return out;
    }
    if (turnIndex >= 0) {
      // a backward pass ends on each ship's first report, a forward one on its last
      List<PositionReport> turn = forward() ? lastOfEachShip : firstOfEachShip;
      PositionReport p = turn.get(turnIndex);
      VesselObservation out = forward() ? Observations.at(p, t) : Observations.reversedAt(p, t);
      if (++turnIndex == turn.size()) {
        turnIndex = -1;
        pass++;
      }
      return out;
    }
    VesselObservation c = capture.get(forward() ? index : capture.size() - 1 - index);
    VesselObservation out = forward() ? Observations.at(c, t) : Observations.reversedAt(c, t);
    if (++index == capture.size()) {
      index = 0;
      sessionIndex = 0;
    }
    return out;
  }

  private boolean forward() {
    return pass % 2 == 0;
  }

  private long passStart() {
    return start + pass * passLength;
  }
}
