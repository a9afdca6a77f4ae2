package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.CollectionInfo;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The collections' read grants as TAXII configures them, for the other read endpoints that serve a
 * collection (the MISP feed): a collection the principal may not read is answered as one that does
 * not exist. Thread-safe.
 */
@Component
public class CollectionAccess {
  private final TaxiiCollections collections;

  CollectionAccess(TaxiiCollections collections) {
    this.collections = collections;
  }

  /** The store collection with this id when it exists and the principal's grants let it read it. */
  public Optional<CollectionInfo> readable(String storeId, NodePrincipal principal) {
    return collections
        .byAlias(storeId)
        .filter(c -> c.grants().canRead(principal))
        .map(TaxiiCollection::info);
  }
}
