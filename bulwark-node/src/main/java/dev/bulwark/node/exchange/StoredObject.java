package dev.bulwark.node.exchange;

import java.util.List;

/**
 * One version of one STIX object as the store holds it, with the server's bookkeeping. Immutable.
 *
 * @param dateAddedMicros the server's date_added, microseconds since the epoch; unique and strictly
 *     increasing across the node, so it is also the paging cursor
 * @param version the version as written in the object (modified, else created, else empty)
 * @param versionMicros the version as microseconds since the epoch (0 for unversioned objects)
 * @param markingRefs the object's {@code object_marking_refs}
 * @param json the object exactly as received
 */
public record StoredObject(
    String collectionId,
    String objectId,
    String type,
    String version,
    long versionMicros,
    String specVersion,
    long dateAddedMicros,
    String originNation,
    String addedBy,
    List<String> markingRefs,
    String json) {
  public StoredObject {
    markingRefs = List.copyOf(markingRefs);
  }
}
