package dev.bulwark.node.store;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.ImportNormaliser;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams STIX content (bundle, array, single object or JSON lines) into a collection: each object
 * is normalised ({@link ImportNormaliser}: meaning-preserving repairs, each reported), validated
 * and stored on its own merits, invalid or malformed ones are rejected with the reason, and the
 * rest goes on. Objects are written in batches, each one transaction, in the order they were read.
 * Reading and validating run on the caller's thread while the previous batch is written on a second
 * one (one batch in flight), so a two-core machine parses and writes at once. Thread-safe:
 * concurrent imports each get their own writer thread.
 */
public final class StixImporter {
  private static final int BATCH = 2_000;

  private final StixCodec codec;
  private final StixValidator validator;
  private final ObjectStore store;

  public StixImporter(StixCodec codec, StixValidator validator, ObjectStore store) {
    this.codec = codec;
    this.validator = validator;
    this.store = store;
  }

  /** Reads the stream to the end (or to a fatal syntax error) and stores every valid object. */
  public ImportSummary importFrom(
      InputStream in, String source, String collectionId, Provenance provenance)
      throws IOException {
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "bulwark-import-writer");
              t.setDaemon(true);
              return t;
            });
    Collector collector = new Collector(source, collectionId, provenance, writer);
    try {
      codec.read(in, collector);
      collector.flush();
    } catch (IOException | RuntimeException | Error e) {
      // Let the batch in flight finish (not interrupted mid-write) before the error is reported.
      try {
        collector.awaitWritten();
      } catch (RuntimeException | Error alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    } finally {
      writer.shutdown();
    }
    collector.awaitWritten();
    return collector.summary();
  }

  /** What writing one batch came to; made on the writer thread, counted on the reading thread. */
  private record Written(long stored, long duplicates, List<ImportSummary.Rejection> rejections) {}

  private final class Collector implements StixReadListener {
    private final String source;
    private final String collectionId;
    private final Provenance provenance;
    private final ExecutorService writer;
    private List<NewObject> batch = new ArrayList<>(BATCH);
    private List<String> batchLocations = new ArrayList<>(BATCH);
    private final List<ImportSummary.Rejection> rejections = new ArrayList<>();
    private final List<ImportSummary.Repair> repairs = new ArrayList<>();
    private CompletableFuture<Written> inFlight;
    private long stored;
    private long duplicates;

    Collector(String source, String collectionId, Provenance provenance, ExecutorService writer) {
      this.source = source;
      this.collectionId = collectionId;
      this.provenance = provenance;
      this.writer = writer;
    }

    @Override
    public void object(StixObject read, String location) {
      ImportNormaliser.Normalised normalised = ImportNormaliser.normalise(read);
      StixObject object = normalised.object();
      ValidationResult result = validator.validate(object);
      if (!result.valid()) {
        Finding first = result.errors().get(0);
        rejections.add(
            new ImportSummary.Rejection(
                source + " " + location,
                object.id(),
                first.rule(),
                first.path()
                    + ": "
                    + first.message()
                    + " ("
                    + first.citation()
                    + ")"
                    + (result.errors().size() > 1
                        ? " and " + (result.errors().size() - 1) + " more error(s)"
                        : "")));
        return;
      }
      for (String w : normalised.warnings()) {
        repairs.add(new ImportSummary.Repair(source + " " + location, object.id(), w));
      }
      batch.add(NewObject.from(object));
      batchLocations.add(location);
      if (batch.size() == BATCH) {
        flush();
      }
    }

    @Override
    public void malformed(String location, String message) {
      rejections.add(
          new ImportSummary.Rejection(source + " " + location, "", "malformed", message));
    }

    /** Hands the batch to the writer once the one before it is written. */
    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      awaitWritten();
      List<NewObject> objects = batch;
      List<String> locations = batchLocations;
      batch = new ArrayList<>(BATCH);
      batchLocations = new ArrayList<>(BATCH);
      inFlight = CompletableFuture.supplyAsync(() -> write(objects, locations), writer);
    }

    /**
     * Waits for the batch in flight and counts it; a failure other than the store's is rethrown.
     */
    void awaitWritten() {
      if (inFlight == null) {
        return;
      }
      Written w;
      try {
        w = inFlight.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      } finally {
        inFlight = null;
      }
      stored += w.stored();
      duplicates += w.duplicates();
      rejections.addAll(w.rejections());
    }

    /** Runs on the writer thread. */
    private Written write(List<NewObject> objects, List<String> locations) {
      List<ImportSummary.Rejection> refused = new ArrayList<>();
      List<AddOutcome> outcomes = new ArrayList<>(objects.size());
      writeOrSplit(objects, locations, outcomes, refused);
      long storedHere =
          outcomes.stream().filter(o -> o.status() == AddOutcome.Status.STORED).count();
      return new Written(storedHere, outcomes.size() - storedHere, refused);
    }

    /**
     * One object the database refuses must not cost the others: a refused batch is halved until the
     * refused objects stand alone, which costs a few dozen transactions per bad object instead of
     * one per object of the batch.
     */
    private void writeOrSplit(
        List<NewObject> objects,
        List<String> locations,
        List<AddOutcome> outcomes,
        List<ImportSummary.Rejection> refused) {
      try {
        outcomes.addAll(store.addAll(collectionId, objects, provenance));
      } catch (StoreException e) {
        if (objects.size() == 1) {
          refused.add(
              new ImportSummary.Rejection(
                  source + " " + locations.get(0),
                  objects.get(0).objectId(),
                  "storage",
                  e.getMessage()));
          return;
        }
        int half = objects.size() / 2;
        writeOrSplit(objects.subList(0, half), locations.subList(0, half), outcomes, refused);
        writeOrSplit(
            objects.subList(half, objects.size()),
            locations.subList(half, objects.size()),
            outcomes,
            refused);
      }
    }

    ImportSummary summary() {
      return new ImportSummary(stored, duplicates, rejections, repairs);
    }
  }
}
