package dev.bulwark.node.federation;

import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs federation: for every configured peer, a cycle that pulls its collections and pushes ours,
 * repeated at the peer's interval, backing off (doubling, up to 30 seconds) while the peer fails.
 * The peer list is re-read every few seconds, so {@code bulwark peer add|remove} takes effect on a
 * running node. With two processes of one nation over one PostgreSQL, only the one that holds the
 * lease ({@code store.NodeLease}) exchanges; the other takes over within the refresh interval after
 * it dies. Thread-safe.
 */
public final class FederationService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FederationService.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration PEER_LIST_REFRESH = Duration.ofSeconds(3);

  private final PeerStore peers;
  private final CursorStore cursors;
  private final ObjectStore store;
  private final StixValidator validator;
  private final AccessPolicy policy;
  private final FederationMetrics metrics;
  private final String localNation;
  private final ScheduledExecutorService scheduler;
  private final Map<String, PeerLoop> loops = new ConcurrentHashMap<>();
  private final BooleanSupplier leader;

  FederationService(
      PeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      StixValidator validator,
      AccessPolicy policy,
      FederationMetrics metrics,
      String localNation,
      BooleanSupplier leader) {
    this.leader = leader;
    this.peers = peers;
    this.cursors = cursors;
    this.store = store;
    this.validator = validator;
    this.policy = policy;
    this.metrics = metrics;
    this.localNation = localNation;
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "bulwark-federation");
              t.setDaemon(true);
              return t;
            });
  }

  void start() {
    scheduler.scheduleWithFixedDelay(
        this::refreshPeers, 0, PEER_LIST_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refreshPeers() {
    try {
      if (!leader.getAsBoolean()) {
        // another process of this nation runs federation (NodeLease): none here until it is gone
        loops.values().forEach(l -> l.stopped = true);
        loops.clear();
        return;
      }
      Map<String, Peer> current = new HashMap<>();
      peers.list().forEach(p -> current.put(p.name(), p));
      loops
          .keySet()
          .removeIf(
              name -> {
                PeerLoop loop = loops.get(name);
                if (!current.containsKey(name) || !current.get(name).equals(loop.peer)) {
                  loop.stopped = true;
                  return true;
                }
                return false;
              });
      current
          .values()
          .forEach(
              p ->
                  loops.computeIfAbsent(
                      p.name(),
                      n -> {
                        PeerLoop loop = new PeerLoop(p);
                        scheduler.execute(loop);
                        log.info("federation with {} started", p);
                        return loop;
                      }));
    } catch (RuntimeException e) {
      log.warn("cannot read the peer list: {}", e.getMessage());
    }
  }

  /** One peer's repeating cycle. */
  private final class PeerLoop implements Runnable {
    final Peer peer;
    final TaxiiClient client;
    volatile boolean stopped;
    Duration delay;

    /** The peer's max_content_length, read once from its API root (0 until then). */
    long maxContentLength;

    PeerLoop(Peer peer) {
      this.peer = peer;
      this.client = PeerClients.forPeer(peer);
      this.delay = peer.interval();
    }

    /** Runs on the scheduler, one cycle of this peer at a time. */
    long maxContentLength() {
      if (maxContentLength <= 0) {
        maxContentLength = client.apiRoot(peer.apiRoot()).maxContentLength();
      }
      return maxContentLength;
    }

    @Override
    public void run() {
      if (stopped) {
        return;
      }
      boolean ok = true;
      // a peer that nothing reaches (TLS, connection, token) fails every row of the status alike:
      // a push with nothing to send must not look fine while the peer cannot be reached
      RuntimeException down = peer.pull().isEmpty() ? reach() : null;
      for (String collection : peer.pull()) {
        RuntimeException failed =
            attempt(
                Direction.PULL,
                collection,
                () ->
                    new PullTask(
                            peer,
                            collection,
                            localNation,
                            client,
                            store,
                            validator,
                            policy,
                            cursors,
                            metrics,
                            FederationService::nowMicros)
                        .run());
        ok &= failed == null;
        if (failed != null && down == null && PeerProblems.unreachable(failed)) {
          down = failed;
        }
      }
      for (String collection : peer.push()) {
        if (down != null) {
          markFailed(Direction.PUSH, collection, down);
          ok = false;
          continue;
        }
        ok &=
            attempt(
                    Direction.PUSH,
                    collection,
                    () ->
                        new PushTask(
                                peer,
                                collection,
                                localNation,
                                client,
                                store,
                                policy,
                                cursors,
                                metrics,
                                FederationService::nowMicros,
                                this::maxContentLength)
                            .run())
                == null;
      }
      delay = ok ? peer.interval() : min(delay.multipliedBy(2), MAX_BACKOFF);
      if (!stopped && !scheduler.isShutdown()) {
        scheduler.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    /** Asks the peer's API root (for a push-only peer); returns why it cannot, or null. */
    private RuntimeException reach() {
      try {
        client.apiRoot(peer.apiRoot());
        return null;
      } catch (RuntimeException e) {
        if (!PeerProblems.unreachable(e)) {
          return null;
        }
        log.warn("federation with {} failed: {}", peer.name(), PeerProblems.explain(peer, e));
        return e;
      }
    }

    private void markFailed(Direction direction, String collection, RuntimeException e) {
      CursorStore.Cursor c =
          cursors
              .find(peer.name(), direction, collection)
              .orElse(CursorStore.Cursor.start(peer.name(), direction, collection));
      cursors.save(c.failed(PeerProblems.explain(peer, e), nowMicros()));
      metrics.failed(peer, direction, collection);
    }

    /** Runs one direction of one collection; returns its failure, or null. */
    private RuntimeException attempt(Direction direction, String collection, LongSupplier task) {
      try {
        long moved = task.getAsLong();
        if (moved > 0) {
          log.info(
              "federation {} {} {}: {} object(s)",
              direction.label(),
              peer.name(),
              collection,
              moved);
        }
        return null;
      } catch (RuntimeException e) {
        log.warn(
            "federation {} {} {} failed: {}",
            direction.label(),
            peer.name(),
            collection,
            PeerProblems.explain(peer, e));
        return e;
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
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
