package dev.bulwark.maritime.model;

/**
 * A source starts a new session for a vessel: what the engine holds about it (track, detector
 * state) is not to be joined to what comes next. A replay that loops sends one per vessel at the
 * wrap, so that a ship put back at its starting point is not taken for a ship that jumped there (a
 * 76 km "jump" at 2,122 kn, spoofing and going-dark alerts: artefacts of the loop). Its alerts
 * stay; its identity (static data) stays. Immutable, thread-safe.
 *
 * @param mmsi the vessel
 * @param timeMillis track time at which the new session starts
 */
public record SessionStart(int mmsi, long timeMillis) implements VesselObservation {}
