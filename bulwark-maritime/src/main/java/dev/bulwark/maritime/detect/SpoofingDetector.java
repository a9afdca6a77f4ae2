package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.AssetHit;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.vessel.Flags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Impossible movement and spoofing: a report that would need more than {@code maxKn} to reach from
 * the previous one, over more than {@code minJumpM} (so GPS jitter and receiver timing do not
 * count).
 *
 * <p>Such a report is kept out of the track (it is the {@link PositionGate}) and remembered as a
 * "ghost" position. Later reports consistent with the ghost while the main track also keeps
 * reporting mean one MMSI in two places (two transmitters, or a spoofed copy); reports consistent
 * only with the ghost for {@code relocateAfter} reports in a row, with the main track silent, mean
 * the vessel really is there (e.g. after a coverage gap with a bad clock): the track moves to it.
 *
 * <p>Score 0.5 for a jump, 0.65 once two places alternate, +0.25 when either position is within
 * {@code nearM} of an asset's corridor; high from 0.75 on a high-criticality asset, medium
 * otherwise. Only ship-station MMSIs (nine digits, 2xx-7xx) are checked: test and default
 * identities such as 0 or 123456789 are shared by many transmitters and say nothing.
 *
 * <p>Defaults: maxKn 50 (faster than any merchant ship or ferry in the Baltic; high-speed craft
 * reach about 40 kn); minJumpM 2 km; nearM 10 km; relocateAfter 3. Not thread-safe.
 */
public final class SpoofingDetector extends BaseDetector implements PositionGate {

  /**
   * Parameters.
   *
   * @param maxKn highest plausible speed
   * @param minJumpM shortest jump that counts
   * @param nearM distance from a corridor's edge that makes it infrastructure-related
   * @param relocateAfter consecutive ghost reports (main silent) after which the track moves
   */
  public record Params(double maxKn, double minJumpM, double nearM, int relocateAfter) {
    public static final Params DEFAULT = new Params(50.0, 2000, 10_000, 3);
  }

  private static final class State {
    boolean ghost;
    double gLat;
    double gLon;
    long gTime;
    long gFirst;
    int ghostRun;
    int alternations;
    boolean lastWasGhost;
    long lastMainTime;
    long episodeStart;
  }

  private final Params p;

  public SpoofingDetector(Params p) {
    this.p = p;
  }

  public SpoofingDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.SPOOFING;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of(
        "max_kn", Double.toString(p.maxKn()), "min_jump_m", Double.toString(p.minJumpM()));
  }

  private boolean plausible(double lat0, double lon0, long t0, PositionReport r) {
    double dLat = r.lat() - lat0;
    double dLon = r.lon() - lon0;
    // Upper bound without trigonometry (a degree of longitude is never longer than one of
    // latitude):
    // nearly every report is a few hundred metres from the last and stops here.
    if ((dLat * dLat + dLon * dLon) * Geo.M_PER_DEG_LAT * Geo.M_PER_DEG_LAT
        <= p.minJumpM() * p.minJumpM()) {
      return true;
    }
    double d = Geo.haversineM(lat0, lon0, r.lat(), r.lon());
    if (d <= p.minJumpM()) {
      return true;
    }
    double dt = Math.max(1.0, (r.timeMillis() - t0) / 1000.0);
    return d / dt / Geo.MPS_PER_KNOT <= p.maxKn();
  }

  @Override
  public boolean admit(VesselState v, PositionReport r, DetectionContext ctx) {
    if (!v.hasPosition() || !Flags.isShipStation(v.mmsi())) {
      return true;
    }
    PositionReport last = v.last();
    State s = v.slot(slot);
    if (plausible(last.lat(), last.lon(), last.timeMillis(), r)) {
      if (s != null) {
        if (s.lastWasGhost) {
          s.alternations++;
        }
        s.lastWasGhost = false;
        s.ghostRun = 0;
        s.lastMainTime = r.timeMillis();
      }
      return true;
    }
    if (s == null) {
      s = new State();
      v.slot(slot, s);
    }
    if (s.ghost && plausible(s.gLat, s.gLon, s.gTime, r)) {
      s.ghostRun++;
      if (!s.lastWasGhost) {
        s.alternations++;
      }
      if (s.ghostRun >= p.relocateAfter() && s.lastMainTime < s.gFirst) {
        s.ghost = false;
        s.ghostRun = 0;
        s.lastWasGhost = false;
        s.lastMainTime = r.timeMillis();
        return true;
      }
    } else {
      s.ghost = true;
      s.gFirst = r.timeMillis();
      s.ghostRun = 1;
      if (r.timeMillis() - s.episodeStart > 7_200_000L || s.episodeStart == 0) {
        s.episodeStart = r.timeMillis();
        s.alternations = 0;
      }
    }
    s.lastWasGhost = true;
    double jump = Geo.haversineM(last.lat(), last.lon(), r.lat(), r.lon());
    double dt = Math.max(1.0, (r.timeMillis() - last.timeMillis()) / 1000.0);
    s.gLat = r.lat();
    s.gLon = r.lon();
    s.gTime = r.timeMillis();
    report(v, s, last, r, jump, jump / dt / Geo.MPS_PER_KNOT, ctx);
    return false;
  }

  private void report(
      VesselState v,
      State s,
      PositionReport main,
      PositionReport ghost,
      double jump,
      double kn,
      DetectionContext ctx) {
    Asset asset = null;
    double best = Double.MAX_VALUE;
    for (PositionReport at : List.of(ghost, main)) {
      if (asset != null) {
        break;
      }
      for (AssetHit h : ctx.layer().near(at.lat(), at.lon(), p.nearM() + 5000)) {
        double edge = h.distanceM() - h.asset().halfWidthM();
        if (!h.asset().kind().isSafeHaven() && edge <= p.nearM() && edge < best) {
          best = edge;
          asset = h.asset();
        }
      }
    }
    boolean twoPlaces = s.alternations >= 2;
    double score = (twoPlaces ? 0.65 : 0.5) + (asset != null ? 0.25 : 0);
    Severity sev =
        score >= 0.75 && asset != null && asset.criticality() == Criticality.HIGH
            ? Severity.HIGH
            : Severity.MEDIUM;
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("jump_m", AnchorDragDetector.fmt(jump));
    ev.put("min_jump_m", Double.toString(p.minJumpM()));
    ev.put("implied_kn", AnchorDragDetector.fmt(kn));
    ev.put("max_kn", Double.toString(p.maxKn()));
    ev.put("alternations", Integer.toString(s.alternations));
    ev.put("ghost_position", String.format(Locale.ROOT, "%.5f,%.5f", ghost.lat(), ghost.lon()));
    ev.put("track_position", String.format(Locale.ROOT, "%.5f,%.5f", main.lat(), main.lon()));
    String summary =
        String.format(
            Locale.ROOT,
            "%s %s: %.1f km jump implying %.0f kn%s",
            v.identity().label(),
            twoPlaces ? "in two places at once" : "impossible movement",
            jump / 1000,
            kn,
            asset != null ? ", near " + asset.name() : "");
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.ofNullable(asset),
                s.episodeStart,
                ghost.timeMillis(),
                sev,
                score,
                summary,
                ev));
  }
}
