package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.Crossing;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.track.Track;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Early warning of anchor drag: the signature's onset, before the ship reaches a cable. A ship
 * under way that has slowed and holds its reduced speed and its course, on a dead-reckoned track
 * that will cross a cable or pipeline, raises an {@code anchor-drag} alert at medium severity with
 * the predicted asset, crossing point and time; the alert is updated (same episode: kind, vessel,
 * asset) as the prediction develops, and escalated to high when the ship enters that asset's
 * corridor with the pattern still on. The {@link AnchorDragDetector} keeps scoring ships inside
 * corridors; both feed the same episode.
 *
 * <p>Checked at most once a minute of track time per vessel (on the report that starts a new
 * minute), and only for ships that pass the cheap tests first (speed in the band, under way, not a
 * service or fishing craft, a sailing or pleasure craft, a listed working vessel, or in a port or
 * anchorage); no state is held for a vessel until it is warned about, so memory per vessel does not
 * grow.
 *
 * <p>The pattern, with the defaults and their sources:
 *
 * <ul>
 *   <li>mean speed over the last {@code sustain} (4 min) within {@code minKn}-{@code maxKn} (2-9
 *       kn), and its reports within {@code plateauKn} (1.5 kn) of each other: a sustained lower
 *       speed, not a ship still slowing towards a berth. Eagle S: about 9 kn falling to about 6 kn
 *       while it dragged its anchor some 100 km towards Estlink 2 (25 December 2024, Finnish police
 *       and Fintraffic track data as reported); Yi Peng 3 dragged its anchor for about 180 km at a
 *       reduced speed of roughly 6-7 kn (17-18 November 2024, as reported); Newnew Polar Bear
 *       dragged its anchor across Balticconnector and two cables (8 October 2023, Finnish
 *       investigation as reported). Below 2 kn is loitering (the GFW threshold), above 9 kn a
 *       dragging anchor is not plausible.
 *   <li>a drop of at least {@code minDrop} (15 %) from the cruising speed (highest 10-minute mean
 *       in the {@code reference} look-back, 3 h, needing {@code minReference}, 20 min): Eagle S
 *       lost a third of its speed (9 to 6 kn), the Yi Peng 3 a similar share; 15 % stays under both
 *       and above ordinary speed keeping.
 *   <li>course persistence: the track's bearing over each half of the last {@code sustain} within
 *       {@code courseTolDeg} (15 deg) of each other: an anchor dragged on a long chain does not
 *       stop the ship steering, and a ship manoeuvring is not dragging; the bearing of the track
 *       (not the noisy reported course) gives the dead reckoning.
 *   <li>the dead-reckoned track at the current mean speed, up to {@code horizon} (8 h) and {@code
 *       maxAheadKm} (100 km, Eagle S's drag), crosses a cable or pipeline: no warning without an
 *       asset ahead.
 * </ul>
 *
 * Not thread-safe (engine thread only).
 */
public final class AnchorDragWarning extends BaseDetector {

  /**
   * Parameters; see the class comment for their sources.
   *
   * @param minKn lower bound of the dragging speed band
   * @param maxKn upper bound of the band
   * @param sustainMillis window over which the lower speed and the course must hold
   * @param plateauKn largest spread of reported speeds within the window
   * @param minDrop smallest speed drop from cruise that counts, as a fraction
   * @param referenceMillis how far back the cruising speed is looked for
   * @param minReferenceMillis history needed before the drop can be measured
   * @param courseTolDeg largest change of track bearing between the window's halves
   * @param horizonMillis how far ahead the track is dead-reckoned, in time
   * @param maxAheadKm how far ahead, at most, in distance
   */
  public record Params(
      double minKn,
      double maxKn,
      long sustainMillis,
      double plateauKn,
      double minDrop,
      long referenceMillis,
      long minReferenceMillis,
      double courseTolDeg,
      long horizonMillis,
      double maxAheadKm) {
    public static final Params DEFAULT =
        new Params(2.0, 9.0, 240_000L, 1.5, 0.15, 10_800_000L, 1_200_000L, 15, 28_800_000L, 100);
  }

  /** Held only for a vessel that has been warned about: the warning's reference values. */
  private static final class State {
    double cruise;
    Asset asset;
    long onset;
    long firstEta;
    long lastWarned;
    long lastReported = Long.MIN_VALUE / 2;
  }

  private final Params p;

  public AnchorDragWarning(Params p) {
    this.p = p;
  }

  public AnchorDragWarning() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.ANCHOR_DRAG;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("warning_band_kn", p.minKn() + "-" + p.maxKn());
    m.put("warning_sustain_min", Double.toString(p.sustainMillis() / 60_000.0));
    m.put("warning_plateau_kn", Double.toString(p.plateauKn()));
    m.put("warning_min_drop", Double.toString(p.minDrop()));
    m.put("warning_course_tol_deg", Double.toString(p.courseTolDeg()));
    m.put("warning_horizon_h", Double.toString(p.horizonMillis() / 3_600_000.0));
    m.put("warning_max_ahead_km", Double.toString(p.maxAheadKm()));
    return m;
  }

  @Override
  public void onPosition(VesselState v, PositionReport r, DetectionContext ctx) {
    long now = r.timeMillis();
    // Once per minute of track time: the report that opens a new minute.
    if (now / 60_000L == v.previous().timeMillis() / 60_000L && v.previous() != r) {
      return;
    }
    if (!r.hasSog() || r.sogKn() < p.minKn() || r.sogKn() > p.maxKn() + p.plateauKn()) {
      return;
    }
    if (!underWay(r.navStatus()) || excluded(v, ctx)) {
      return;
    }
    Track t = v.track();
    long from = now - p.sustainMillis();
    if (t.size() < 4 || t.time(0) > now - p.minReferenceMillis()) {
      return;
    }
    if (TrackStats.coveredMillis(t, from) < p.sustainMillis() * 0.6) {
      return;
    }
    double mean = t.meanSog(from);
    double[] range = TrackStats.sogRange(t, from);
    if (!(mean >= p.minKn() && mean <= p.maxKn()) || range[1] - range[0] > p.plateauKn()) {
      return;
    }
    double bearing = persistentBearing(t, from, now);
    if (Double.isNaN(bearing)) {
      return;
    }
    State s = v.slot(slot);
    double cruise =
        s != null && now - s.lastWarned <= 1_800_000L
            ? s.cruise
            : TrackStats.maxBucketMean(t, now - p.referenceMillis(), from, 600_000L, 1_200_000L);
    if (!(cruise > 0) || 1 - mean / cruise < p.minDrop()) {
      return;
    }
    warn(v, r, ctx, s, new Pattern(mean, cruise, bearing, from));
  }

  /** What the warning saw: mean and cruise speed, track bearing, window start. */
  private record Pattern(double mean, double cruise, double bearing, long from) {}

  private void warn(VesselState v, PositionReport r, DetectionContext ctx, State held, Pattern x) {
    long now = r.timeMillis();
    double aheadM =
        Math.min(p.maxAheadKm() * 1000, x.mean() * Geo.MPS_PER_KNOT * p.horizonMillis() / 1000.0);
    double[] end = Geo.destination(r.lat(), r.lon(), x.bearing(), aheadM);
    Optional<Crossing> ahead = ctx.layer().firstCrossing(r.lat(), r.lon(), end[0], end[1]);
    Proximity prox = v.proximity();
    int ci = prox.corridorIndex();
    boolean entered =
        held != null
            && ci >= 0
            && held.asset != null
            && prox.asset(ci).id().equals(held.asset.id())
            && !prox.inSafeHaven();
    if (ahead.isEmpty() && !entered) {
      return;
    }
    State s = held;
    if (s == null || now - s.lastWarned > 1_800_000L) {
      s = new State();
      s.cruise = x.cruise();
      s.onset = x.from();
      v.slot(slot, s);
    }
    if (entered) {
      report(v, ctx, s, prox.asset(ci).name(), null, x, now, Severity.HIGH, prox.distanceM(ci));
      s.lastWarned = now;
      return;
    }
    Crossing c = ahead.get();
    boolean newAsset = s.asset == null || !c.asset().id().equals(s.asset.id());
    if (newAsset) {
      s.asset = c.asset();
      s.firstEta = now + etaMillis(c.distanceM(), x.mean());
    }
    s.lastWarned = now;
    // The alert book publishes an update at most every 5 minutes: a finding a minute would only be
    // formatted to be folded away.
    if (newAsset || now - s.lastReported >= 300_000L) {
      s.lastReported = now;
      report(v, ctx, s, c.asset().name(), c, x, now, Severity.MEDIUM, Double.NaN);
    }
  }

  private void report(
      VesselState v,
      DetectionContext ctx,
      State s,
      String assetName,
      Crossing c,
      Pattern x,
      long now,
      Severity sev,
      double inCorridorM) {
    Map<String, String> ev = new LinkedHashMap<>();
    double drop = 1 - x.mean() / x.cruise();
    ev.put("cruise_sog_kn", AnchorDragDetector.fmt(x.cruise()));
    ev.put("slow_sog_kn", AnchorDragDetector.fmt(x.mean()));
    ev.put("drop_pct", String.format(Locale.ROOT, "%.0f", drop * 100));
    ev.put("min_drop_pct", String.format(Locale.ROOT, "%.0f", p.minDrop() * 100));
    ev.put("track_bearing_deg", String.format(Locale.ROOT, "%.0f", x.bearing()));
    ev.put("minutes_slow", Long.toString((now - s.onset) / 60_000));
    ev.put("predicted_asset", assetName);
    ev.put("first_predicted_eta", Instant.ofEpochMilli(s.firstEta).toString());
    if (c != null) {
      ev.put("predicted_crossing_lat", String.format(Locale.ROOT, "%.4f", c.lat()));
      ev.put("predicted_crossing_lon", String.format(Locale.ROOT, "%.4f", c.lon()));
      ev.put("distance_to_crossing_km", String.format(Locale.ROOT, "%.1f", c.distanceM() / 1000));
      ev.put(
          "predicted_eta",
          Instant.ofEpochMilli(now + etaMillis(c.distanceM(), x.mean())).toString());
    } else {
      ev.put("distance_to_asset_m", AnchorDragDetector.fmt(inCorridorM));
      ev.put("in_corridor", "true");
    }
    String summary =
        c != null
            ? String.format(
                Locale.ROOT,
                "%s slowed from %.1f to %.1f kn (%.0f %% below cruise) holding %03.0f deg: heading for"
                    + " %s, crossing in %.1f km, about %s",
                v.identity().label(),
                x.cruise(),
                x.mean(),
                drop * 100,
                x.bearing(),
                assetName,
                c.distanceM() / 1000,
                Instant.ofEpochMilli(now + etaMillis(c.distanceM(), x.mean())))
            : String.format(
                Locale.ROOT,
                "%s entered the %s corridor still at %.1f kn (%.0f %% below its cruise of %.1f kn)",
                v.identity().label(),
                assetName,
                x.mean(),
                drop * 100,
                x.cruise());
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.of(s.asset),
                s.onset,
                now,
                sev,
                sev == Severity.HIGH ? 0.9 : 0.6,
                summary,
                ev));
  }

  private static long etaMillis(double distanceM, double kn) {
    return (long) (distanceM / (kn * Geo.MPS_PER_KNOT) * 1000);
  }

  /**
   * The bearing of the track over the window when its two halves agree within the tolerance (course
   * persistence), NaN otherwise.
   */
  private double persistentBearing(Track t, long from, long now) {
    int a = t.indexAtOrAfter(from);
    int m = t.indexAtOrAfter(from + (now - from) / 2);
    int b = t.size() - 1;
    if (a >= m || m >= b) {
      return Double.NaN;
    }
    double first = Geo.bearingDeg(t.lat(a), t.lon(a), t.lat(m), t.lon(m));
    double second = Geo.bearingDeg(t.lat(m), t.lon(m), t.lat(b), t.lon(b));
    if (Geo.angleDiffDeg(first, second) > p.courseTolDeg()) {
      return Double.NaN;
    }
    return Geo.bearingDeg(t.lat(a), t.lon(a), t.lat(b), t.lon(b));
  }

  /** Under way: not at anchor, moored, aground, fishing or sailing (AIS navigational status). */
  private static boolean underWay(int status) {
    return status != PositionReport.STATUS_AT_ANCHOR
        && status != PositionReport.STATUS_MOORED
        && status != PositionReport.STATUS_AGROUND
        && status != PositionReport.STATUS_FISHING
        && status != 8;
  }

  /**
   * Working, fishing, sailing and pleasure craft (AIS types 36, 37: their speed follows the wind
   * and their anchors are not the threat), listed working vessels, and ships in a port or
   * anchorage.
   */
  private static boolean excluded(VesselState v, DetectionContext ctx) {
    int type = v.identity().shipType();
    return Ships.isServiceOrFishing(type)
        || type == 36
        || type == 37
        || v.proximity().inSafeHaven()
        || ctx.isWorkingVessel(v);
  }
}
