package dev.bulwark.misp.write;

import dev.bulwark.misp.feed.ManifestEntry;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MISP event written from STIX. Immutable by convention: do not change {@code json}.
 *
 * @param uuid the event uuid
 * @param timestamp its timestamp (epoch seconds)
 * @param json {@code {"Event": {...}}}
 * @param manifest its manifest entry
 * @param attributeValues the values of its attributes (for {@code hashes.csv})
 */
public record ExportedEvent(
    String uuid,
    long timestamp,
    ObjectNode json,
    ManifestEntry manifest,
    List<String> attributeValues) {
  /** Copies the list. */
  public ExportedEvent {
    attributeValues = List.copyOf(attributeValues);
  }
}
