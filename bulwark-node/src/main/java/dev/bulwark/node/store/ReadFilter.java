package dev.bulwark.node.store;

/**
 * Decides, row by row, whether the caller may see a stored object. Every read method of the {@link
 * ObjectStore} takes one, so that no read path can forget the releasability policy; the node's
 * AccessPolicy supplies it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReadFilter {
  boolean permits(StoredObject object);

  /** For the node's own maintenance tasks only (migration, audit verification, benchmarks). */
  ReadFilter SYSTEM = object -> true;
}
