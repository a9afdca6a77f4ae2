/**
 * The detection engine ({@code MaritimeEngine}): feeds observations into the vessel registry and
 * bounded tracks, measures each position against the infrastructure layer, runs every detector and
 * reports alerts; single-threaded, with its settings ({@code EngineConfig}) and counters ({@code
 * EngineStats}). The same engine runs in {@code bulwark maritime scan}, in the node's live watch
 * and in the benchmarks.
 */
package dev.bulwark.maritime.engine;
