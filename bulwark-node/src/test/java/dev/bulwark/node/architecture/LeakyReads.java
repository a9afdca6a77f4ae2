package dev.bulwark.node.architecture;

import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import java.util.List;
import java.util.Set;

/**
 * Deliberately breaks every rule of {@link ReadGateRules}, for {@link ReadGateTest} to show that
 * the rules catch it. Never used.
 */
final class LeakyReads {
  private LeakyReads() {}

  static List<StoredObject> everything(ObjectStore store) {
    return store
        .page(new ObjectQuery("intel", 0, Set.of(), Set.of(), Set.of(), 10), ReadFilter.SYSTEM)
        .items();
  }

  static List<StoredObject> everyVersion(ObjectStore store, String id) {
    return store.headersOf(store.withSeveralVersions(Set.of(id)));
  }

  /** A filter of its own, outside the security package. */
  static final class OwnFilter implements ReadFilter {
    @Override
    public boolean permits(StoredObject object) {
      return true;
    }
  }
}
