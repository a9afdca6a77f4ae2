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
 * @param onsetMillis track time at which the behaviour became detectable (entering the corridor
 *     while dragging, the last report before going dark, the first spoofed report, two ships
 *     stopped together)
 * @param description what happens, for people
 */
public record Expectation(
    String scenario,
    AlertKind kind,
    int mmsi,
    Optional<String> asset,
    long onsetMillis,
    String description) {}
