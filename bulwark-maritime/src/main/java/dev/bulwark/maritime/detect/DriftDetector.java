package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.track.Track;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drifting or not under command: a slow vessel whose course over ground stays well apart from its
 * heading (wind and current push it, the engine does not), or one reporting "not under command". It
 * is what the real Kattegat capture (MMSI 538004030) shows, and it is a hazard (a drifting ship may
 * drop its anchor anywhere) rather than sabotage, so it is reported low, or medium within {@code
 * nearM} of infrastructure; never high.
 *
 * <p>Over the last {@code window}: mean speed in [{@code minKn}, {@code maxKn}], at least {@code
 * minShare} of the moving reports with both heading and course, and a mean heading/course
 * difference of {@code minDiffDeg} or more. Evaluated at most once a minute per vessel.
 *
 * <p>Defaults: 0.5-4 kn (a ship's wind and current drift, well under its service speed; above 0.5
 * to leave out anchored ships swinging on the chain); 15 min window; 20 degrees (steering ships
 * keep course and heading within a few degrees outside strong cross-currents; the Kattegat vessel
 * shows 25-60); nearM 5 km. Not thread-safe.
 */
public final class DriftDetector extends BaseDetector {

  /**
   * Parameters.
   *
   * @param minKn lowest mean speed
   * @param maxKn highest mean speed
   * @param windowMillis window looked at
   * @param minDiffDeg mean heading/course difference needed
   * @param minShare share of reports that must carry both heading and course
   * @param nearM distance to infrastructure that makes it medium
   */
  public record Params(
      double minKn,
      double maxKn,
      long windowMillis,
      double minDiffDeg,
      double minShare,
      double nearM) {
    public static final Params DEFAULT = new Params(0.5, 4.0, 900_000L, 20.0, 0.7, 5000);
  }

  private static final class State {
    long nextCheck;

    /** Created at the first moving report: most vessels in a harbour never need one (770 bytes). */
    DiffRing ring;
  }

  private final Params p;

  public DriftDetector(Params p) {
    this.p = p;
  }

  public DriftDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.DRIFTING;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of(
        "band_kn",
        p.minKn() + "-" + p.maxKn(),
        "window_min",
        Long.toString(p.windowMillis() / 60_000),
        "min_heading_course_diff_deg",
        Double.toString(p.minDiffDeg()));
  }

  @Override
  public void onPosition(VesselState v, PositionReport r, DetectionContext ctx) {
    long now = r.timeMillis();
    State s = v.slot(slot);
    if (s == null) {
      s = new State();
      v.slot(slot, s);
    }
    if (r.hasSog() && r.sogKn() >= p.minKn() * 0.5) {
      if (s.ring == null) {
        s.ring = new DiffRing();
      }
      s.ring.add(
          now,
          r.hasCog() && r.hasHeading() ? Geo.angleDiffDeg(r.cogDeg(), r.headingDeg()) : Double.NaN);
    }
    if (now < s.nextCheck) {
      return;
    }
    s.nextCheck = now + 60_000L;
    Track t = v.track();
    long from = now - p.windowMillis();
    if (t.size() < 4
        || t.time(0) > from
        || TrackStats.coveredMillis(t, from) < p.windowMillis() * 0.6) {
      return;
    }
    if (v.proximity().inSafeHaven()
        || r.navStatus() == PositionReport.STATUS_MOORED
        || r.navStatus() == PositionReport.STATUS_AT_ANCHOR
        || r.navStatus() == PositionReport.STATUS_FISHING) {
      return;
    }
    double mean = t.meanSog(from);
    if (!(mean >= p.minKn() && mean <= p.maxKn())) {
      return;
    }
    boolean nuc = r.navStatus() == PositionReport.STATUS_NOT_UNDER_COMMAND;
    double diff = s.ring == null ? Double.NaN : s.ring.mean(from, p.minShare());
    if (!nuc && !(diff >= p.minDiffDeg())) {
      return;
    }
    Proximity prox = v.proximity();
    int ni = prox.nearestIndex();
    boolean near = ni >= 0 && prox.distanceM(ni) <= p.nearM() + prox.asset(ni).halfWidthM();
    double score = Math.min(0.6, 0.3 + (nuc ? 0.1 : 0) + (near ? 0.2 : 0));
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("mean_sog_kn", AnchorDragDetector.fmt(mean));
    ev.put("band_kn", p.minKn() + "-" + p.maxKn());
    ev.put("mean_heading_course_diff_deg", AnchorDragDetector.fmt(diff));
    ev.put("min_diff_deg", Double.toString(p.minDiffDeg()));
    ev.put("not_under_command_status", Boolean.toString(nuc));
    String summary =
        String.format(
            Locale.ROOT,
            "%s drifting at %.1f kn, heading and course %s deg apart%s",
            v.identity().label(),
            mean,
            AnchorDragDetector.fmt(diff),
            near ? " near " + prox.asset(ni).name() : "");
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                near ? Optional.of(prox.asset(ni)) : Optional.empty(),
                from,
                now,
                near ? Severity.MEDIUM : Severity.LOW,
                score,
                summary,
                ev));
  }

  /**
   * Ring of the last 64 (time, |heading - course|) samples of moving reports, one per 15 s at most
   * (so 16 minutes); NaN when either is missing. The track itself does not keep headings.
   */
  static final class DiffRing {
    final long[] t = new long[64];
    final float[] d = new float[64];
    int n;
    int head;

    void add(long time, double diff) {
      if (n > 0 && time - t[(head - 1) & 63] < 15_000L) {
        return;
      }
      t[head] = time;
      d[head] = (float) diff;
      head = (head + 1) & 63;
      if (n < 64) {
        n++;
      }
    }

    double mean(long from, double minShare) {
      double sum = 0;
      int valid = 0;
      int total = 0;
      for (int k = 0; k < n; k++) {
        int i = (head - 1 - k) & 63;
        if (t[i] < from) {
          break;
        }
        total++;
        if (!Float.isNaN(d[i])) {
          sum += d[i];
          valid++;
        }
      }
      return total == 0 || valid < total * minShare ? Double.NaN : sum / valid;
    }
  }
}
