package dev.bulwark.maritime.engine;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertBook;
import dev.bulwark.maritime.alert.AlertListener;
import dev.bulwark.maritime.detect.AnchorDragDetector;
import dev.bulwark.maritime.detect.AnchorDragWarning;
import dev.bulwark.maritime.detect.DetectionContext;
import dev.bulwark.maritime.detect.Detector;
import dev.bulwark.maritime.detect.DriftDetector;
import dev.bulwark.maritime.detect.EncounterDetector;
import dev.bulwark.maritime.detect.GoingDarkDetector;
import dev.bulwark.maritime.detect.IdentityChangeDetector;
import dev.bulwark.maritime.detect.LoiteringDetector;
import dev.bulwark.maritime.detect.PositionGate;
import dev.bulwark.maritime.detect.SpoofingDetector;
import dev.bulwark.maritime.detect.VesselState;
import dev.bulwark.maritime.detect.WatchlistDetector;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.track.Track;
import dev.bulwark.maritime.vessel.IdentityChange;
import dev.bulwark.maritime.vessel.VesselList;
import dev.bulwark.maritime.vessel.VesselRegistry;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The detection engine: feeds observations into the vessel registry and bounded tracks, measures
 * each position against the infrastructure index, runs every detector, and folds their findings
 * into alerts (one per episode).
 *
 * <p>Input must come roughly in time order (as AIS feeds and captures do); a vessel's report older
 * than its newest is counted and dropped. The engine clock is the newest plausible observation
 * time. Memory is bounded: each vessel's track follows the {@link
 * dev.bulwark.maritime.track.TrackPolicy}, vessels silent for {@code evictAfter} are forgotten. Not
 * thread-safe: one engine per thread (or per partition of MMSIs, as in a Kafka Streams deployment).
 */
public final class MaritimeEngine implements DetectionContext {

  private final EngineConfig config;
  private final InfrastructureLayer layer;
  private final VesselList watchList;
  private final VesselList working;
  private final Detector[] detectors;
  private final PositionGate gate;
  private final VesselRegistry registry = new VesselRegistry();
  private final VesselMap vessels = new VesselMap();
  private final Collection<VesselState> vesselView = Collections.unmodifiableCollection(vessels);
  private final AlertBook book;
  private final boolean hasInfra;
  private final double proximityRadiusM;
  private final double neighbourhoodRadiusM;

  private long clock = Long.MIN_VALUE;
  private long nextTick = Long.MIN_VALUE;
  private long nextEviction = Long.MIN_VALUE;
  private int aheadRun;
  private long positions;
  private long statics;
  private long admitted;
  private long duplicates;
  private long outOfOrder;
  private long gated;
  private long evictedObservedMillis;

  /** An engine with the given detectors (use {@link #defaultDetectors()} for all of them). */
  public MaritimeEngine(
      EngineConfig config,
      InfrastructureLayer layer,
      VesselList watchList,
      VesselList working,
      List<Detector> detectors,
      AlertListener listener) {
    this.config = config;
    this.layer = layer;
    this.hasInfra = !layer.assets().isEmpty();
    // Detectors look 5 km beyond a corridor's edge: measure at least that far for the widest
    // corridor.
    this.proximityRadiusM = Math.max(config.proximityRadiusM(), layer.maxHalfWidthM() + 5_500);
    this.neighbourhoodRadiusM = Math.max(config.neighbourhoodRadiusM(), proximityRadiusM + 3_000);
    this.watchList = watchList;
    this.working = working;
    this.detectors = detectors.toArray(new Detector[0]);
    PositionGate g = null;
    for (int i = 0; i < this.detectors.length; i++) {
      this.detectors[i].attach(i);
      if (g == null && this.detectors[i] instanceof PositionGate pg) {
        g = pg;
      }
    }
    this.gate = g;
    this.book =
        new AlertBook(
            config.episodeGapMillis(),
            config.updateEveryMillis(),
            listener,
            new AlertBook.Vessels() {
              @Override
              public Optional<Track> track(int mmsi) {
                VesselState v = vessels.get(mmsi);
                return v == null ? Optional.empty() : Optional.of(v.track());
              }

              @Override
              public String name(int mmsi) {
                return registry.identity(mmsi).name();
              }
            });
  }

  /** An engine with every detector at its defaults and no lists. */
  public static MaritimeEngine withDefaults(InfrastructureLayer layer, AlertListener listener) {
    return new MaritimeEngine(
        EngineConfig.DEFAULT,
        layer,
        VesselList.empty(),
        VesselList.empty(),
        defaultDetectors(),
        listener);
  }

  /**
   * One instance of every detector with its default parameters (spoofing first: it gates the
   * track).
   */
  public static List<Detector> defaultDetectors() {
    return List.of(
        new SpoofingDetector(),
        new AnchorDragDetector(),
        new AnchorDragWarning(),
        new LoiteringDetector(),
        new GoingDarkDetector(),
        new EncounterDetector(),
        new WatchlistDetector(),
        new IdentityChangeDetector(),
        new DriftDetector());
  }

  /** Takes one observation. */
  public void accept(VesselObservation o) {
    if (o instanceof PositionReport p) {
      position(p);
    } else if (o instanceof StaticReport s) {
      statics++;
      advanceClock(s.timeMillis());
      List<IdentityChange> changes = registry.apply(s);
      VesselState v = vesselFor(s.mmsi());
      v.identity(registry.identity(s.mmsi()));
      if (!changes.isEmpty()) {
        for (Detector d : detectors) {
          d.onIdentityChange(v, changes, this);
        }
      }
      tick();
    } else if (o instanceof SessionStart s) {
      // Forget the vessel's track and detector state (its observed time still counts).
      VesselState gone = vessels.removeMmsi(s.mmsi());
      if (gone != null) {
        forget(gone);
      }
    }
  }

  private VesselState vesselFor(int mmsi) {
    VesselState v = vessels.get(mmsi);
    if (v == null) {
      v = new VesselState(mmsi, config.trackPolicy(), detectors.length);
      v.identity(registry.identity(mmsi));
      vessels.put(mmsi, v);
    }
    return v;
  }

  private void position(PositionReport p) {
    positions++;
    advanceClock(p.timeMillis());
    VesselState v = vesselFor(p.mmsi());
    if (v.hasPosition()) {
      PositionReport last = v.last();
      long dt = p.timeMillis() - last.timeMillis();
      if (dt < 0) {
        outOfOrder++;
        return;
      }
      if (dt < 5_000L
          && last.lat() == p.lat()
          && last.lon() == p.lon()
          && Double.compare(last.sogKn(), p.sogKn()) == 0
          && Double.compare(last.cogDeg(), p.cogDeg()) == 0) {
        duplicates++;
        return;
      }
    }
    if (gate != null && !gate.admit(v, p, this)) {
      gated++;
      tick();
      return;
    }
    admitted++;
    v.track().add(p);
    v.admit(p);
    if (hasInfra) {
      var hood = v.neighbourhood();
      if (hood == null || !hood.covers(p.lat(), p.lon(), proximityRadiusM)) {
        hood = layer.neighbourhood(p.lat(), p.lon(), neighbourhoodRadiusM);
        v.neighbourhood(hood);
      }
      // A vessel that has not moved 25 m since the last measurement (at anchor, moored, GPS noise)
      // keeps its proximity: distances cannot have changed by more than that.
      if (v.needsMeasure(p.lat(), p.lon(), hood)) {
        hood.measure(p.lat(), p.lon(), proximityRadiusM, v.proximity());
        v.measuredAt(p.lat(), p.lon(), hood);
      }
    }
    for (Detector d : detectors) {
      d.onPosition(v, p, this);
    }
    tick();
  }

  private void advanceClock(long t) {
    if (clock == Long.MIN_VALUE) {
      clock = t;
      nextTick = t + config.tickMillis();
      nextEviction = t + 3_600_000L;
      return;
    }
    if (t <= clock) {
      aheadRun = 0;
      return;
    }
    if (t - clock <= config.maxClockJumpMillis() || ++aheadRun >= 50) {
      clock = t;
      aheadRun = 0;
    }
  }

  private void tick() {
    if (clock < nextTick) {
      return;
    }
    for (Detector d : detectors) {
      d.onTick(this);
    }
    nextTick = Math.max(nextTick + config.tickMillis(), clock - config.tickMillis() + 1);
    if (clock >= nextEviction) {
      evict();
      book.expire(clock);
      nextEviction = clock + 3_600_000L;
    }
  }

  private void evict() {
    vessels.removeIf(
        v -> v.hasPosition() && clock - v.lastSeen() > config.evictAfterMillis(), this::forget);
  }

  /** A vessel let go (evicted or a new session): its observed time still counts. */
  private void forget(VesselState v) {
    evictedObservedMillis += v.observedMillis();
    for (Detector d : detectors) {
      d.onForget(v, this);
    }
  }

  /** Runs a last tick at the current clock (call at the end of a file). */
  public void finish() {
    if (clock != Long.MIN_VALUE) {
      for (Detector d : detectors) {
        d.onTick(this);
      }
    }
  }

  /**
   * Every alert episode held, as it stands (episodes quiet for 24 h of track time have been handed
   * to the listener as {@code CLOSED} and are no longer listed).
   */
  public List<Alert> alerts() {
    return book.alerts();
  }

  public EngineStats stats() {
    return new EngineStats(
        positions, statics, admitted, duplicates, outOfOrder, gated, vessels.size(), book.size());
  }

  /** Vessel-hours observed so far (intervals between a vessel's reports up to 10 min apart). */
  public double vesselHours() {
    long ms = evictedObservedMillis;
    for (VesselState v : vessels) {
      ms += v.observedMillis();
    }
    return ms / 3_600_000.0;
  }

  /** Estimated bytes held per vessel, tracks included (see {@link VesselState#retainedBytes()}). */
  public long retainedBytes() {
    long b = vessels.tableBytes();
    for (VesselState v : vessels) {
      b += v.retainedBytes();
    }
    return b;
  }

  /** The vessel registry (static data and identity history). */
  public VesselRegistry registry() {
    return registry;
  }

  /** The state of one vessel, when held. */
  public Optional<VesselState> vessel(int mmsi) {
    return Optional.ofNullable(vessels.get(mmsi));
  }

  /** Detectors in calling order. */
  public List<Detector> detectors() {
    return List.of(detectors);
  }

  @Override
  public long now() {
    return clock;
  }

  @Override
  public InfrastructureLayer layer() {
    return layer;
  }

  @Override
  public VesselList watchList() {
    return watchList;
  }

  @Override
  public VesselList workingVessels() {
    return working;
  }

  @Override
  public Collection<VesselState> vessels() {
    return vesselView;
  }

  @Override
  public AlertBook alertBook() {
    return book;
  }
}
