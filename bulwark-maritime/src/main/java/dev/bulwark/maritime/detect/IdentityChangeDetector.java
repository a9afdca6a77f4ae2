package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.vessel.IdentityChange;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Identity change near infrastructure: a vessel whose name, call sign, IMO number, MMSI or flag
 * changes while it is within {@code nearM} of a corridor's edge (shadow-fleet tankers re-flag and
 * rename; a ship that does it over a cable is hiding something). Medium; high when inside the
 * corridor and the change is of MMSI, IMO or flag. Changes when the vessel's last position is older
 * than {@code maxPositionAge} are ignored (its whereabouts are unknown). Default nearM 10 km,
 * maxPositionAge 30 min (our choices). Not thread-safe.
 */
public final class IdentityChangeDetector extends BaseDetector {

  /**
   * Parameters.
   *
   * @param nearM distance from a corridor's edge
   * @param maxPositionAgeMillis how old the last position may be
   */
  public record Params(double nearM, long maxPositionAgeMillis) {
    public static final Params DEFAULT = new Params(10_000, 1_800_000L);
  }

  private final Params p;

  public IdentityChangeDetector(Params p) {
    this.p = p;
  }

  public IdentityChangeDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.IDENTITY_CHANGE;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of("near_m", Double.toString(p.nearM()));
  }

  @Override
  public void onIdentityChange(VesselState v, List<IdentityChange> changes, DetectionContext ctx) {
    if (!v.hasPosition() || changes.isEmpty()) {
      return;
    }
    long now = changes.get(0).timeMillis();
    if (now - v.lastSeen() > p.maxPositionAgeMillis() || ctx.isWorkingVessel(v)) {
      return;
    }
    // Ten kilometres is beyond what the engine measures on every report: ask the index once.
    var last = v.last();
    var nearest =
        ctx.layer().near(last.lat(), last.lon(), ctx.layer().maxHalfWidthM() + p.nearM()).stream()
            .filter(
                h ->
                    !h.asset().kind().isSafeHaven()
                        && h.distanceM() <= h.asset().halfWidthM() + p.nearM())
            .min(Comparator.comparingDouble(h -> h.distanceM() - h.asset().halfWidthM()));
    if (nearest.isEmpty()) {
      return;
    }
    var asset = nearest.get().asset();
    double distance = nearest.get().distanceM();
    boolean inCorridor = distance <= asset.halfWidthM();
    boolean serious =
        changes.stream()
            .anyMatch(
                c ->
                    c.field() != IdentityChange.Field.NAME
                        && c.field() != IdentityChange.Field.CALL_SIGN);
    boolean high = inCorridor && serious;
    Map<String, String> ev = new LinkedHashMap<>();
    StringBuilder what = new StringBuilder();
    for (IdentityChange c : changes) {
      ev.put(c.field().name().toLowerCase(Locale.ROOT), c.before() + " -> " + c.after());
      what.append(what.length() == 0 ? "" : ", ")
          .append(c.field().name().toLowerCase(Locale.ROOT))
          .append(' ')
          .append(c.before())
          .append(" -> ")
          .append(c.after());
    }
    ev.put("distance_to_asset_m", AnchorDragDetector.fmt(distance));
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                v.mmsi(),
                0,
                Optional.of(asset),
                now,
                Math.max(now, v.lastSeen()),
                high ? Severity.HIGH : Severity.MEDIUM,
                high ? 0.8 : 0.6,
                v.identity().label() + " changed identity (" + what + ") near " + asset.name(),
                ev));
  }
}
