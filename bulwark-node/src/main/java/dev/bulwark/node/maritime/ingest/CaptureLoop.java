package dev.bulwark.node.maritime.ingest;

import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.List;

/**
 * A short capture played again and again on a continuous clock, always forwards: a pass is five
 * minutes of what really happened, and nothing else. At the end of each pass every ship starts a
 * new session ({@link SessionStart}): the engine and the detectors forget it, so that the next
 * pass, which puts it back where the capture found it, is neither a jump (spoofing, going dark) nor
 * a continuation (passes joined into a longer history that never was: "drifting" or "loitering" for
 * 20 minutes on five minutes of reports).
 *
 * <p>Before issue 18's follow-up the odd passes played the capture backwards with courses turned
 * round, so that no ship jumped on the map: every ship then sailed astern through positions it had
 * only ever passed going ahead, reporting courses and headings it never reported, which is movement
 * that did not happen (the rule for the demo). Not thread-safe.
 */
final class CaptureLoop {
  private final List<VesselObservation> capture;
  private final long c0;
  private final long passLength;
  private final long start;
  private int pass;
  private int index;
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
    long c1 = capture.get(capture.size() - 1).timeMillis();
    this.passLength = c1 - c0 + 1_000L;
    this.start = startMillis;
    this.ships = capture.stream().mapToInt(VesselObservation::mmsi).distinct().toArray();
  }

  /** Clock time of the observation {@link #next()} returns, without consuming it. */
  long peekTime() {
    if (sessionIndex >= 0) {
      // the sessions end a pass: after its last report, before the next pass's first
      return passStart() + passLength - 1;
    }
    return passStart() + (capture.get(index).timeMillis() - c0);
  }

  /** The next observation, moved to the loop's clock. */
  VesselObservation next() {
    long t = peekTime();
    if (sessionIndex >= 0) {
      VesselObservation out = new SessionStart(ships[sessionIndex], t);
      if (++sessionIndex == ships.length) {
        sessionIndex = -1;
        pass++;
      }
      return out;
    }
    VesselObservation out = Observations.at(capture.get(index), t);
    if (++index == capture.size()) {
      index = 0;
      sessionIndex = 0;
    }
    return out;
  }

  /** Passes completed so far. */
  int passes() {
    return pass;
  }

  private long passStart() {
    return start + pass * passLength;
  }
}
