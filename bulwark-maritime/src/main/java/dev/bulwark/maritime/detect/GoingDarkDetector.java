package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Going dark near infrastructure: AIS silence of at least {@code minGap} that starts or ends within
 * {@code nearM} of a corridor, or whose straight path from last to next report crosses an asset.
 *
 * <p>While the vessel is silent, the engine's clock (other vessels' reports) shows the silence: an
 * alert is raised as soon as it reaches {@code minGap} (score 0.5, medium). When the vessel
 * reappears the episode is updated: +0.2 if it reappears far from where its last speed and course
 * predicted (more than {@code farM}, or more than {@code farFraction} of the predicted run), +0.3
 * if its path crossed an asset while dark. High from 0.75 on a high-criticality asset. Moored
 * vessels, known anchorages and ports and operator-listed working vessels are left out.
 *
 * <p>Defaults: minGap 6 min (Class A and B report every 2-30 s under way and every 3 min at anchor,
 * ITU-R M.1371; 6 minutes is two missed reports at the slowest rate; Global Fishing Watch's 12 h
 * gap events are for open-ocean coverage, far too late here); nearM 5 km; farM 5 km; farFraction
 * 0.25. Not thread-safe.
 */
public final class GoingDarkDetector extends BaseDetector {

  /**
   * Parameters.
   *
   * @param minGapMillis silence that counts
   * @param nearM distance from a corridor's edge at which a silence matters
   * @param farM reappearance this far from the dead-reckoned position is suspicious
   * @param farFraction ... or this fraction of the dead-reckoned distance, whichever is larger
   */
  public record Params(long minGapMillis, double nearM, double farM, double farFraction) {
    public static final Params DEFAULT = new Params(360_000L, 5000, 5000, 0.25);
  }

  private static final class State {
    /** Assets within nearM of the corridor edge at the latest report; empty when none. */
    List<Asset> near = List.of();

    long alertedGapStart = Long.MIN_VALUE;
  }

  private final Params p;
  private final Set<VesselState> watched = new LinkedHashSet<>();

  public GoingDarkDetector(Params p) {
    this.p = p;
  }

  public GoingDarkDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.GOING_DARK;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of(
        "min_gap_min",
        Long.toString(p.minGapMillis() / 60_000),
        "near_m",
        Double.toString(p.nearM()),
        "far_m",
        Double.toString(p.farM()));
  }

  @Override
  public void onPosition(VesselState v, PositionReport r, DetectionContext ctx) {
    State s = v.slot(slot);
    Proximity prox = v.proximity();
    PositionReport prev = v.previous();
    long gap = r.timeMillis() - prev.timeMillis();
    boolean exempt = prox.inSafeHaven() || ctx.isWorkingVessel(v);
    if (gap >= p.minGapMillis() && prev != r && !exempt) {
      reappeared(v, s, prev, r, gap, ctx);
    }
    boolean anyNear = false;
    if (!exempt && r.navStatus() != PositionReport.STATUS_MOORED) {
      for (int i = 0; i < prox.count(); i++) {
        if (prox.distanceM(i) <= prox.asset(i).halfWidthM() + p.nearM()) {
          anyNear = true;
          break;
        }
      }
    }
    if (anyNear) {
      if (s == null) {
        s = new State();
        v.slot(slot, s);
      }
      // Rebuilt only when the set of nearby assets changes, which is rare between two reports.
      if (!sameNear(s.near, prox)) {
        List<Asset> near = new ArrayList<>(2);
        for (int i = 0; i < prox.count(); i++) {
          if (prox.distanceM(i) <= prox.asset(i).halfWidthM() + p.nearM()) {
            near.add(prox.asset(i));
          }
        }
        s.near = near;
        watched.add(v);
      }
    } else if (s != null && !s.near.isEmpty()) {
      s.near = List.of();
      watched.remove(v);
    }
  }

  private boolean sameNear(List<Asset> near, Proximity prox) {
    int n = 0;
    for (int i = 0; i < prox.count(); i++) {
      if (prox.distanceM(i) <= prox.asset(i).halfWidthM() + p.nearM()) {
        if (n >= near.size() || near.get(n) != prox.asset(i)) {
          return false;
        }
        n++;
      }
    }
    return n == near.size();
  }

  private void reappeared(
      VesselState v,
      State s,
      PositionReport prev,
      PositionReport r,
      long gap,
      DetectionContext ctx) {
    List<Asset> crossed =
        new ArrayList<>(ctx.layer().crossedBy(prev.lat(), prev.lon(), r.lat(), r.lon()));
    Asset startNear = s == null || s.near.isEmpty() ? null : s.near.get(0);
    Proximity prox = v.proximity();
    int ni = prox.nearestIndex();
    Asset endNear =
        ni >= 0 && prox.distanceM(ni) <= prox.asset(ni).halfWidthM() + p.nearM()
            ? prox.asset(ni)
            : null;
    if (crossed.isEmpty() && startNear == null && endNear == null) {
      return;
    }
    double deviation = Double.NaN;
    double run = Double.NaN;
    boolean far = false;
    if (prev.hasSog() && prev.hasCog()) {
      run = prev.sogKn() * Geo.MPS_PER_KNOT * gap / 1000.0;
      double[] pred = Geo.destination(prev.lat(), prev.lon(), prev.cogDeg(), run);
      deviation = Geo.haversineM(pred[0], pred[1], r.lat(), r.lon());
      far = deviation > Math.max(p.farM(), p.farFraction() * run);
    }
    List<Asset> concerned = new ArrayList<>(crossed);
    if (s != null) {
      for (Asset x : s.near) {
        if (!concerned.contains(x)) {
          concerned.add(x);
        }
      }
    }
    if (concerned.isEmpty()) {
      concerned.add(endNear);
    }
    for (Asset asset : concerned) {
      finding(
          v,
          prev,
          r,
          gap,
          asset,
          crossed.contains(asset),
          far,
          run,
          deviation,
          startNear,
          endNear,
          crossed,
          ctx);
    }
  }

  private void finding(
      VesselState v,
      PositionReport prev,
      PositionReport r,
      long gap,
      Asset asset,
      boolean crossedIt,
      boolean far,
      double run,
      double deviation,
      Asset startNear,
      Asset endNear,
      List<Asset> crossed,
      DetectionContext ctx) {
    double score = 0.5 + (far ? 0.2 : 0) + (crossedIt ? 0.3 : 0);
    Severity sev =
        score >= 0.75 && asset.criticality() == Criticality.HIGH ? Severity.HIGH : Severity.MEDIUM;
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("gap_min", Long.toString(gap / 60_000));
    ev.put("min_gap_min", Long.toString(p.minGapMillis() / 60_000));
    ev.put("dead_reckoned_run_m", AnchorDragDetector.fmt(run));
    ev.put("deviation_from_prediction_m", AnchorDragDetector.fmt(deviation));
    ev.put(
        "far_threshold_m",
        AnchorDragDetector.fmt(
            Math.max(p.farM(), p.farFraction() * (Double.isNaN(run) ? 0 : run))));
    ev.put(
        "crossed_while_dark",
        crossed.stream().map(Asset::name).reduce((a, b) -> a + ";" + b).orElse(""));
    ev.put("gap_started_near", startNear == null ? "" : startNear.name());
    ev.put("gap_ended_near", endNear == null ? "" : endNear.name());
    String summary =
        String.format(
            Locale.ROOT,
            "%s silent for %d min near %s%s%s",
            v.identity().label(),
            gap / 60_000,
            asset.name(),
            crossedIt ? ", crossed it while dark" : "",
            far ? ", reappeared far from predicted position" : "");
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.of(asset),
                prev.timeMillis(),
                r.timeMillis(),
                sev,
                score,
                summary,
                ev));
  }

  @Override
  public void onForget(VesselState v, DetectionContext ctx) {
    watched.remove(v);
  }

  @Override
  public void onTick(DetectionContext ctx) {
    long now = ctx.now();
    var it = watched.iterator();
    while (it.hasNext()) {
      VesselState v = it.next();
      long gap = now - v.lastSeen();
      if (gap > 86_400_000L) {
        it.remove();
        continue;
      }
      State s = v.slot(slot);
      if (gap < p.minGapMillis() || s == null || s.near.isEmpty()) {
        continue;
      }
      // Reported at every tick while the silence lasts: the episode stays open and its end moves
      // on.
      s.alertedGapStart = v.lastSeen();
      for (Asset a : s.near) {
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("silent_min", Long.toString(gap / 60_000));
        ev.put("min_gap_min", Long.toString(p.minGapMillis() / 60_000));
        ev.put("gap_started_near", a.name());
        String summary =
            String.format(
                Locale.ROOT,
                "%s silent for %d min since last report near %s",
                v.identity().label(),
                gap / 60_000,
                a.name());
        ctx.alertBook()
            .report(
                new Finding(
                    kind(),
                    v.mmsi(),
                    0,
                    Optional.of(a),
                    v.lastSeen(),
                    now,
                    Severity.MEDIUM,
                    0.5,
                    summary,
                    ev));
      }
    }
  }

  /** Number of vessels currently watched for silence (near infrastructure). */
  public int watchedCount() {
    return watched.size();
  }
}
