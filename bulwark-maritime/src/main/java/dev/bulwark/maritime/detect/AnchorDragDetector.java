package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.track.Track;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The anchor-drag signature: a ship inside a cable or pipeline corridor, holding a speed a dragging
 * anchor allows, after slowing down from its cruising speed, with course anomalies adding weight.
 *
 * <p>Every report inside a corridor is scored:
 *
 * <ul>
 *   <li>+0.35 when the mean speed over the last {@code sustain} is within [{@code minKn}, {@code
 *       maxKn}]; nothing at all is raised otherwise;
 *   <li>+0.35 x drop/0.25 (capped) for the drop from the cruising speed (highest 10-minute mean in
 *       the previous {@code reference}, needing {@code minReference} of history);
 *   <li>+0.30 when the ship reports "at anchor" while making {@code minKn} or more;
 *   <li>+0.20 for a course anomaly within the last hour (net turn over {@code uTurnDeg}, or total
 *       turning over twice that: a U-turn or zigzag);
 *   <li>+0.10 for a cargo ship or tanker (slow crossings are unusual for them), +0.10 for more than
 *       20 minutes inside the corridor (dragging along the line).
 * </ul>
 *
 * An alert needs a score of {@code minScore} and at least one of the drop (>= {@code minDrop}), the
 * anchor status or the course anomaly, so a ship that simply crosses at a steady 8 kn is not
 * flagged. Severity is high from {@code highScore} on a high-criticality asset, medium otherwise.
 * Fishing, towing, dredging and service craft, operator-listed working vessels and vessels in a
 * known anchorage or port are not scored.
 *
 * <p>Defaults and their sources: speed band 2-9 kn (below 2 kn is loitering, the GFW threshold;
 * Eagle S was reported at ~8.5 falling to ~6.3 kn while dragging, Yi Peng 3 at about 7 kn); minDrop
 * 15 % (Eagle S lost about 26 % of its speed); sustain 10 min (a drag lasts hours; 10 min keeps the
 * alert inside the 10-minute goal after the corridor is reached); reference 24 h (the whole track:
 * Eagle S had been dragging for hours when it reached Estlink 2, so a shorter look-back would take
 * the drag itself for the cruise); minReference 20 min; uTurnDeg 150 (Eagle S turned back after the
 * drag). Not thread-safe (engine thread only).
 */
public final class AnchorDragDetector extends BaseDetector {

  /**
   * Parameters; see the class comment for their sources.
   *
   * @param minKn lower bound of the dragging speed band
   * @param maxKn upper bound of the band
   * @param sustainMillis window over which the band must hold
   * @param minDrop smallest speed drop from cruise that counts, as a fraction
   * @param referenceMillis how far back the cruising speed is looked for
   * @param minReferenceMillis history needed before the drop can be measured
   * @param uTurnDeg net turn within an hour that counts as a course anomaly
   * @param minScore score needed to raise
   * @param highScore score from which the alert is high on a high-criticality asset
   */
  public record Params(
      double minKn,
      double maxKn,
      long sustainMillis,
      double minDrop,
      long referenceMillis,
      long minReferenceMillis,
      double uTurnDeg,
      double minScore,
      double highScore) {
    public static final Params DEFAULT =
        new Params(2.0, 9.0, 600_000L, 0.15, 86_400_000L, 1_200_000L, 150, 0.55, 0.70);
  }

  private static final class State {
    String asset = "";
    long corridorSince;
    double cruise = Double.NaN;
    long cruiseAt = Long.MIN_VALUE / 2;
  }

  private final Params p;

  public AnchorDragDetector(Params p) {
    this.p = p;
  }

  public AnchorDragDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.ANCHOR_DRAG;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("band_kn", p.minKn() + "-" + p.maxKn());
    m.put("sustain_min", Long.toString(p.sustainMillis() / 60_000));
    m.put("min_drop", Double.toString(p.minDrop()));
    m.put("reference_min", Long.toString(p.referenceMillis() / 60_000));
    m.put("u_turn_deg", Double.toString(p.uTurnDeg()));
    m.put("min_score", Double.toString(p.minScore()));
    return m;
  }

  @Override
  public void onPosition(VesselState v, PositionReport r, DetectionContext ctx) {
    Proximity prox = v.proximity();
    int ci = prox.corridorIndex();
    if (ci < 0 || prox.inSafeHaven()) {
      return;
    }
    int type = v.identity().shipType();
    if (Ships.isServiceOrFishing(type)
        || r.navStatus() == PositionReport.STATUS_FISHING
        || ctx.isWorkingVessel(v)) {
      return;
    }
    Asset asset = prox.asset(ci);
    long now = r.timeMillis();
    State s = corridorState(v, asset, now);
    Track t = v.track();
    if (TrackStats.coveredMillis(t, now - p.sustainMillis()) < p.sustainMillis() * 0.6) {
      return;
    }
    double mean = t.meanSog(now - p.sustainMillis());
    if (!(mean >= p.minKn() && mean <= p.maxKn())) {
      return;
    }
    refreshCruise(s, t, now);
    double cruise = s.cruise;
    double drop = Double.isNaN(cruise) || cruise <= 0 ? Double.NaN : 1 - mean / cruise;
    boolean anchored =
        r.navStatus() == PositionReport.STATUS_AT_ANCHOR && r.hasSog() && r.sogKn() >= p.minKn();
    double[] turns = TrackStats.turns(t, now - 3_600_000L);
    boolean course = Math.abs(turns[0]) >= p.uTurnDeg() || turns[1] >= 2 * p.uTurnDeg();
    boolean dropped = drop >= p.minDrop();
    if (!dropped && !anchored && !course) {
      return;
    }
    long inCorridor = now - s.corridorSince;
    double score = score(drop, anchored, course, Ships.isCargoOrTanker(type), inCorridor);
    if (score < p.minScore()) {
      return;
    }
    Signs signs = new Signs(mean, cruise, drop, anchored, course, turns[0], prox.distanceM(ci));
    report(v, ctx, asset, s.corridorSince, now, signs, score);
  }

  /** What the detector saw, for the evidence and the summary. */
  private record Signs(
      double mean,
      double cruise,
      double drop,
      boolean anchored,
      boolean course,
      double netTurnDeg,
      double distanceM) {}

  /** The vessel's state for this detector, its corridor episode restarted on a new asset or gap. */
  private State corridorState(VesselState v, Asset asset, long now) {
    State s = v.slot(slot);
    if (s == null) {
      s = new State();
      v.slot(slot, s);
    }
    if (!s.asset.equals(asset.id()) || now - v.previous().timeMillis() > 1_800_000L) {
      s.asset = asset.id();
      s.corridorSince = now;
    }
    return s;
  }

  /** The cruise speed changes slowly; measuring it every 5 minutes keeps corridor reports cheap. */
  private void refreshCruise(State s, Track t, long now) {
    if (now - s.cruiseAt >= 300_000L) {
      s.cruise =
          TrackStats.maxBucketMean(
              t,
              now - p.referenceMillis(),
              now - p.sustainMillis(),
              600_000L,
              p.minReferenceMillis());
      s.cruiseAt = now;
    }
  }

  private static double score(
      double drop, boolean anchored, boolean course, boolean cargoOrTanker, long inCorridor) {
    double score = 0.35;
    if (drop > 0) {
      score += 0.35 * Math.min(1.0, drop / 0.25);
    }
    if (anchored) {
      score += 0.30;
    }
    if (course) {
      score += 0.20;
    }
    if (cargoOrTanker) {
      score += 0.10;
    }
    if (inCorridor > 1_200_000L) {
      score += 0.10;
    }
    return Math.min(1.0, score);
  }

  private void report(
      VesselState v,
      DetectionContext ctx,
      Asset asset,
      long corridorSince,
      long now,
      Signs x,
      double score) {
    Severity sev =
        score >= p.highScore() && asset.criticality() == Criticality.HIGH
            ? Severity.HIGH
            : Severity.MEDIUM;
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("mean_sog_kn", fmt(x.mean()));
    ev.put("band_kn", p.minKn() + "-" + p.maxKn());
    ev.put("cruise_sog_kn", fmt(x.cruise()));
    ev.put("drop", fmt(x.drop()));
    ev.put("min_drop", Double.toString(p.minDrop()));
    ev.put("at_anchor_status", Boolean.toString(x.anchored()));
    ev.put("net_turn_1h_deg", fmt(x.netTurnDeg()));
    ev.put("distance_to_asset_m", fmt(x.distanceM()));
    ev.put("minutes_in_corridor", Long.toString((now - corridorSince) / 60_000));
    String summary =
        String.format(
            Locale.ROOT,
            "%s at %.1f kn (cruise %s kn) in the %s corridor%s%s",
            v.identity().label(),
            x.mean(),
            fmt(x.cruise()),
            asset.name(),
            x.anchored() ? ", reporting at anchor" : "",
            x.course() ? ", course anomaly" : "");
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.of(asset),
                corridorSince,
                now,
                sev,
                score,
                summary,
                ev));
  }

  static String fmt(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.2f", d);
  }
}
