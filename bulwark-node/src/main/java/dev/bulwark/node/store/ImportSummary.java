package dev.bulwark.node.store;

import java.util.List;

/**
 * What an import did: objects stored, objects skipped because the collection already held that
 * version, and each rejection with its reason. Immutable.
 */
public record ImportSummary(long stored, long duplicates, List<Rejection> rejections) {
  public ImportSummary {
    rejections = List.copyOf(rejections);
  }

  /** One object (or unparseable item) that was not stored, and why. */
  public record Rejection(String location, String objectId, String rule, String reason) {}

  public long rejected() {
    return rejections.size();
  }
}
