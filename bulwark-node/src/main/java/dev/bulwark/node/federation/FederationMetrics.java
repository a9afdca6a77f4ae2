package dev.bulwark.node.federation;

import dev.bulwark.node.federation.CursorStore.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of federation, per peer, direction and collection: objects moved, objects
 * refused, failed attempts, and the epoch second of the last catch-up (so lag in time is {@code
 * time() - bulwark_federation_caught_up_seconds}). Thread-safe.
 */
final class FederationMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> caughtUp = new ConcurrentHashMap<>();

  FederationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void moved(Peer peer, Direction direction, String collection, long objects, long refused) {
    counter("bulwark.federation.objects", peer, direction, collection).increment(objects);
    counter("bulwark.federation.refused", peer, direction, collection).increment(refused);
  }

  void failed(Peer peer, Direction direction, String collection) {
    counter("bulwark.federation.failures", peer, direction, collection).increment();
  }

  void caughtUp(Peer peer, Direction direction, String collection, long unused) {
    String key = peer.name() + '/' + direction.label() + '/' + collection;
    caughtUp
        .computeIfAbsent(
            key,
            k ->
                registry.gauge(
                    "bulwark.federation.caught.up.seconds",
                    Tags.of(
                        "peer",
                        peer.name(),
                        "direction",
                        direction.label(),
                        "collection",
                        collection),
                    new AtomicLong()))
        .set(System.currentTimeMillis() / 1000);
  }

  private Counter counter(String name, Peer peer, Direction direction, String collection) {
    return Counter.builder(name)
        .tag("peer", peer.name())
        .tag("direction", direction.label())
        .tag("collection", collection)
        .register(registry);
  }
}
