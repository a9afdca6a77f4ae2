package dev.bulwark.node.taxii.client;

import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.stix.StixObject;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The TAXII 2.1 resources the client reads, as immutable values. */
public final class TaxiiResources {
  private TaxiiResources() {}

  /** Section 4.1.1. */
  public record Discovery(
      String title, String description, Optional<String> defaultApiRoot, List<String> apiRoots) {}

  /** Section 4.2.1. */
  public record ApiRoot(String title, List<String> versions, long maxContentLength) {}

  /** Section 5.2.1. */
  public record Collection(
      String id,
      String title,
      String description,
      Optional<String> alias,
      boolean canRead,
      boolean canWrite,
      List<String> mediaTypes) {}

  /**
   * One page of an envelope (section 3.7), with the date_added headers.
   *
   * @param malformed items of the envelope's objects array that were not JSON objects (not in
   *     objects)
   * @param provenance what a Bulwark peer says of each object's provenance (its {@value
   *     ProvenanceClaim#PROPERTY}), aligned with {@code objects}; empty entries when the server
   *     sent none
   */
  public record Envelope(
      List<StixObject> objects,
      boolean more,
      Optional<String> next,
      Optional<String> dateAddedFirst,
      Optional<String> dateAddedLast,
      int malformed,
      List<Optional<ProvenanceClaim>> provenance) {

    public Envelope {
      objects = List.copyOf(objects);
      provenance = List.copyOf(provenance);
      if (provenance.size() != objects.size()) {
        throw new IllegalArgumentException(
            objects.size() + " objects but " + provenance.size() + " provenance entries");
      }
    }

    /** An envelope without provenance claims. */
    public Envelope(
        List<StixObject> objects,
        boolean more,
        Optional<String> next,
        Optional<String> dateAddedFirst,
        Optional<String> dateAddedLast,
        int malformed) {
      this(
          objects,
          more,
          next,
          dateAddedFirst,
          dateAddedLast,
          malformed,
          Collections.nCopies(objects.size(), Optional.empty()));
    }

    public Envelope(
        List<StixObject> objects,
        boolean more,
        Optional<String> next,
        Optional<String> dateAddedFirst,
        Optional<String> dateAddedLast) {
      this(objects, more, next, dateAddedFirst, dateAddedLast, 0);
    }
  }

  /** One manifest record (section 5.3.1). */
  public record ManifestRecord(String id, String dateAdded, String version, String mediaType) {}

  /** One page of a manifest. */
  public record Manifest(List<ManifestRecord> objects, boolean more, Optional<String> next) {}

  /** One page of an object's versions (section 5.8.1). */
  public record Versions(List<String> versions, boolean more, Optional<String> next) {}

  /** One object's outcome in a status resource. */
  public record StatusDetail(String id, String version, String message) {}

  /** Section 4.3.1. */
  public record Status(
      String id,
      String status,
      long totalCount,
      long successCount,
      long failureCount,
      long pendingCount,
      List<StatusDetail> successes,
      List<StatusDetail> failures) {}
}
