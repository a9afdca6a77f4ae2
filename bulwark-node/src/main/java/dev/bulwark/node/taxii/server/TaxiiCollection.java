package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.CollectionGrants;
import dev.bulwark.node.store.CollectionInfo;

/**
 * A store collection as TAXII shows it: its TAXII id (a UUID), its alias (the store id), the API
 * root it lives in and its grants. Immutable.
 */
record TaxiiCollection(
    String taxiiId, CollectionInfo info, String apiRoot, CollectionGrants grants) {
  String alias() {
    return info.id();
  }
}
