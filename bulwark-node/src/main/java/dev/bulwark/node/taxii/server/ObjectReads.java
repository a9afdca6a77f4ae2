package dev.bulwark.node.taxii.server;

import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read side of the TAXII objects, manifest, object and versions endpoints: pages of permitted
 * objects in date_added order with the version selection of {@code match[version]} applied. "First"
 * and "last" are taken among the versions the caller may see, so a newer version it may not see
 * neither hides the one it may see nor reveals that it exists; and per object of one origin, since
 * rows of different origins under one identifier are different objects (a version another nation
 * stored under the same identifier never hides or replaces the origin's own). Thread-safe.
 */
final class ObjectReads {
  /** How many store pages one request may scan before it returns what it has (with more = true). */
  private static final int MAX_ROUNDS = 20;

  private final ObjectStore store;

  ObjectReads(ObjectStore store) {
    this.store = store;
  }

  /** What a read returns: the objects and where the next page starts. */
  record Selection(List<StoredObject> items, long scannedUpTo, boolean more) {}

  /** A page of the collection (objects and manifest endpoints). */
  Selection page(
      String collectionId, TaxiiFilters f, long after, ReadFilter filter, ReadFilter policy) {
    List<StoredObject> out = new ArrayList<>();
    long cursor = after;
    boolean more;
    int rounds = 0;
    while (true) {
      Page page =
          store.page(
              new ObjectQuery(
                  collectionId,
                  cursor,
                  f.types(),
                  f.ids(),
                  f.specVersions(),
                  f.limit() - out.size()),
              filter);
      out.addAll(selectVersions(collectionId, page.items(), f, policy));
      cursor = page.scannedUpToMicros();
      more = page.more();
      if (!more || out.size() >= f.limit() || ++rounds >= MAX_ROUNDS) {
        return new Selection(out, cursor, more);
      }
    }
  }

  /**
   * The permitted versions of one object that the filters select, in date_added order, from {@code
   * after} on (object and versions endpoints). Empty {@code all} means the caller may see no
   * version at all: the object is "not found".
   */
  record ObjectVersions(List<StoredObject> all, Selection selection) {}

  ObjectVersions versionsOf(
      String collectionId, String objectId, TaxiiFilters f, long after, ReadFilter filter) {
    List<StoredObject> permitted = store.versions(collectionId, objectId, filter);
    List<StoredObject> chosen = new ArrayList<>();
    if (!permitted.isEmpty()) {
      List<StoredObject> specOk =
          permitted.stream()
              .filter(o -> f.specVersions().isEmpty() || f.specVersions().contains(o.specVersion()))
              .toList();
      Map<String, long[]> range = new HashMap<>();
      for (StoredObject o : specOk) {
        widen(range, o);
      }
      for (StoredObject o : specOk) {
        long[] r = range.get(o.originNation());
        if (o.dateAddedMicros() > after && f.versions().selects(o.versionMicros(), r[0], r[1])) {
          chosen.add(o);
        }
      }
      chosen.sort(Comparator.comparingLong(StoredObject::dateAddedMicros));
    }
    boolean more = chosen.size() > f.limit();
    List<StoredObject> page = more ? List.copyOf(chosen.subList(0, f.limit())) : chosen;
    long scanned = page.isEmpty() ? after : page.get(page.size() - 1).dateAddedMicros();
    return new ObjectVersions(permitted, new Selection(page, scanned, more));
  }

  private List<StoredObject> selectVersions(
      String collectionId, List<StoredObject> items, TaxiiFilters f, ReadFilter policy) {
    VersionMatch v = f.versions();
    if (v.all() || items.isEmpty()) {
      return items;
    }
    if (!v.needsNeighbours()) {
      return items.stream().filter(o -> v.exact().contains(o.versionMicros())).toList();
    }
    Set<String> ids = new LinkedHashSet<>();
    items.forEach(o -> ids.add(o.objectId()));
    // per identifier and origin: another origin's rows under the same identifier are another object
    Map<String, long[]> range = new HashMap<>();
    // an object with a single version is its own first and last: only the others need their
    // versions
    for (StoredObject h : store.headersOf(store.withSeveralVersions(ids))) {
      if (!h.collectionId().equals(collectionId)
          || (!f.specVersions().isEmpty() && !f.specVersions().contains(h.specVersion()))
          || !policy.permits(h)) {
        continue;
      }
      range.merge(
          objectOf(h),
          new long[] {h.versionMicros(), h.versionMicros()},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    List<StoredObject> out = new ArrayList<>(items.size());
    for (StoredObject o : items) {
      long[] r = range.getOrDefault(objectOf(o), new long[] {o.versionMicros(), o.versionMicros()});
      if (v.selects(o.versionMicros(), r[0], r[1])) {
        out.add(o);
      }
    }
    return out;
  }

  /** One origin's object: its identifier and originating nation. */
  private static String objectOf(StoredObject o) {
    return o.objectId() + '\n' + o.originNation();
  }

  /** Widens the first/last range of the row's origin to include its version. */
  private static void widen(Map<String, long[]> range, StoredObject o) {
    range.merge(
        o.originNation(),
        new long[] {o.versionMicros(), o.versionMicros()},
        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
  }
}
