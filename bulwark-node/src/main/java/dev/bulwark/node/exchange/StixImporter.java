package dev.bulwark.node.exchange;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams STIX content (bundle, array, single object or JSON lines) into a collection: each object is
 * validated and stored on its own merits, invalid or malformed ones are rejected with the reason, and
 * the rest goes on. Objects are written in batches, each one transaction. Not thread-safe: one import
 * at a time per instance.
 */
public final class StixImporter {
  private static final int BATCH = 1_000;

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
    Collector collector = new Collector(source, collectionId, provenance);
    codec.read(in, collector);
    collector.flush();
    return collector.summary();
  }

  private final class Collector implements StixReadListener {
    private final String source;
    private final String collectionId;
    private final Provenance provenance;
    private final List<NewObject> batch = new ArrayList<>(BATCH);
    private final List<String> batchLocations = new ArrayList<>(BATCH);
    private final List<ImportSummary.Rejection> rejections = new ArrayList<>();
    private long stored;
    private long duplicates;

    Collector(String source, String collectionId, Provenance provenance) {
      this.source = source;
      this.collectionId = collectionId;
      this.provenance = provenance;
    }

    @Override
    public void object(StixObject object, String location) {
      ValidationResult result = validator.validate(object);
      if (!result.valid()) {
        Finding first = result.errors().get(0);
        rejections.add(
            new ImportSummary.Rejection(
                source + " " + location,
                object.id(),
                first.rule(),
                first.path() + ": " + first.message() + " (STIX 2.1 section " + first.section() + ")"
                    + (result.errors().size() > 1
                        ? " and " + (result.errors().size() - 1) + " more error(s)"
                        : "")));
        return;
      }
      batch.add(NewObject.from(object));
      batchLocations.add(location);
      if (batch.size() == BATCH) {
        flush();
      }
    }

    @Override
    public void malformed(String location, String message) {
      rejections.add(new ImportSummary.Rejection(source + " " + location, "", "malformed", message));
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      try {
        count(store.addAll(collectionId, batch, provenance));
      } catch (StoreException batchFailed) {
        // One object the database refuses must not cost the others: store them one by one.
        for (int i = 0; i < batch.size(); i++) {
          try {
            count(List.of(store.add(collectionId, batch.get(i), provenance)));
          } catch (StoreException e) {
            rejections.add(
                new ImportSummary.Rejection(
                    source + " " + batchLocations.get(i),
                    batch.get(i).objectId(),
                    "storage",
                    e.getMessage()));
          }
        }
      }
      batch.clear();
      batchLocations.clear();
    }

    private void count(List<AddOutcome> outcomes) {
      for (AddOutcome o : outcomes) {
        if (o.status() == AddOutcome.Status.STORED) {
          stored++;
        } else {
          duplicates++;
        }
      }
    }

    ImportSummary summary() {
      return new ImportSummary(stored, duplicates, rejections);
    }
  }
}
