package dev.bulwark.node.store;

import java.util.Set;

/**
 * A selection of objects in one collection, in date_added order.
 *
 * @param addedAfterMicros only objects added strictly after this (0 for all)
 * @param types only these types (empty for any)
 * @param ids only these identifiers (empty for any)
 * @param specVersions only these spec versions (empty for any)
 * @param limit at most this many permitted objects
 */
public record ObjectQuery(
    String collectionId,
    long addedAfterMicros,
    Set<String> types,
    Set<String> ids,
    Set<String> specVersions,
    int limit) {
  public ObjectQuery {
    types = Set.copyOf(types);
    ids = Set.copyOf(ids);
    specVersions = Set.copyOf(specVersions);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  public static ObjectQuery all(String collectionId, int limit) {
    return new ObjectQuery(collectionId, 0L, Set.of(), Set.of(), Set.of(), limit);
  }
}
