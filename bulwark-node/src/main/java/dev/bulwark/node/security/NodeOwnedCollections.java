package dev.bulwark.node.security;

import java.util.Set;

/**
 * The collections only the node itself (and its peers) write to ({@code bulwark.taxii.node-owned}):
 * a feature that publishes as the node checks at start that its collection is one of them. Given by
 * the TAXII server's configuration, which reads the setting; kept here so that a feature needs
 * security, not the TAXII server, to ask. Immutable.
 *
 * @param ids the store ids of the node-owned collections
 * @param setting the setting as written, for messages
 */
public record NodeOwnedCollections(Set<String> ids, String setting) {
  public NodeOwnedCollections {
    ids = Set.copyOf(ids);
  }

  /** Whether {@code collection} (a store id) is node-owned. */
  public boolean contains(String collection) {
    return ids.contains(collection);
  }
}
