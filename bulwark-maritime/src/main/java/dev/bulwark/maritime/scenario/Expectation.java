package dev.bulwark.maritime.scenario;

import dev.bulwark.maritime.alert.AlertKind;
import java.util.Optional;

/**
 * What a scenario must make the engine say: an alert of this kind, for this vessel, on this asset,
 * raised no later than a deadline after the onset. Immutable.
 *
 * @param scenario scenario name
 * @param kind alert kind expected
 * @param mmsi vessel expected
 * @param asset asset name expected (empty: none, e.g. a rendezvous away from infrastructure)
 * @param onsetMillis track time at which the behaviour became detectable (the start of the speed
 *     drop of a drag, the last report before going dark, the first spoofed report, two ships
 *     stopped together)
 * @param description what happens, for people
 * @param crossingMillis for a drag: track time at which the ship first enters the asset's corridor
 *     (the onset is then the start of the speed drop, and the alert must name the asset it is
 *     heading for); -1 otherwise
 */
public record Expectation(
    String scenario,
    AlertKind kind,
    int mmsi,
    Optional<String> asset,
    long onsetMillis,
    String description,
    long crossingMillis) {

  /** An expectation without a crossing (every kind but a drag). */
  public Expectation(
      String scenario,
      AlertKind kind,
      int mmsi,
      Optional<String> asset,
      long onsetMillis,
      String description) {
    this(scenario, kind, mmsi, asset, onsetMillis, description, -1);
  }
}
