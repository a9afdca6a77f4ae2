package dev.bulwark.maritime.infra;

/**
 * Where a straight path first crosses a cable or pipeline: the asset, the crossing point and the
 * distance along the path from its start. Immutable.
 *
 * @param asset the asset crossed
 * @param lat latitude of the crossing point, degrees
 * @param lon longitude of the crossing point, degrees
 * @param distanceM distance from the path's start to the crossing point, metres
 */
public record Crossing(Asset asset, double lat, double lon, double distanceM) {}
