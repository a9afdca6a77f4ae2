package dev.bulwark.maritime.engine;

/**
 * Counters of what the engine did with its input. Immutable snapshot.
 *
 * @param positions position reports received
 * @param statics static reports received
 * @param admitted position reports added to tracks
 * @param duplicates same report received again (several receivers)
 * @param outOfOrder reports older than the vessel's newest, not used
 * @param gated reports held out of the track as impossible movement
 * @param vessels vessels held now
 * @param alerts alert episodes raised
 */
public record EngineStats(
    long positions,
    long statics,
    long admitted,
    long duplicates,
    long outOfOrder,
    long gated,
    int vessels,
    int alerts) {}
