package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loitering over infrastructure: a vessel that stays inside a corridor with a mean speed under
 * {@code maxMeanKn} for at least {@code minDuration}.
 *
 * <p>Medium severity; high when it lasts {@code longDuration} or the vessel reports being at anchor
 * over a high-criticality asset (an anchor on a cable). Known anchorages and ports, operator-listed
 * working vessels, fishing and service craft are not alerted on, nor is a vessel that reports being
 * moored and does not move (mean under 0.5 kn): moored means made fast to a berth or a buoy, which
 * is where cables come ashore. A vessel that claims to be moored while making way still raises the
 * alert.
 *
 * <p>Defaults: maxMeanKn 2.0 (Global Fishing Watch's loitering threshold: average speed < 2 kn);
 * minDuration 20 min (our choice: GFW studies loitering over hours at sea, but a ship stopped over
 * a cable for 20 minutes already deserves a look, and it keeps the alert early); longDuration 2 h
 * (the GFW encounter duration, used here as "this is no short stop"). Not thread-safe.
 */
public final class LoiteringDetector extends BaseDetector {

  /**
   * Parameters.
   *
   * @param maxMeanKn mean speed below which the vessel loiters
   * @param minDurationMillis time inside the corridor needed
   * @param longDurationMillis time after which the alert is high
   */
  public record Params(double maxMeanKn, long minDurationMillis, long longDurationMillis) {
    public static final Params DEFAULT = new Params(2.0, 1_200_000L, 7_200_000L);
  }

  private static final class State {
    String asset = "";
    long since;
  }

  /**
   * Mean speed under which a vessel reporting "moored" is taken at its word (GPS noise stays below
   * it).
   */
  static final double MOORED_STILL_KN = 0.5;

  private final Params p;

  public LoiteringDetector(Params p) {
    this.p = p;
  }

  public LoiteringDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.LOITERING;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of(
        "max_mean_kn",
        Double.toString(p.maxMeanKn()),
        "min_duration_min",
        Long.toString(p.minDurationMillis() / 60_000));
  }

  @Override
  public void onPosition(VesselState v, PositionReport r, DetectionContext ctx) {
    Proximity prox = v.proximity();
    int ci = prox.corridorIndex();
    State s = v.slot(slot);
    if (ci < 0 || prox.inSafeHaven()) {
      if (s != null) {
        s.asset = "";
      }
      return;
    }
    var asset = prox.asset(ci);
    long now = r.timeMillis();
    if (s == null) {
      s = new State();
      v.slot(slot, s);
    }
    if (!s.asset.equals(asset.id()) || now - v.previous().timeMillis() > 1_800_000L) {
      s.asset = asset.id();
      s.since = now;
      return;
    }
    long dwell = now - s.since;
    if (dwell < p.minDurationMillis()) {
      return;
    }
    if (Ships.isServiceOrFishing(v.identity().shipType()) || ctx.isWorkingVessel(v)) {
      return;
    }
    double mean = v.track().meanSog(now - p.minDurationMillis());
    if (!(mean < p.maxMeanKn())) {
      return;
    }
    if (r.navStatus() == PositionReport.STATUS_MOORED && mean < MOORED_STILL_KN) {
      return;
    }
    boolean anchored = r.navStatus() == PositionReport.STATUS_AT_ANCHOR;
    boolean high =
        asset.criticality() == Criticality.HIGH && (dwell >= p.longDurationMillis() || anchored);
    double score =
        Math.min(
            1.0,
            0.5
                + 0.25 * Math.min(1.0, (double) dwell / p.longDurationMillis())
                + (anchored ? 0.25 : 0));
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("mean_sog_kn", AnchorDragDetector.fmt(mean));
    ev.put("max_mean_kn", Double.toString(p.maxMeanKn()));
    ev.put("minutes_in_corridor", Long.toString(dwell / 60_000));
    ev.put("min_duration_min", Long.toString(p.minDurationMillis() / 60_000));
    ev.put("at_anchor_status", Boolean.toString(anchored));
    ev.put("distance_to_asset_m", AnchorDragDetector.fmt(prox.distanceM(ci)));
    String summary =
        String.format(
            Locale.ROOT,
            "%s loitering at %.1f kn for %d min over %s%s",
            v.identity().label(),
            mean,
            dwell / 60_000,
            asset.name(),
            anchored ? ", at anchor" : "");
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.of(asset),
                s.since,
                now,
                high ? Severity.HIGH : Severity.MEDIUM,
                score,
                summary,
                ev));
  }
}
