package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Finding;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.Proximity;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.track.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Encounters at sea: two vessels within {@code maxDistanceM} of each other, both under {@code
 * maxKn}, away from known ports and anchorages.
 *
 * <p>Checked at every engine tick on a grid of slow vessels. An encounter is raised low once it has
 * lasted {@code earlyMillis} (so the watch sees a rendezvous while it happens), medium when it
 * reaches {@code confirmMillis} (the Global Fishing Watch definition), high if it is then within
 * {@code nearM} of infrastructure. Vessels that were never seen moving faster than {@code
 * approachKn} in the {@code approachMillis} before the encounter began are a standing group
 * (berths, anchorage, a raft of barges), not a rendezvous, and are left out; so are service craft
 * (tugs, pilots, SAR), fishing vessels and operator-listed working vessels. A pair with more than
 * {@code maxCrowd} other slow vessels (moored, anchored or any) within {@code crowdM} is a berth,
 * an anchorage or a fleet, not a meeting away from ports: without a port database, crowding is how
 * "away from ports" is judged (known ports and anchorages loaded as areas are excluded as well).
 * The pair is forgotten after {@code breakMillis} apart.
 *
 * <p>Defaults: 500 m, 2 kn and 2 h from Global Fishing Watch's encounter definition (vessels within
 * 500 m for at least 2 h at a median speed under 2 kn); early 5 min, approach 4 kn within 1 h,
 * break 10 min, nearM 5 km, crowd: nobody else stopped within 1.5 km (our choices). Not
 * thread-safe.
 */
public final class EncounterDetector extends BaseDetector {

  /**
   * Parameters.
   *
   * @param maxDistanceM largest separation
   * @param maxKn highest speed of either vessel
   * @param earlyMillis duration at which a low early warning is raised
   * @param confirmMillis duration at which it is confirmed (medium)
   * @param approachKn speed one of them must have had before
   * @param approachMillis how far before the encounter that speed is looked for
   * @param breakMillis time apart after which the pair is forgotten
   * @param nearM distance from a corridor's edge that makes a confirmed encounter high
   * @param crowdM radius within which other slow vessels make a crowd
   * @param maxCrowd most other slow vessels allowed within crowdM for the pair to count
   */
  public record Params(
      double maxDistanceM,
      double maxKn,
      long earlyMillis,
      long confirmMillis,
      double approachKn,
      long approachMillis,
      long breakMillis,
      double nearM,
      double crowdM,
      int maxCrowd) {
    public static final Params DEFAULT =
        new Params(500, 2.0, 300_000L, 7_200_000L, 4.0, 3_600_000L, 600_000L, 5000, 1500, 0);
  }

  private static final class Pair {
    final VesselState a;
    final VesselState b;
    final long start;
    long lastSeen;
    final boolean approached;
    final Asset asset;

    Pair(VesselState a, VesselState b, long start, boolean approached, Asset asset) {
      this.a = a;
      this.b = b;
      this.start = start;
      this.lastSeen = start;
      this.approached = approached;
      this.asset = asset;
    }
  }

  /** Grid cell: 0.02 degrees of latitude (2.2 km), as wide in metres as the crowd radius needs. */
  private static final double CELL_DEG = 0.02;

  private static final double CELL_LON_DEG = 0.04;

  private final Params p;
  private final Map<Long, Pair> pairs = new HashMap<>();

  /** Slow vessels by cell; its iteration order fixes the order in which pairs are reported. */
  private final Map<Long, List<VesselState>> grid = new HashMap<>();

  /** The same cells for the neighbour lookups, without boxing the keys. */
  private final CellIndex cells = new CellIndex();

  public EncounterDetector(Params p) {
    this.p = p;
  }

  public EncounterDetector() {
    this(Params.DEFAULT);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.ENCOUNTER;
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of(
        "max_distance_m",
        Double.toString(p.maxDistanceM()),
        "max_kn",
        Double.toString(p.maxKn()),
        "early_min",
        Long.toString(p.earlyMillis() / 60_000),
        "confirm_min",
        Long.toString(p.confirmMillis() / 60_000));
  }

  /** A recent report under maxKn: part of a crowd, and a possible party to an encounter. */
  private boolean slow(VesselState v, long now) {
    if (!v.hasPosition() || now - v.lastSeen() > p.breakMillis()) {
      return false;
    }
    PositionReport r = v.last();
    return r.hasSog() && r.sogKn() < p.maxKn();
  }

  private boolean candidate(VesselState v, DetectionContext ctx) {
    PositionReport r = v.last();
    if (v.proximity().inSafeHaven()
        || r.navStatus() == PositionReport.STATUS_MOORED
        || r.navStatus() == PositionReport.STATUS_FISHING) {
      return false;
    }
    return !Ships.isServiceOrFishing(v.identity().shipType()) && !ctx.isWorkingVessel(v);
  }

  @Override
  public void onForget(VesselState v, DetectionContext ctx) {
    // A new session does not continue an encounter of the old one.
    pairs.values().removeIf(pr -> pr.a == v || pr.b == v);
  }

  @Override
  public void onTick(DetectionContext ctx) {
    long now = ctx.now();
    grid.clear();
    cells.clear();
    for (VesselState v : ctx.vessels()) {
      if (slow(v, now)) {
        PositionReport r = v.last();
        long key = cell(Math.floor(r.lat() / CELL_DEG), Math.floor(r.lon() / CELL_LON_DEG));
        List<VesselState> list = cells.get(key);
        if (list == null) {
          list = new ArrayList<>(2);
          grid.put(key, list);
          cells.put(key, list);
        }
        list.add(v);
      }
    }
    List<VesselState> near = new ArrayList<>();
    for (Map.Entry<Long, List<VesselState>> e : grid.entrySet()) {
      for (VesselState a : e.getValue()) {
        if (!candidate(a, ctx)) {
          continue;
        }
        PositionReport ra = a.last();
        // A pair needs at least one other slow vessel near and at most 1 + maxCrowd: counting can
        // stop past that, the answer is the same (skip), and crowded berths are the costly case.
        around(ra, p.crowdM(), near, 2 + p.maxCrowd());
        int crowd = near.size() - 1;
        if (crowd < 1 || crowd > 1 + p.maxCrowd()) {
          continue;
        }
        for (VesselState b : near) {
          if (b.mmsi() <= a.mmsi() || !candidate(b, ctx)) {
            continue;
          }
          PositionReport rb = b.last();
          double d = Geo.localDistanceM(ra.lat(), ra.lon(), rb.lat(), rb.lon());
          if (d <= p.maxDistanceM() && crowd <= 1 + p.maxCrowd() && alone(a, b, near)) {
            seen(a, b, now, ctx);
          }
        }
      }
    }
    Iterator<Pair> it = pairs.values().iterator();
    while (it.hasNext()) {
      Pair pr = it.next();
      if (now - pr.lastSeen > p.breakMillis()) {
        it.remove();
      }
    }
  }

  /** Whether, besides a and b, at most maxCrowd slow vessels lie within crowdM of a. */
  private boolean alone(VesselState a, VesselState b, List<VesselState> near) {
    int others = 0;
    for (VesselState x : near) {
      if (x != a && x != b) {
        others++;
      }
    }
    return others <= p.maxCrowd();
  }

  /**
   * Fills {@code out} with the slow vessels within {@code radiusM} of a position (itself included),
   * stopping once it holds more than {@code limit} (then only "more than limit" is known).
   */
  private void around(PositionReport r, double radiusM, List<VesselState> out, int limit) {
    out.clear();
    double lat = r.lat();
    double lon = r.lon();
    long cy = (long) Math.floor(lat / CELL_DEG);
    long cx = (long) Math.floor(lon / CELL_LON_DEG);
    int reachX = (int) Math.ceil(radiusM / (CELL_LON_DEG * Math.max(1.0, Geo.mPerDegLon(lat))));
    int reachY = (int) Math.ceil(radiusM / (CELL_DEG * Geo.M_PER_DEG_LAT));
    // The local distance is at least its north-south part: a vessel further than the radius in
    // latitude alone is out without the cosine (a millionth in hand, far above rounding).
    double maxDLat = radiusM * (1 + 1e-6) / Geo.M_PER_DEG_LAT;
    for (long dy = -reachY; dy <= reachY; dy++) {
      for (long dx = -reachX; dx <= reachX; dx++) {
        List<VesselState> cellList = cells.get(cell(cy + dy, cx + dx));
        if (cellList == null) {
          continue;
        }
        for (int k = 0, n = cellList.size(); k < n; k++) {
          PositionReport rx = cellList.get(k).last();
          if (Math.abs(rx.lat() - lat) > maxDLat
              || Geo.localDistanceM(lat, lon, rx.lat(), rx.lon()) > radiusM) {
            continue;
          }
          out.add(cellList.get(k));
          if (out.size() > limit) {
            return;
          }
        }
      }
    }
  }

  /**
   * Cell key to the cell's list, open addressing on primitive keys, emptied at each tick by bumping
   * a generation number rather than clearing the arrays.
   */
  private static final class CellIndex {
    private long[] keys = new long[1024];
    private int[] generation = new int[1024];

    @SuppressWarnings("unchecked")
    private List<VesselState>[] lists = new List[1024];

    private int current = 1;
    private int size;

    void clear() {
      size = 0;
      if (++current == Integer.MAX_VALUE) {
        Arrays.fill(generation, 0);
        current = 1;
      }
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    List<VesselState> get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); generation[i] == current; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return lists[i];
        }
      }
      return null;
    }

    /** Adds a key known to be absent. */
    void put(long key, List<VesselState> list) {
      if ((size + 1) * 2 > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (generation[i] == current) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      lists[i] = list;
      generation[i] = current;
      size++;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
      long[] k = keys;
      int[] g = generation;
      List<VesselState>[] l = lists;
      keys = new long[k.length * 2];
      generation = new int[k.length * 2];
      lists = new List[k.length * 2];
      size = 0;
      for (int i = 0; i < k.length; i++) {
        if (g[i] == current) {
          put(k[i], l[i]);
        }
      }
    }
  }

  private static long cell(double y, double x) {
    return ((long) y << 32) ^ ((long) x & 0xffffffffL);
  }

  private void seen(VesselState a, VesselState b, long now, DetectionContext ctx) {
    long key = ((long) a.mmsi() << 32) | (b.mmsi() & 0xffffffffL);
    Pair pr = pairs.get(key);
    if (pr == null) {
      boolean approached = movedBefore(a.track(), now) || movedBefore(b.track(), now);
      pr = new Pair(a, b, now, approached, nearAsset(a));
      pairs.put(key, pr);
    }
    pr.lastSeen = now;
    long duration = now - pr.start;
    if (!pr.approached || duration < p.earlyMillis()) {
      return;
    }
    boolean confirmed = duration >= p.confirmMillis();
    Severity sev = !confirmed ? Severity.LOW : pr.asset != null ? Severity.HIGH : Severity.MEDIUM;
    double score =
        !confirmed ? 0.3 + 0.3 * duration / p.confirmMillis() : pr.asset != null ? 0.8 : 0.6;
    double d = Geo.localDistanceM(a.last().lat(), a.last().lon(), b.last().lat(), b.last().lon());
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("other_mmsi", Integer.toString(b.mmsi()));
    ev.put("distance_m", AnchorDragDetector.fmt(d));
    ev.put("max_distance_m", Double.toString(p.maxDistanceM()));
    ev.put("duration_min", Long.toString(duration / 60_000));
    ev.put("confirm_min", Long.toString(p.confirmMillis() / 60_000));
    ev.put(
        "sog_kn",
        AnchorDragDetector.fmt(a.last().sogKn()) + "/" + AnchorDragDetector.fmt(b.last().sogKn()));
    String summary =
        String.format(
            Locale.ROOT,
            "%s and %s within %.0f m at under %.0f kn for %d min%s%s",
            a.identity().label(),
            b.identity().label(),
            d,
            p.maxKn(),
            duration / 60_000,
            confirmed ? " (confirmed)" : "",
            pr.asset != null ? " near " + pr.asset.name() : "");
    ctx.alertBook()
        .report(
            new Finding(
                kind(),
                a.mmsi(),
                b.mmsi(),
                Optional.ofNullable(pr.asset),
                pr.start,
                now,
                sev,
                score,
                summary,
                ev));
  }

  private boolean movedBefore(Track t, long now) {
    double[] range = TrackStats.sogRange(t, now - p.approachMillis());
    return range[1] >= p.approachKn();
  }

  private Asset nearAsset(VesselState v) {
    Proximity prox = v.proximity();
    int ni = prox.nearestIndex();
    return ni >= 0 && prox.distanceM(ni) <= prox.asset(ni).halfWidthM() + p.nearM()
        ? prox.asset(ni)
        : null;
  }

  /** Pairs currently close together. */
  public int openPairs() {
    return pairs.size();
  }
}
