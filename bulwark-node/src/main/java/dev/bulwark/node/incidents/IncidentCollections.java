package dev.bulwark.node.incidents;

import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import java.util.Set;

/**
 * The register's collection: {@code incidents} holds the incidents (every version), attributions,
 * opinions, responses (tasks), campaigns and their relationships, and the Bulwark
 * extension-definitions they use. Not node-owned: allies post to it over TAXII as to {@code intel}.
 * Stateless and thread-safe.
 */
public final class IncidentCollections {

  /** The collection id. */
  public static final String INCIDENTS = "incidents";

  private IncidentCollections() {}

  /**
   * Creates the collection when missing and stores the extension-definitions (already held ones are
   * skipped).
   *
   * @param store the node's store
   * @param provenance as whom the definitions are added (this node)
   * @return whether the collection was created
   */
  public static boolean ensure(ObjectStore store, Provenance provenance) {
    boolean created =
        store.ensureCollection(
            new CollectionInfo(
                INCIDENTS,
                "Hostile-act register",
                "Hostile hybrid acts as STIX incidents, with attributions, responses and campaigns",
                Set.of()));
    store.addAll(
        INCIDENTS,
        BulwarkExtensions.definitions().stream().map(NewObject::from).toList(),
        provenance);
    return created;
  }
}
