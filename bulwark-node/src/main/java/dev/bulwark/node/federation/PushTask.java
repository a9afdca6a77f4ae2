package dev.bulwark.node.federation;

import dev.bulwark.node.exchange.CollectionInfo;
import dev.bulwark.node.exchange.ObjectQuery;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.Page;
import dev.bulwark.node.exchange.ReadFilter;
import dev.bulwark.node.exchange.StoredObject;
import dev.bulwark.node.exchange.client.TaxiiClient;
import dev.bulwark.node.exchange.client.TaxiiResources.Status;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.stix.markings.Reader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Pushes one collection to one peer: the objects this node's own nation originated (never what it
 * received from peers, so nothing bounces between nodes), filtered by the same AccessPolicy that
 * serves any reader of the peer's nation, POSTed in pages after the persisted cursor. The cursor only
 * moves when the peer has answered, so a peer that is down gets everything when it returns. Not
 * thread-safe: the service runs one task per peer and collection at a time.
 */
final class PushTask {
  static final int PAGE = 500;

  private final Peer peer;
  private final String collection;
  private final String localNation;
  private final TaxiiClient client;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final CursorStore cursors;
  private final FederationMetrics metrics;
  private final LongSupplier nowMicros;

  PushTask(Peer peer, String collection, String localNation, TaxiiClient client, ObjectStore store,
      AccessPolicy policy, CursorStore cursors, FederationMetrics metrics, LongSupplier nowMicros) {
    this.peer = peer;
    this.collection = collection;
    this.localNation = localNation;
    this.client = client;
    this.store = store;
    this.policy = policy;
    this.cursors = cursors;
    this.metrics = metrics;
    this.nowMicros = nowMicros;
  }

  /**
   * What a peer is sent from a collection: objects this node's nation originated (not what came from
   * peers), and only those the AccessPolicy lets a reader of the peer's nation see.
   */
  static ReadFilter eligible(Peer peer, CollectionInfo collection, String localNation, AccessPolicy policy) {
    ReadFilter peerMayRead = policy.readFilter(new Reader(peer.nation(), Optional.empty()), collection.defaultNations());
    return o -> o.originNation().equals(localNation) && !o.addedBy().startsWith("peer:") && peerMayRead.permits(o);
  }

  /** Pushes everything new; returns how many objects the peer accepted. */
  long run() {
    Optional<CollectionInfo> local = store.collection(collection);
    if (local.isEmpty()) {
      return 0;
    }
    ReadFilter eligible = eligible(peer, local.get(), localNation, policy);
    Cursor cursor = cursors.find(peer.name(), Direction.PUSH, collection)
        .orElse(Cursor.start(peer.name(), Direction.PUSH, collection));
    long accepted = 0;
    try {
      while (true) {
        long after = Long.parseLong(cursor.position());
        Page page = store.page(new ObjectQuery(collection, after, Set.of(), Set.of(), Set.of(), PAGE), eligible);
        long refused = 0;
        long taken = 0;
        if (!page.items().isEmpty()) {
          List<String> json = page.items().stream().map(StoredObject::json).toList();
          Status status = client.add(peer.apiRoot(), collection, json);
          taken = status.successCount();
          refused = status.failureCount();
        }
        if (page.scannedUpToMicros() > after || taken + refused > 0) {
          cursor = cursor.advanced(Long.toString(page.scannedUpToMicros()), taken, refused, nowMicros.getAsLong());
          cursors.save(cursor);
          metrics.moved(peer, Direction.PUSH, collection, taken, refused);
        }
        accepted += taken;
        if (!page.more()) {
          metrics.caughtUp(peer, Direction.PUSH, collection, 0);
          if (page.items().isEmpty()) {
            cursors.save(cursor.advanced(cursor.position(), 0, 0, nowMicros.getAsLong()));
          }
          return accepted;
        }
      }
    } catch (RuntimeException e) {
      cursors.save(cursor.failed(PullTask.describe(e), nowMicros.getAsLong()));
      metrics.failed(peer, Direction.PUSH, collection);
      throw e;
    }
  }
}
