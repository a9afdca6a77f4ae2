package dev.bulwark.maritime.infra;

/**
 * An asset near a position and how far it is. Immutable, thread-safe.
 *
 * @param asset the asset
 * @param distanceM distance from the position to the asset's line or area (0 inside an area)
 */
public record AssetHit(Asset asset, double distanceM) {

  /** Whether the position is inside the asset's corridor. */
  public boolean inCorridor() {
    return distanceM <= asset.halfWidthM();
  }
}
