package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.infra.Neighbourhood;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.track.Track;
import dev.bulwark.maritime.track.TrackPolicy;
import dev.bulwark.maritime.vessel.VesselIdentity;

/**
 * Everything the engine holds about one vessel: its bounded track, its identity, the infrastructure
 * around its latest position, and one state slot per detector.
 *
 * <p>Memory: the track (at most 18 bytes a point times the policy's capacity, 26 KB with the
 * defaults) plus about 400 bytes here and a few hundred bytes of detector state; see {@link
 * #retainedBytes()}. Not thread-safe: owned by one engine.
 */
public final class VesselState {

  private final int mmsi;
  private final Track track;
  private final Object[] slots;
  private final Proximity proximity = new Proximity();
  private VesselIdentity identity;
  private PositionReport last;
  private PositionReport previous;
  private Neighbourhood neighbourhood;
  private Neighbourhood measuredIn;
  private float measuredLat = Float.NaN;
  private float measuredLon = Float.NaN;
  private long firstSeen = Long.MIN_VALUE;
  private long observedMillis;

  public VesselState(int mmsi, TrackPolicy policy, int detectorSlots) {
    this.mmsi = mmsi;
    this.track = new Track(policy);
    this.slots = new Object[detectorSlots];
    this.identity = VesselIdentity.unknown(mmsi);
  }

  public int mmsi() {
    return mmsi;
  }

  public Track track() {
    return track;
  }

  public VesselIdentity identity() {
    return identity;
  }

  public void identity(VesselIdentity id) {
    this.identity = id;
  }

  /**
   * The latest admitted position report; null only before the first (never exposed as such by the
   * engine).
   */
  public PositionReport last() {
    return last;
  }

  /** Whether a position has been admitted. */
  public boolean hasPosition() {
    return last != null;
  }

  /** The admitted report before the latest, or the latest when there was only one. */
  public PositionReport previous() {
    return previous == null ? last : previous;
  }

  /** Records an admitted report and the observed time it adds (gaps over 10 min do not count). */
  public void admit(PositionReport p) {
    if (last != null) {
      long dt = p.timeMillis() - last.timeMillis();
      if (dt > 0 && dt <= 600_000L) {
        observedMillis += dt;
      }
    } else {
      firstSeen = p.timeMillis();
    }
    previous = last;
    last = p;
  }

  /** Track time of the latest admitted report. */
  public long lastSeen() {
    return last == null ? Long.MIN_VALUE : last.timeMillis();
  }

  public long firstSeen() {
    return firstSeen;
  }

  /** Observed time (sum of intervals between reports up to 10 min apart), for vessel-hour rates. */
  public long observedMillis() {
    return observedMillis;
  }

  /** Infrastructure around the latest admitted position (valid after the engine measured it). */
  public Proximity proximity() {
    return proximity;
  }

  /**
   * Whether the proximity must be measured again: first report, new neighbourhood, or moved 25 m or
   * more.
   */
  public boolean needsMeasure(double lat, double lon, Neighbourhood hood) {
    if (hood != measuredIn || Float.isNaN(measuredLat)) {
      return true;
    }
    double dLat = (lat - measuredLat) * 111_195.0;
    double dLon = (lon - measuredLon) * 111_195.0;
    // Metres of longitude overestimated (as at the equator): errs towards measuring again.
    return dLat * dLat + dLon * dLon >= 25.0 * 25.0;
  }

  /** Records where the proximity was last measured. */
  public void measuredAt(double lat, double lon, Neighbourhood hood) {
    measuredLat = (float) lat;
    measuredLon = (float) lon;
    measuredIn = hood;
  }

  public Neighbourhood neighbourhood() {
    return neighbourhood;
  }

  public void neighbourhood(Neighbourhood n) {
    this.neighbourhood = n;
  }

  /** A detector's state for this vessel. */
  @SuppressWarnings("unchecked")
  public <T> T slot(int i) {
    return (T) slots[i];
  }

  public void slot(int i, Object state) {
    slots[i] = state;
  }

  /**
   * Bytes held by this vessel (track arrays included; detector states estimated at 64 bytes each).
   */
  public long retainedBytes() {
    long b = 96 + 16 + slots.length * 4L + 48 + 3 * 72 + track.retainedBytes();
    for (Object o : slots) {
      if (o != null) {
        b += 64;
      }
    }
    return b;
  }
}
