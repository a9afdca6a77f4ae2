package dev.bulwark.node.federation;

import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import dev.bulwark.stix.markings.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one collection to one peer: the objects this node's own nation originated (never what it
 * received from peers, so nothing bounces between nodes), filtered by the same AccessPolicy that
 * serves any reader of the peer's nation, never TLP:RED, POSTed in pages after the persisted
 * cursor, each envelope saying where its objects come from ({@link ProvenanceClaim}). The cursor
 * only moves when the peer has answered, so a peer that is down gets everything when it returns.
 * Not thread-safe: the service runs one task per peer and collection at a time.
 */
final class PushTask {
  private static final Logger log = LoggerFactory.getLogger(PushTask.class);

  /**
   * Objects read per page; a page is sent in as few envelopes as the peer's max_content_length
   * allows.
   */
  static final int PAGE = 5_000;

  /** The envelope size used when a peer states no max_content_length (TAXII requires it). */
  static final long DEFAULT_MAX_CONTENT = 1024 * 1024;

  private final Peer peer;
  private final String collection;
  private final String localNation;
  private final TaxiiClient client;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final CursorStore cursors;
  private final FederationMetrics metrics;
  private final LongSupplier nowMicros;
  private final LongSupplier peerMaxContentLength;

  PushTask(
      Peer peer,
      String collection,
      String localNation,
      TaxiiClient client,
      ObjectStore store,
      AccessPolicy policy,
      CursorStore cursors,
      FederationMetrics metrics,
      LongSupplier nowMicros,
      LongSupplier peerMaxContentLength) {
    this.peer = peer;
    this.collection = collection;
    this.localNation = localNation;
    this.client = client;
    this.store = store;
    this.policy = policy;
    this.cursors = cursors;
    this.metrics = metrics;
    this.nowMicros = nowMicros;
    this.peerMaxContentLength = peerMaxContentLength;
  }

  /**
   * What a peer is sent from a collection: objects this node's nation originated (not what came
   * from peers), never TLP:RED, and only those the AccessPolicy lets a reader of the peer's nation
   * see under the originating nation's rule.
   */
  static ReadFilter eligible(
      Peer peer, CollectionInfo collection, String localNation, AccessPolicy policy) {
    Reader reader = new Reader(peer.nation(), Optional.empty());
    // objects whose required property a granular marking keeps from the peer's nation are not sent
    ReadFilter peerMayRead =
        new GranularMarkings(policy)
            .withholding(
                policy.readFilter(reader, collection.defaultNations()),
                reader,
                collection.defaultNations());
    return o ->
        o.originNation().equals(localNation)
            && !o.addedBy().startsWith("peer:")
            && o.relayedVia().isEmpty()
            && !AccessPolicy.carriesRed(o.markingRefs())
            && peerMayRead.permits(o);
  }

  /**
   * POSTs the objects in envelopes no larger than the peer's max_content_length; returns {accepted,
   * refused}. An object that alone exceeds it can never be sent: it is counted as refused and
   * logged, so that it does not hold back everything after it.
   */
  private long[] send(List<StoredObject> objects, Set<String> defaultNations) {
    GranularMarkings parts = new GranularMarkings(policy);
    Reader reader = new Reader(peer.nation(), Optional.empty());
    long max = peerMaxContentLength.getAsLong();
    long budget = max > 0 ? max : DEFAULT_MAX_CONTENT;
    long[] counts = new long[2];
    List<String> envelope = new ArrayList<>();
    List<ProvenanceClaim> claims = new ArrayList<>();
    long bytes = ENVELOPE_OVERHEAD;
    for (StoredObject o : objects) {
      // the parts granular markings keep from the peer's nation are removed before it leaves the
      // node
      Optional<String> json = parts.jsonFor(reader, o, defaultNations);
      if (json.isEmpty()) {
        counts[1]++;
        continue;
      }
      ProvenanceClaim claim = ProvenanceClaim.of(o);
      long size =
          json.get().getBytes(StandardCharsets.UTF_8).length
              + 1L
              + claim.toJson().getBytes(StandardCharsets.UTF_8).length
              + 1L;
      if (ENVELOPE_OVERHEAD + size > budget) {
        log.warn(
            "object {} ({} bytes) is larger than peer {}'s max_content_length of {} bytes: not pushed",
            o.objectId(),
            json.get().getBytes(StandardCharsets.UTF_8).length,
            peer.name(),
            budget);
        counts[1]++;
        continue;
      }
      if (bytes + size > budget) {
        post(envelope, claims, counts);
        envelope = new ArrayList<>();
        claims = new ArrayList<>();
        bytes = ENVELOPE_OVERHEAD;
      }
      envelope.add(json.get());
      claims.add(claim);
      bytes += size;
    }
    if (!envelope.isEmpty()) {
      post(envelope, claims, counts);
    }
    return counts;
  }

  /**
   * {"objects":[ and ],"x_bulwark_provenance":[ and ]} around the objects and their provenance
   * entries, which are separated by commas (counted with each object and entry).
   */
  private static final long ENVELOPE_OVERHEAD =
      ("{\"objects\":[],\"" + ProvenanceClaim.PROPERTY + "\":[]}").length();

  private void post(List<String> envelope, List<ProvenanceClaim> claims, long[] counts) {
    Status status = client.add(peer.apiRoot(), collection, envelope, claims);
    counts[0] += status.successCount();
    counts[1] += status.failureCount();
  }

  /** Pushes everything new; returns how many objects the peer accepted. */
  long run() {
    Optional<CollectionInfo> local = store.collection(collection);
    if (local.isEmpty()) {
      return 0;
    }
    ReadFilter eligible = eligible(peer, local.get(), localNation, policy);
    Cursor cursor =
        cursors
            .find(peer.name(), Direction.PUSH, collection)
            .orElse(Cursor.start(peer.name(), Direction.PUSH, collection));
    long accepted = 0;
    try {
      while (true) {
        long after = Long.parseLong(cursor.position());
        Page page =
            store.page(
                new ObjectQuery(collection, after, Set.of(), Set.of(), Set.of(), PAGE), eligible);
        long refused = 0;
        long taken = 0;
        if (!page.items().isEmpty()) {
          long[] counts = send(page.items(), local.get().defaultNations());
          taken = counts[0];
          refused = counts[1];
        }
        if (page.scannedUpToMicros() > after || taken + refused > 0) {
          cursor =
              cursor.advanced(
                  Long.toString(page.scannedUpToMicros()), taken, refused, nowMicros.getAsLong());
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
      cursors.save(cursor.failed(PeerProblems.explain(peer, e), nowMicros.getAsLong()));
      metrics.failed(peer, Direction.PUSH, collection);
      throw e;
    }
  }
}
