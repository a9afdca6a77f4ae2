package dev.bulwark.maritime.track;

/**
 * How much of a vessel's past a {@link Track} keeps, and what down-sampling may drop.
 *
 * <p>Defaults: a 24 h window (the longest look-back any detector needs: GFW's encounter rule wants
 * 2 h, the drag signature compares with the previous 2 h, and watch officers replay a day); at most
 * 1,440 points (one a minute over the window on average); a new point at least every 30 s; and a
 * point is always kept when the course turns by more than 10 degrees, the speed changes by more
 * than 1 knot, the navigational status changes, or reports resume after a 3-minute silence, because
 * these are exactly what the anchor-drag, loitering and going-dark detectors look at. Immutable,
 * thread-safe.
 *
 * @param windowMillis oldest point kept, relative to the newest
 * @param capacity most points kept (memory bound: 18 bytes a point)
 * @param minIntervalMillis two stored points are at least this far apart unless something changed
 * @param turnDeg a course change above this is kept
 * @param speedChangeKn a speed change above this is kept
 * @param gapMillis a silence above this is kept (the point after it is key)
 */
public record TrackPolicy(
    long windowMillis,
    int capacity,
    long minIntervalMillis,
    double turnDeg,
    double speedChangeKn,
    long gapMillis) {

  /** The defaults described above. */
  public static final TrackPolicy DEFAULT =
      new TrackPolicy(24 * 3_600_000L, 1440, 30_000L, 10.0, 1.0, 180_000L);

  public TrackPolicy {
    if (windowMillis <= 0
        || capacity < 8
        || minIntervalMillis < 0
        || windowMillis > 20L * 24 * 3_600_000) {
      throw new IllegalArgumentException("bad track policy");
    }
  }
}
