package dev.bulwark.node.store;

import java.util.Set;

/**
 * A named collection of the store.
 *
 * @param defaultNations who may read an object that carries no marking at all, besides its origin
 *     nation; empty (the default) means the origin nation only
 */
public record CollectionInfo(
    String id, String title, String description, Set<String> defaultNations) {
  public CollectionInfo {
    defaultNations = Set.copyOf(defaultNations);
  }
}
