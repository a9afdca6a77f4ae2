package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.vessel.VesselIdentity;
import dev.bulwark.maritime.vessel.VesselList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A watch-listed vessel (matched by MMSI, IMO or name, see {@link VesselList}) inside a corridor or
 * protected area. High on a high-criticality asset, medium otherwise: the operator listed it for a
 * reason, and it is now where the damage would be done. No tunable threshold beyond the corridor
 * width of each asset. Not thread-safe.
 */
public final class WatchlistDetector extends BaseDetector {

  private static final class State {
    VesselIdentity checked;
    Optional<VesselList.Entry> entry = Optional.empty();
    long since;
    String asset = "";
  }

  @Override
  public AlertKind kind() {
    return AlertKind.WATCHLIST;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of("match", "mmsi|imo|name", "zone", "corridor or area");
  }

  @Override
  public void onPosition(VesselState v, PositionReport r, DetectionContext ctx) {
    if (ctx.watchList().isEmpty()) {
      return;
    }
    Proximity prox = v.proximity();
    int ci = prox.corridorIndex();
    if (ci < 0) {
      return;
    }
    State s = v.slot(slot);
    if (s == null) {
      s = new State();
      v.slot(slot, s);
    }
    if (s.checked != v.identity()) {
      s.checked = v.identity();
      s.entry = ctx.watchList().match(v.identity());
    }
    if (s.entry.isEmpty()) {
      return;
    }
    var asset = prox.asset(ci);
    if (!s.asset.equals(asset.id()) || r.timeMillis() - v.previous().timeMillis() > 1_800_000L) {
      s.asset = asset.id();
      s.since = r.timeMillis();
    }
    VesselList.Entry e = s.entry.get();
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("listed_mmsi", Integer.toString(e.mmsi()));
    ev.put("listed_imo", Integer.toString(e.imo()));
    ev.put("listed_name", e.name());
    ev.put("reason", e.reason());
    ev.put("distance_to_asset_m", AnchorDragDetector.fmt(prox.distanceM(ci)));
    boolean high = asset.criticality() == Criticality.HIGH;
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.of(asset),
                s.since,
                r.timeMillis(),
                high ? Severity.HIGH : Severity.MEDIUM,
                high ? 0.9 : 0.6,
                v.identity().label()
                    + " (watch list"
                    + (e.reason().isEmpty() ? "" : ": " + e.reason())
                    + ") inside the "
                    + asset.name()
                    + " corridor",
                ev));
  }
}
