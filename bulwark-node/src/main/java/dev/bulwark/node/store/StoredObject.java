package dev.bulwark.node.store;

import java.util.List;

/**
 * One version of one STIX object as the store holds it, with the server's bookkeeping. Immutable.
 *
 * @param dateAddedMicros the server's date_added, microseconds since the epoch; unique and strictly
 *     increasing across the node, so it is also the paging cursor
 * @param version the version as written in the object (modified, else created, else empty)
 * @param versionMicros the version as microseconds since the epoch (0 for unversioned objects)
 * @param originNation the nation where the object was first added by its author (its provenance,
 *     kept through relays); the access policy decides on it
 * @param relayedVia the nations whose nodes relayed it to this one, oldest first (empty when it was
 *     added here or came straight from its origin's node)
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
    List<String> relayedVia,
    List<String> markingRefs,
    String json) {
  public StoredObject {
    relayedVia = List.copyOf(relayedVia);
    markingRefs = List.copyOf(markingRefs);
  }

  /** An object that no node relayed (added here or received from its origin's own node). */
  public StoredObject(
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
    this(
        collectionId,
        objectId,
        type,
        version,
        versionMicros,
        specVersion,
        dateAddedMicros,
        originNation,
        addedBy,
        List.of(),
        markingRefs,
        json);
  }

  /** This version with other JSON: a redacted copy to serve, or a header without content. */
  public StoredObject withJson(String otherJson) {
    return new StoredObject(
        collectionId,
        objectId,
        type,
        version,
        versionMicros,
        specVersion,
        dateAddedMicros,
        originNation,
        addedBy,
        relayedVia,
        markingRefs,
        otherJson);
  }
}
