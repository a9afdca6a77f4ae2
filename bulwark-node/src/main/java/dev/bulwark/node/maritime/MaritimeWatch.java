package dev.bulwark.node.maritime;

import dev.bulwark.ais.source.Backoff;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertListener;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.node.maritime.alerts.AlertPublisher;
import dev.bulwark.node.maritime.alerts.IncidentLedger;
import dev.bulwark.node.maritime.alerts.IncidentVersionGate;
import dev.bulwark.node.maritime.ingest.AisSource;
import dev.bulwark.node.maritime.ingest.CsvSource;
import dev.bulwark.node.maritime.ingest.FileSource;
import dev.bulwark.node.maritime.ingest.ObservationQueue;
import dev.bulwark.node.maritime.ingest.SourceStatus;
import dev.bulwark.node.maritime.ingest.TcpSource;
import dev.bulwark.node.maritime.ingest.UdpSource;
import dev.bulwark.node.maritime.watch.LiveEngine;
import dev.bulwark.node.maritime.watch.LiveEvents;
import dev.bulwark.node.maritime.watch.LiveSnapshot;
import dev.bulwark.node.maritime.watch.VesselView;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live undersea-infrastructure watch of the node: the configured AIS sources feed one bounded
 * {@link ObservationQueue}; one {@link LiveEngine} thread runs the detection engine; alerts go
 * through the {@link AlertPublisher} into the {@link IncidentLedger} (STIX in the store) and out to
 * the console's {@link LiveEvents}. Started and stopped with the node, but the work (ledger,
 * engine, sources) runs only while this process holds the node lease ({@code store.NodeLease}): of
 * a nation's processes over one PostgreSQL, one watches, and the others ask for the lease every
 * {@link #LEASE_CHECK_SECONDS} seconds and take over once the holder is gone. A standby reads the
 * alerts the holder stored at each check ({@link IncidentLedger#reload}), so its lists are the
 * nation's, read-only. A process that loses the lease stops its work at once, so that two never
 * raise the same alert, stands by, and resumes with a new engine and its configured sources when it
 * holds the lease again (sources added at run time, such as the demo's replay, are not restarted).
 * On H2 the lease is always held. Thread-safe.
 */
public final class MaritimeWatch implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(MaritimeWatch.class);

  /** How often a process asks whether it holds (or can take) the lease. */
  static final int LEASE_CHECK_SECONDS = 5;

  private final MaritimeProperties properties;
  private final InfrastructureLayer layer;
  private final ObservationQueue queue;
  private final IncidentLedger ledger;
  private volatile AlertPublisher publisher;
  private volatile IncidentVersionGate versionGate;
  private volatile LiveEngine engine;
  private final LiveEvents events = new LiveEvents();
  private final List<AisSource> sources = new CopyOnWriteArrayList<>();
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile Consumer<AisSource> sourceAdded = s -> {};
  private final BooleanSupplier lease;
  private ScheduledExecutorService sampler;
  private ScheduledExecutorService leaseCheck;
  private volatile boolean running;
  private volatile boolean active;
  private int configured;
  private boolean spent;

  /** A watch that always runs when started (one process per database). */
  public MaritimeWatch(
      MaritimeProperties properties, InfrastructureLayer layer, IncidentLedger ledger) {
    this(properties, layer, ledger, () -> true);
  }

  /**
   * @param lease whether this process holds the node lease now (tries to take it when not)
   */
  public MaritimeWatch(
      MaritimeProperties properties,
      InfrastructureLayer layer,
      IncidentLedger ledger,
      BooleanSupplier lease) {
    this.lease = lease;
    this.properties = properties;
    this.layer = layer;
    this.queue = new ObservationQueue(properties.queueCapacity());
    this.ledger = ledger;
    this.publisher = new AlertPublisher(ledger, 10_000);
    this.versionGate = new IncidentVersionGate(IncidentVersionGate.DEFAULT_WINDOW_EVERY_MILLIS);
    this.engine = new LiveEngine(queue, layer, this::onAlert, 1000);
    ledger.onChange(c -> events.alert(c.view().toString(), c.incident()));
  }

  private void onAlert(Alert a, AlertListener.Change change) {
    if (versionGate.admit(a, change)) {
      publisher.submit(a);
    }
  }

  /** Told of every source as it is added (the metrics register it). */
  void onSourceAdded(Consumer<AisSource> hook) {
    this.sourceAdded = hook;
  }

  /** Builds the configured sources (not started yet). */
  List<AisSource> configuredSources() throws SocketException {
    List<AisSource> out = new ArrayList<>();
    for (Map.Entry<String, MaritimeProperties.Source> e : properties.sources().entrySet()) {
      out.add(source(e.getKey(), e.getValue()));
    }
    return out;
  }

  private AisSource source(String name, MaritimeProperties.Source s) throws SocketException {
    return switch (s.type()) {
      case "tcp" -> new TcpSource(name, s.host(), s.port(), Backoff.DEFAULT, queue, s.blocks());
      case "udp" -> new UdpSource(name, s.bind(), s.port(), queue, s.blocks());
      case "file" -> new FileSource(name, Path.of(s.path()), s.pace(), s.loop(), queue, s.blocks());
      case "csv" -> new CsvSource(name, Path.of(s.path()), s.pace(), s.loop(), queue, s.blocks());
      default ->
          throw new IllegalArgumentException(
              "bulwark.maritime.sources."
                  + name
                  + ".type: '"
                  + s.type()
                  + "' is not tcp, udp, file or csv");
    };
  }

  /** Adds and starts a source while the watch runs (the demo replay, tests). */
  public void addSource(AisSource source) {
    sources.add(source);
    sourceAdded.accept(source);
    synchronized (this) {
      if (active) {
        source.start();
      }
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    // the first check now, so that a node on H2 (or the lease holder) watches once started
    checkLease();
    leaseCheck =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "maritime-lease");
              t.setDaemon(true);
              return t;
            });
    leaseCheck.scheduleWithFixedDelay(
        this::checkLease, LEASE_CHECK_SECONDS, LEASE_CHECK_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Starts the work when the lease is taken, stops it when the lease is lost; while standing by,
   * reads what the holder stored.
   */
  synchronized void checkLease() {
    if (!running) {
      return;
    }
    try {
      boolean held = lease.getAsBoolean();
      if (held && !active) {
        activate();
      } else if (!held && active) {
        LOG.warn(
            "maritime watch stopped: this process lost the node lease; it stands by and resumes"
                + " when it holds the lease again");
        deactivate();
        ledger.reload();
      } else if (!held) {
        ledger.reload();
      }
    } catch (RuntimeException e) {
      LOG.warn("maritime watch: lease check failed: {}", e.getMessage());
    }
  }

  private void activate() {
    if (spent) {
      // engine, publisher and sources end for good when closed: a resumed watch gets new ones
      engine = new LiveEngine(queue, layer, this::onAlert, 1000);
      publisher = new AlertPublisher(ledger, 10_000);
      versionGate = new IncidentVersionGate(IncidentVersionGate.DEFAULT_WINDOW_EVERY_MILLIS);
      int added = sources.size() - configured;
      if (added > 0) {
        LOG.warn("maritime watch resumed without {} sources added at run time", added);
      }
      sources.clear();
    }
    ledger.start();
    publisher.start();
    engine.start();
    try {
      List<AisSource> fromSettings = configuredSources();
      configured = fromSettings.size();
      sources.addAll(0, fromSettings);
    } catch (SocketException e) {
      throw new IllegalStateException("cannot open an AIS source: " + e.getMessage(), e);
    }
    sources.forEach(sourceAdded);
    sources.forEach(AisSource::start);
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "maritime-sampler");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    active = true;
    LOG.info(
        "maritime watch started: {} sources, {} assets, {} alerts held",
        sources.size(),
        layer.assets().size(),
        ledger.size());
  }

  private long ticks;

  private void sample() {
    try {
      sources.forEach(s -> s.status().sample());
      if (events.subscribers() > 0 && ticks++ % 2 == 0) {
        events.broadcast("vessels", vesselsJson());
        events.toAdmins("status", json.writeValueAsString(status()));
      }
    } catch (RuntimeException e) {
      LOG.debug("sampling failed", e);
    }
  }

  /**
   * How many times faster than the wall clock track time runs (the fastest replaying source), or 0
   * when every source is live: shown to every watch officer beside the track time.
   */
  public double replaySpeed() {
    return sources.stream().mapToDouble(AisSource::replaySpeed).max().orElse(0);
  }

  /** The current vessels, compact: [mmsi, lat, lon, sog, cog, name] rows. */
  String vesselsJson() {
    LiveSnapshot s = engine.snapshot();
    ObjectNode o = json.createObjectNode();
    o.put("time", s.engineTime());
    o.put("replay_speed", replaySpeed());
    ArrayNode rows = o.putArray("vessels");
    for (VesselView v : s.vessels()) {
      ArrayNode r = rows.addArray();
      r.add(v.mmsi())
          .add(Math.round(v.lat() * 1e5) / 1e5)
          .add(Math.round(v.lon() * 1e5) / 1e5)
          .add(v.sog())
          .add(v.cog())
          .add(v.name());
    }
    return o.toString();
  }

  /** What the API and the metrics report. */
  public Status status() {
    LiveSnapshot s = engine.snapshot();
    return new Status(
        active,
        sources.stream().map(x -> x.status().view()).toList(),
        queue.size(),
        queue.capacity(),
        queue.dropped(),
        queue.waits(),
        engine.processed(),
        engine.failures(),
        s.engineTime(),
        s.stats().vessels(),
        s.stats().alerts(),
        publisher.published(),
        publisher.failed(),
        publisher.backlog(),
        events.subscribers(),
        events.dropped());
  }

  /**
   * The watch's state.
   *
   * @param running whether the watch's work runs in this process (it holds the node lease)
   * @param queueDropped observations dropped because the engine was behind
   * @param queueWaits times a replay (or a source set to block) waited for the engine
   * @param engineFailures observations the engine failed on
   * @param eventsDropped console events dropped for slow clients
   *     <p>Written as JSON with snake_case field names, like STIX and TAXII.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Status(
      boolean running,
      List<SourceStatus.View> sources,
      int queueSize,
      int queueCapacity,
      long queueDropped,
      long queueWaits,
      long processed,
      long engineFailures,
      String engineTime,
      int vessels,
      int alertsRaised,
      long alertsPublished,
      long publishFailures,
      int publishBacklog,
      int consoleClients,
      long eventsDropped) {}

  public LiveEngine engine() {
    return engine;
  }

  public IncidentLedger ledger() {
    return ledger;
  }

  public LiveEvents events() {
    return events;
  }

  public InfrastructureLayer layer() {
    return layer;
  }

  public ObservationQueue queue() {
    return queue;
  }

  public AlertPublisher publisher() {
    return publisher;
  }

  public List<AisSource> sources() {
    return List.copyOf(sources);
  }

  /** Whether the watch's work runs in this process now (it holds the lease). */
  public boolean active() {
    return active;
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    if (leaseCheck != null) {
      leaseCheck.shutdownNow();
    }
    if (active) {
      deactivate();
    } else {
      sources.forEach(AisSource::close);
    }
    events.close();
  }

  private void deactivate() {
    active = false;
    spent = true;
    if (sampler != null) {
      sampler.shutdownNow();
    }
    sources.forEach(AisSource::close);
    engine.close();
    publisher.close();
    // the console's event stream stays: a resumed watch sends on it again
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // after the web server starts (its phase is below this), before it stops
    return Integer.MAX_VALUE - 2048;
  }
}
