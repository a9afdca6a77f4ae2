package dev.bulwark.maritime.engine;

import dev.bulwark.maritime.track.TrackPolicy;

/**
 * Engine settings. Defaults: tracks per {@link TrackPolicy#DEFAULT}; a tick every 30 s of track
 * time (silences and encounters are checked at ticks, so alerts come at most 30 s late);
 * infrastructure fetched from the index within 30 km and measured within 12 km (the widest detector
 * radius, 10 km, plus margin); a clock that ignores single reports more than 15 min ahead (bad
 * receiver clocks) until 50 in a row confirm the jump; vessels forgotten after 24 h of silence;
 * episodes closed after 2 h without new evidence; updates published at most every 5 min of track
 * time. Immutable.
 *
 * @param trackPolicy track bounds
 * @param tickMillis tick period
 * @param neighbourhoodRadiusM radius fetched from the spatial index
 * @param proximityRadiusM radius within which assets are measured on each report
 * @param maxClockJumpMillis clock jump accepted without confirmation
 * @param evictAfterMillis silence after which a vessel is forgotten
 * @param episodeGapMillis quiet time that closes an alert episode
 * @param updateEveryMillis least time between published updates of one alert
 */
public record EngineConfig(
    TrackPolicy trackPolicy,
    long tickMillis,
    double neighbourhoodRadiusM,
    double proximityRadiusM,
    long maxClockJumpMillis,
    long evictAfterMillis,
    long episodeGapMillis,
    long updateEveryMillis) {

  public static final EngineConfig DEFAULT =
      new EngineConfig(
          TrackPolicy.DEFAULT, 30_000L, 10_000, 7_000, 900_000L, 86_400_000L, 7_200_000L, 300_000L);

  public EngineConfig {
    if (proximityRadiusM >= neighbourhoodRadiusM || tickMillis <= 0) {
      throw new IllegalArgumentException(
          "proximity radius must be below the neighbourhood radius; tick > 0");
    }
  }
}
