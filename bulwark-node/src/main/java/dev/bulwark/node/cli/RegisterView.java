package dev.bulwark.node.cli;

import dev.bulwark.node.incidents.IncidentCollections;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The register as this node's own nation may read it (through {@link AccessPolicy}, like any
 * reader): the latest version of each object of the given types in the {@code incidents} collection
 * (or another one). For the CLI's register commands. Not thread-safe.
 */
final class RegisterView {

  /** One object's latest version, with where it came from. */
  record Held(StixObject object, String originNation) {}

  private RegisterView() {}

  static List<Held> latest(ObjectStore store, String nation, Set<String> types) {
    return latest(store, IncidentCollections.INCIDENTS, nation, types);
  }

  /** The same over another collection (e.g. the maritime watch's, for its vessel identities). */
  static List<Held> latest(
      ObjectStore store, String collectionName, String nation, Set<String> types) {
    Optional<CollectionInfo> collection = store.collection(collectionName);
    if (collection.isEmpty()) {
      return List.of();
    }
    ReadFilter filter =
        new AccessPolicy(store).readFilter(Reader.of(nation), collection.get().defaultNations());
    Map<String, StoredObject> latest = new HashMap<>();
    long after = 0;
    while (true) {
      Page page =
          store.page(
              new ObjectQuery(collectionName, after, types, Set.of(), Set.of(), 1000), filter);
      for (StoredObject o : page.items()) {
        String key = o.objectId() + "|" + o.originNation();
        StoredObject held = latest.get(key);
        if (held == null || newer(o, held)) {
          latest.put(key, o);
        }
      }
      if (!page.more() || page.scannedUpToMicros() <= after) {
        break;
      }
      after = page.scannedUpToMicros();
    }
    StixCodec codec = new StixCodec();
    List<Held> out = new ArrayList<>(latest.size());
    for (StoredObject o : latest.values()) {
      try {
        out.add(new Held(codec.parseObject(o.json()), o.originNation()));
      } catch (StixParseException e) {
        throw new IllegalStateException("stored object " + o.objectId() + " does not parse", e);
      }
    }
    return out;
  }

  private static boolean newer(StoredObject a, StoredObject b) {
    if (a.version().isEmpty() || b.version().isEmpty()) {
      return a.dateAddedMicros() > b.dateAddedMicros();
    }
    int c = StixTimestamps.compare(a.version(), b.version());
    return c > 0 || c == 0 && a.dateAddedMicros() > b.dateAddedMicros();
  }
}
