package dev.bulwark.node.misp;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.store.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls every MISP peer ({@code bulwark peer add --type misp-feed|misp-rest}) at its interval,
 * backing off (doubling, up to a minute) while it fails; the failure is kept on its cursor, so
 * {@code bulwark federation status} shows it. The peer list is re-read every few seconds; with two
 * processes of one nation only the lease holder pulls. Thread-safe.
 */
public final class MispFederation implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MispFederation.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Duration REFRESH = Duration.ofSeconds(3);

  private final MispPeerStore peers;
  private final CursorStore cursors;
  private final ObjectStore store;
  private final MispStore misp;
  private final MispRefusals refusals;
  private final AudienceSettings settings;
  private final BooleanSupplier leader;
  private final MispHttp http = new MispHttp();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bulwark-misp-federation");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Loop> loops = new ConcurrentHashMap<>();

  public MispFederation(
      MispPeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      MispStore misp,
      MispRefusals refusals,
      AudienceSettings settings,
      BooleanSupplier leader) {
    this.refusals = refusals;
    this.peers = peers;
    this.cursors = cursors;
    this.store = store;
    this.misp = misp;
    this.settings = settings;
    this.leader = leader;
  }

  /** Starts the peer loops (once the node serves). */
  public void start() {
    scheduler.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      if (!leader.getAsBoolean()) {
        loops.values().forEach(l -> l.stopped = true);
        loops.clear();
        return;
      }
      Map<String, MispPeer> current = new HashMap<>();
      peers.list().forEach(p -> current.put(p.name(), p));
      loops
          .entrySet()
          .removeIf(
              e -> {
                if (!e.getValue().peer.equals(current.get(e.getKey()))) {
                  e.getValue().stopped = true;
                  return true;
                }
                return false;
              });
      current.forEach(
          (name, p) ->
              loops.computeIfAbsent(
                  name,
                  n -> {
                    Loop l = new Loop(p);
                    scheduler.execute(l);
                    log.info("MISP federation with {} started", p);
                    return l;
                  }));
    } catch (RuntimeException e) {
      log.warn("cannot read the MISP peer list: {}", e.getMessage());
    }
  }

  /** One peer's repeating pull. */
  private final class Loop implements Runnable {
    final MispPeer peer;
    volatile boolean stopped;
    Duration delay;

    Loop(MispPeer peer) {
      this.peer = peer;
      this.delay = peer.interval();
    }

    @Override
    public void run() {
      if (stopped) {
        return;
      }
      try {
        long stored =
            new MispPull(peer, store, misp, refusals, cursors, settings, http).run(nowMicros());
        if (stored > 0) {
          log.info("MISP pull {}: {} event(s)", peer.name(), stored);
        }
        delay = peer.interval();
      } catch (RuntimeException e) {
        log.warn("MISP pull {} failed: {}", peer.name(), e.getMessage());
        Cursor c =
            cursors
                .find(peer.name(), Direction.PULL, peer.collection())
                .orElse(
                    new Cursor(peer.name(), Direction.PULL, peer.collection(), "", 0, 0, 0, "", 0));
        cursors.save(
            new Cursor(
                c.peer(),
                c.direction(),
                c.collection(),
                c.position(),
                c.objects(),
                c.rejected(),
                c.lastSuccessMicros(),
                String.valueOf(e.getMessage()),
                nowMicros()));
        delay =
            delay.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? delay.multipliedBy(2) : MAX_BACKOFF;
      }
      if (!stopped && !scheduler.isShutdown()) {
        scheduler.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }

  @Override
  public void close() {
    loops.values().forEach(l -> l.stopped = true);
    scheduler.shutdownNow();
  }
}
