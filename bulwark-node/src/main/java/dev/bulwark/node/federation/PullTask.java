package dev.bulwark.node.federation;

import dev.bulwark.node.exchange.AddOutcome;
import dev.bulwark.node.exchange.CollectionInfo;
import dev.bulwark.node.exchange.NewObject;
import dev.bulwark.node.exchange.ObjectStore;
import dev.bulwark.node.exchange.Provenance;
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
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one collection from one peer: walks the peer's objects after the persisted cursor page by
 * page (by added_after, which survives restarts on both sides), validates each object, stores the
 * valid ones idempotently with the peer as their origin, and persists the cursor after every page.
 * A crash between storing and saving the cursor only means the page is fetched again, which the
 * store ignores. Not thread-safe: the service runs one task per peer and collection at a time.
 */
final class PullTask {
  private static final Logger log = LoggerFactory.getLogger(PullTask.class);
  static final int PAGE = 1_000;

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
    try {
      while (true) {
        TaxiiQuery query = TaxiiQuery.all().withLimit(PAGE);
        if (!cursor.position().isEmpty()) {
          query = query.withAddedAfter(cursor.position());
        }
        Envelope page = client.objects(peer.apiRoot(), collection, query, Optional.empty());
        if (page.objects().isEmpty()) {
          cursors.save(cursor.advanced(cursor.position(), 0, 0, nowMicros.getAsLong()));
          metrics.caughtUp(peer, Direction.PULL, collection, 0);
          return storedTotal;
        }
        List<NewObject> valid = new ArrayList<>(page.objects().size());
        long rejected = 0;
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
        long stored = 0;
        for (AddOutcome outcome : store.addAll(collection, valid, provenance)) {
          if (outcome.status() == AddOutcome.Status.STORED) {
            stored++;
          }
        }
        String position = page.dateAddedLast()
            .orElseThrow(() -> new IllegalStateException("the peer sent no X-TAXII-Date-Added-Last header"));
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
      cursors.save(cursor.failed(describe(e), nowMicros.getAsLong()));
      metrics.failed(peer, Direction.PULL, collection);
      throw e;
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null
            && !message.contains(e.getCause().getMessage())
        ? message + ": " + e.getCause().getMessage()
        : message;
  }
}
