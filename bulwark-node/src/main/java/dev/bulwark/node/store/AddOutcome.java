package dev.bulwark.node.store;

/** What the store did with one object of an add: stored as a new version, or already held. */
public record AddOutcome(String objectId, String version, Status status, long dateAddedMicros) {
  /** Stored is a new row; duplicate means that version was already in the collection (a no-op). */
  public enum Status {
    STORED,
    DUPLICATE
  }
}
