package dev.bulwark.node.store;

import java.util.List;

/**
 * What an import did: objects stored, objects skipped because the collection already held that
 * version, each rejection with its reason, and each repair the import normaliser made (stored
 * objects only). Immutable.
 */
public record ImportSummary(
    long stored, long duplicates, List<Rejection> rejections, List<Repair> repairs) {
  public ImportSummary {
    rejections = List.copyOf(rejections);
    repairs = List.copyOf(repairs);
  }

  /** A summary without repairs. */
  public ImportSummary(long stored, long duplicates, List<Rejection> rejections) {
    this(stored, duplicates, rejections, List.of());
  }

  /** One repair of the import normaliser: where, which object, what was changed (a warning). */
  public record Repair(String location, String objectId, String warning) {}

  /** One object (or unparseable item) that was not stored, and why. */
  public record Rejection(String location, String objectId, String rule, String reason) {}

  public long rejected() {
    return rejections.size();
  }
}
