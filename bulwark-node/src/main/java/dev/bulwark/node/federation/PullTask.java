package dev.bulwark.node.federation;

import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.AddOutcome;
import dev.bulwark.node.store.BatchRecords;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StoreException;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.taxii.client.TaxiiResources.Envelope;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one collection from one peer: walks the peer's objects after the persisted cursor page by
 * page (by added_after, which survives restarts on both sides), validates each object, stores the
 * valid ones idempotently under the provenance the peer claims, once {@link PeerIntake} has checked
 * it (their true origin, the peer added as a relay), and persists the cursor after every page. A
 * crash between storing and saving the cursor only means the page is fetched again, which the store
 * ignores.
 *
 * <p>The next page is requested as soon as this one has arrived, and is read, sent and parsed while
 * this one is validated and stored: the peer's reading and this node's writing overlap instead of
 * taking turns. Likewise a page is validated while the one before it is stored (on a second thread,
 * one page in flight, pages stored in order). The cursor still moves only after a page is stored,
 * and only to that page's end. Not thread-safe: the service runs one task per peer and collection
 * at a time.
 */
final class PullTask {
  private static final Logger log = LoggerFactory.getLogger(PullTask.class);

  /** Objects asked for per request; the peer may send fewer (its own maximum page size). */
  static final int PAGE = 5_000;

  /** Objects per store transaction. */
  static final int STORE_BATCH = 2_000;

  private final Peer peer;
  private final String collection;
  private final TaxiiClient client;
  private final ObjectStore store;
  private final StixValidator validator;
  private final CursorStore cursors;
  private final FederationMetrics metrics;
  private final LongSupplier nowMicros;
  private final PeerIntake intake;

  PullTask(
      Peer peer,
      String collection,
      String localNation,
      TaxiiClient client,
      ObjectStore store,
      StixValidator validator,
      AccessPolicy policy,
      CursorStore cursors,
      FederationMetrics metrics,
      LongSupplier nowMicros) {
    this.peer = peer;
    this.collection = collection;
    this.client = client;
    this.store = store;
    this.validator = validator;
    this.cursors = cursors;
    this.metrics = metrics;
    this.nowMicros = nowMicros;
    this.intake = new PeerIntake(peer, collection, localNation, store, policy);
  }

  /** A page validated and handed to the store: where it ends, and what storing it came to. */
  private record Stored(
      String position, long rejectedBeforeStore, CompletableFuture<long[]> counts) {}

  /** Pulls until the peer has nothing newer; returns how many new objects were stored. */
  long run() {
    Cursor start =
        cursors
            .find(peer.name(), Direction.PULL, collection)
            .orElse(Cursor.start(peer.name(), Direction.PULL, collection));
    store.ensureCollection(
        new CollectionInfo(collection, collection, "Pulled from peers", Set.of()));
    Progress progress = new Progress(start);
    try {
      return progress.pull();
    } catch (RuntimeException e) {
      progress.abandon(e);
      throw e;
    } finally {
      progress.close();
    }
  }

  /** A page's objects that passed validation, and how many of its items did not. */
  private record Validated(List<PeerIntake.Pulled> valid, long rejected) {}

  /**
   * One run's state: the page being fetched, the page being stored, the cursor as far as pages are
   * stored, and how many objects were stored in this run. Its stages: fetch a page, validate it,
   * hand it to the store (which admits it, see {@link #storeAll}), advance the cursor.
   */
  private final class Progress {
    Cursor cursor;
    long stored;

    /** Where the page being fetched starts (the added_after it was asked with). */
    private String requestedAfter;

    private CompletableFuture<Envelope> pending;
    private Stored inFlight;
    private ExecutorService writer;

    Progress(Cursor start) {
      this.cursor = start;
      this.requestedAfter = start.position();
    }

    long pull() {
      pending = fetch(requestedAfter, Optional.empty());
      while (true) {
        Envelope page = await(pending);
        pending = null;
        if (page.objects().isEmpty() && page.malformed() == 0) {
          if (page.more() && page.next().isPresent()) {
            // the peer scanned as far as it may in one request and found nothing we may see: go on
            // from where it stopped (the cursor stays: it only ever names a page we stored)
            pending = fetch(requestedAfter, page.next());
            continue;
          }
          settle();
          cursors.save(cursor.advanced(cursor.position(), 0, 0, nowMicros.getAsLong()));
          metrics.caughtUp(peer, Direction.PULL, collection, 0);
          return stored;
        }
        String position =
            page.dateAddedLast()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "the peer sent no X-TAXII-Date-Added-Last header"));
        if (page.more()) {
          requestedAfter = position;
          pending = fetch(position, Optional.empty());
        }
        Validated validated = validate(page);
        // this page was validated while the one before it was stored; pages are stored in order
        settle();
        inFlight = new Stored(position, validated.rejected(), storeAsync(validated.valid()));
        if (!page.more()) {
          settle();
          metrics.caughtUp(peer, Direction.PULL, collection, 0);
          return stored;
        }
      }
    }

    private CompletableFuture<long[]> storeAsync(List<PeerIntake.Pulled> valid) {
      if (writer == null) {
        writer =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "bulwark-federation-store");
                  t.setDaemon(true);
                  return t;
                });
      }
      return CompletableFuture.supplyAsync(() -> storeAll(valid), writer);
    }

    /** Waits for the page being stored (if any), then moves and saves the cursor past it. */
    void settle() {
      Stored page = inFlight;
      inFlight = null;
      if (page == null) {
        return;
      }
      long[] counts;
      try {
        counts = page.counts().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
      long rejected = page.rejectedBeforeStore() + counts[1];
      cursor = cursor.advanced(page.position(), counts[0], rejected, nowMicros.getAsLong());
      cursors.save(cursor);
      metrics.moved(peer, Direction.PULL, collection, counts[0], rejected);
      stored += counts[0];
    }

    /** After a failure: keeps what was stored, records the failure on the cursor. */
    void abandon(RuntimeException e) {
      if (pending != null) {
        pending.cancel(true);
      }
      try {
        // a page whose store completed is kept: its cursor is saved before the failure is recorded
        settle();
      } catch (RuntimeException alsoFailed) {
        if (alsoFailed != e) {
          e.addSuppressed(alsoFailed);
        }
      }
      cursors.save(cursor.failed(PeerProblems.explain(peer, e), nowMicros.getAsLong()));
      metrics.failed(peer, Direction.PULL, collection);
    }

    void close() {
      if (writer != null) {
        writer.shutdown();
      }
    }
  }

  /** The page's objects that are valid STIX 2.1; the others, and malformed items, are counted. */
  private Validated validate(Envelope page) {
    long rejected = page.malformed();
    if (page.malformed() > 0) {
      log.warn(
          "peer {} sent {} item(s) in {} that are not well-formed JSON objects",
          peer.name(),
          page.malformed(),
          collection);
    }
    List<PeerIntake.Pulled> valid = new ArrayList<>(page.objects().size());
    for (int i = 0; i < page.objects().size(); i++) {
      StixObject o = page.objects().get(i);
      ValidationResult result = validator.validate(o);
      if (result.valid()) {
        valid.add(new PeerIntake.Pulled(o, NewObject.from(o), page.provenance().get(i)));
      } else {
        rejected++;
        log.warn(
            "peer {} sent an invalid object {} in {}: {}",
            peer.name(),
            o.id(),
            collection,
            result.errors().get(0).message());
      }
    }
    return new Validated(valid, rejected);
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
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Checks the page's objects ({@link PeerIntake}: those refused count as rejected), then stores
   * the others in transactions of up to {@value #STORE_BATCH} objects (H2 writes a larger
   * transaction's pages twice: once while it is open, again when it commits); when the database
   * refuses a batch, object by object, so that one object it cannot take is counted as rejected and
   * does not hold back the rest. Returns {stored, rejected}.
   */
  private long[] storeAll(List<PeerIntake.Pulled> valid) {
    PeerIntake.Admitted admitted = intake.admit(valid);
    List<NewObject> objects = admitted.objects();
    long[] total = {0, admitted.refused()};
    for (int from = 0; from < objects.size(); from += STORE_BATCH) {
      int to = Math.min(objects.size(), from + STORE_BATCH);
      long[] counts =
          storeBatch(objects.subList(from, to), admitted.provenances().subList(from, to));
      total[0] += counts[0];
      total[1] += counts[1];
    }
    return total;
  }

  private long[] storeBatch(List<NewObject> valid, List<Provenance> provenances) {
    try {
      return new long[] {
        storedIn(store.addAll(collection, valid, provenances, BatchRecords.NONE)), 0
      };
    } catch (StoreException batchFailed) {
      long stored = 0;
      long rejected = 0;
      for (int i = 0; i < valid.size(); i++) {
        NewObject o = valid.get(i);
        try {
          stored += storedIn(List.of(store.add(collection, o, provenances.get(i))));
        } catch (StoreException e) {
          rejected++;
          log.warn(
              "cannot store object {} from peer {} in {}: {}",
              o.objectId(),
              peer.name(),
              collection,
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
    return e.getCause() != null
            && e.getCause() != e
            && e.getCause().getMessage() != null
            && !message.contains(e.getCause().getMessage())
        ? message + ": " + e.getCause().getMessage()
        : message;
  }
}
