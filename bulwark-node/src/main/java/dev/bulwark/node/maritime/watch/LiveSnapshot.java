package dev.bulwark.node.maritime.watch;

import dev.bulwark.maritime.engine.EngineStats;
import java.util.List;

/**
 * What the engine looked like at one moment, published by the engine thread about once a second so
 * that readers never touch the engine itself. Immutable.
 *
 * @param engineTime the engine's clock (newest plausible observation), RFC 3339, "" before any
 */
public record LiveSnapshot(String engineTime, EngineStats stats, List<VesselView> vessels) {
  public LiveSnapshot {
    vessels = List.copyOf(vessels);
  }

  static LiveSnapshot empty() {
    return new LiveSnapshot("", new EngineStats(0, 0, 0, 0, 0, 0, 0, 0), List.of());
  }
}
