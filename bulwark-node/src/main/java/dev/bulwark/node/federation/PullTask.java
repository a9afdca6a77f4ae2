package dev.bulwark.node.federation;

import dev.bulwark.node.exchange.AddOutcome;
import dev.bulwark.node.exchange.CollectionInfo;
import dev.bulwark.node.exchange.NewObject;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.Provenance;
import dev.bulwark.node.exchange.StoreException;
import dev.bulwark.node.exchange.client.TaxiiClient;
import dev.bulwark.node.exchange.client.TaxiiQuery;
import dev.bulwark.node.exchange.client.TaxiiResources.Envelope;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one collection from one peer: walks the peer's objects after the persisted cursor page by
 * page (by added_after, which survives restarts on both sides), validates each object, stores the
 * valid ones idempotently with the peer as their origin, and persists the cursor after every page.
 * A crash between storing and saving the cursor only means the page is fetched again, which the
 * store ignores.
 *
 * <p>The next page is requested as soon as this one has arrived, and is read, sent and parsed while
 * this one is validated and stored: the peer's reading and this node's writing overlap instead of
 * taking turns. The cursor still moves only after a page is stored, and only to that page's end.
 * Not thread-safe: the service runs one task per peer and collection at a time.
 */
final class PullTask {
  private static final Logger log = LoggerFactory.getLogger(PullTask.class);
  /** Objects asked for per request; the peer may send fewer (its own maximum page size). */
  static final int PAGE = 5_000;

  private final Peer peer;
  private final String collection;
  private final TaxiiClient client;
  private final ObjectStore store;
  private final StixValidator validator;
  private final CursorStore cursors;
  private final FederationMetrics metrics;
  private final LongSupplier nowMicros;

  PullTask(Peer peer, String collection, TaxiiClient client, ObjectStore store, StixValidator validator,
      CursorStore cursors, FederationMetrics metrics, LongSupplier nowMicros) {
    this.peer = peer;
    this.collection = collection;
    this.client = client;
    this.store = store;
    this.validator = validator;
    this.cursors = cursors;
    this.metrics = metrics;
    this.nowMicros = nowMicros;
  }

  /** Pulls until the peer has nothing newer; returns how many new objects were stored. */
  long run() {
    Cursor cursor = cursors.find(peer.name(), Direction.PULL, collection)
        .orElse(Cursor.start(peer.name(), Direction.PULL, collection));
    store.ensureCollection(new CollectionInfo(collection, collection, "Pulled from peers", Set.of()));
    Provenance provenance = new Provenance(peer.nation(), peer.addedBy());
    long storedTotal = 0;
    CompletableFuture<Envelope> pending = fetch(cursor.position(), Optional.empty());
    try {
      while (true) {
        Envelope page = await(pending);
        pending = null;
        if (page.objects().isEmpty() && page.malformed() == 0) {
          if (page.more() && page.next().isPresent()) {
            // the peer scanned as far as it may in one request and found nothing we may see: go on
            // from where it stopped (the cursor stays: it only ever names a page we stored)
            pending = fetch(cursor.position(), page.next());
            continue;
          }
          cursors.save(cursor.advanced(cursor.position(), 0, 0, nowMicros.getAsLong()));
          metrics.caughtUp(peer, Direction.PULL, collection, 0);
          return storedTotal;
        }
        String position = page.dateAddedLast()
            .orElseThrow(() -> new IllegalStateException("the peer sent no X-TAXII-Date-Added-Last header"));
        if (page.more()) {
          pending = fetch(position, Optional.empty());
        }
        long rejected = page.malformed();
        if (page.malformed() > 0) {
          log.warn("peer {} sent {} item(s) in {} that are not well-formed JSON objects", peer.name(),
              page.malformed(), collection);
        }
        List<NewObject> valid = new ArrayList<>(page.objects().size());
        for (StixObject o : page.objects()) {
          ValidationResult result = validator.validate(o);
          if (result.valid()) {
            valid.add(NewObject.from(o));
          } else {
            rejected++;
            log.warn("peer {} sent an invalid object {} in {}: {}", peer.name(), o.id(), collection,
                result.errors().get(0).message());
          }
        }
        long[] counts = storeAll(valid, provenance);
        long stored = counts[0];
        rejected += counts[1];
        cursor = cursor.advanced(position, stored, rejected, nowMicros.getAsLong());
        cursors.save(cursor);
        metrics.moved(peer, Direction.PULL, collection, stored, rejected);
        storedTotal += stored;
        if (!page.more()) {
          metrics.caughtUp(peer, Direction.PULL, collection, 0);
          return storedTotal;
        }
      }
    } catch (RuntimeException e) {
      if (pending != null) {
        pending.cancel(true);
      }
      cursors.save(cursor.failed(describe(e), nowMicros.getAsLong()));
      metrics.failed(peer, Direction.PULL, collection);
      throw e;
    }
  }

  private CompletableFuture<Envelope> fetch(String position, Optional<String> next) {
    TaxiiQuery query = TaxiiQuery.all().withLimit(PAGE);
    if (!position.isEmpty()) {
      query = query.withAddedAfter(position);
    }
    return client.objectsAsync(peer.apiRoot(), collection, query, next);
  }

  private static Envelope await(CompletableFuture<Envelope> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      page.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the peer", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Stores the page in one batch; when the database refuses the batch, object by object, so that one
   * object it cannot take is counted as rejected and does not hold back the rest. Returns {stored,
   * rejected}.
   */
  private long[] storeAll(List<NewObject> valid, Provenance provenance) {
    try {
      return new long[] {storedIn(store.addAll(collection, valid, provenance)), 0};
    } catch (StoreException batchFailed) {
      long stored = 0;
      long rejected = 0;
      for (NewObject o : valid) {
        try {
          stored += storedIn(List.of(store.add(collection, o, provenance)));
        } catch (StoreException e) {
          rejected++;
          log.warn("cannot store object {} from peer {} in {}: {}", o.objectId(), peer.name(), collection,
              e.getMessage());
        }
      }
      if (rejected == valid.size() && !valid.isEmpty()) {
        throw batchFailed; // the database itself is failing, not one object: retry the page later
      }
      return new long[] {stored, rejected};
    }
  }

  private static long storedIn(List<AddOutcome> outcomes) {
    long stored = 0;
    for (AddOutcome outcome : outcomes) {
      if (outcome.status() == AddOutcome.Status.STORED) {
        stored++;
      }
    }
    return stored;
  }

  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null
            && !message.contains(e.getCause().getMessage())
        ? message + ": " + e.getCause().getMessage()
        : message;
  }
}
