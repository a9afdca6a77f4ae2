package dev.bulwark.node.workbench;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.ObjectRows;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.SearchIndex;
import dev.bulwark.node.store.SearchQuery;
import dev.bulwark.node.store.SearchQuery.Hit;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.server.IntelAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs a workbench search for one reader: brings the index up to date, asks the engine for
 * candidates page by page, loads them through the store with the reader's filter, and keeps the
 * permitted ones until the page is full. An object the reader may not see is skipped as if it were
 * not there: it never counts toward a page, a facet or {@code more}, and the {@code next} token
 * (sealed) stops at the last object served. Thread-safe.
 */
@Component
final class IntelSearch {
  /** Candidates asked of the engine at once (more than a page: some may be denied). */
  private static final int BATCH = 256;

  private final SearchIndex index;
  private final ObjectRows rows;
  private final IntelAccess access;

  IntelSearch(SearchIndex index, ObjectRows rows, IntelAccess access) {
    this.index = index;
    this.rows = rows;
    this.access = access;
  }

  SearchIndex index() {
    return index;
  }

  /** One page: the permitted objects, whether more follow, and where the next page starts. */
  record Page(List<StoredObject> objects, boolean more, Optional<Hit> next) {}

  Page page(NodePrincipal p, SearchQuery query, int limit) {
    index.catchUp();
    IntelAccess.SearchScope scope = access.searchScope(p);
    ReadFilter filter = scope.filter();
    List<StoredObject> out = new ArrayList<>(limit);
    Hit lastServed = null;
    // The engine is asked only for rows the reader might read (its collections and audience), so
    // a page needs few candidates; the filter above still decides each one.
    SearchQuery q = scope.narrow(query);
    // First ask for one more than a page (enough when all are readable, and the extra one tells
    // "more"): loading 256 full rows for a page of 50 was most of a search's time.
    int ask = Math.min(BATCH, limit + 1);
    while (true) {
      List<Hit> hits = index.search(q, ask);
      if (hits.isEmpty()) {
        return new Page(out, false, Optional.empty());
      }
      Map<Long, StoredObject> permitted = permitted(hits, filter);
      for (Hit h : hits) {
        StoredObject o = permitted.get(h.dateAddedMicros());
        if (o == null) {
          continue;
        }
        if (out.size() == limit) {
          return new Page(out, true, Optional.of(lastServed));
        }
        out.add(o);
        lastServed = h;
      }
      if (hits.size() < ask) {
        return new Page(out, false, Optional.empty());
      }
      q = q.continuingAfter(hits.get(hits.size() - 1));
      ask = BATCH;
    }
  }

  private Map<Long, StoredObject> permitted(List<Hit> hits, ReadFilter filter) {
    List<Long> keys = hits.stream().map(Hit::dateAddedMicros).toList();
    Map<Long, StoredObject> byKey = new HashMap<>();
    for (StoredObject o : rows.byDateAdded(keys, filter)) {
      byKey.put(o.dateAddedMicros(), o);
    }
    return byKey;
  }

  /** Up to {@code limit} permitted objects naming this identifier in a _ref(s). */
  List<StoredObject> referencing(NodePrincipal p, String objectId, int limit) {
    index.catchUp();
    return cap(
        rows.byDateAdded(index.referencing(objectId, limit * 4), access.readFilter(p)), limit);
  }

  /** Up to {@code limit} permitted objects whose name starts with the prefix. */
  List<StoredObject> suggest(NodePrincipal p, String prefix, int limit) {
    index.catchUp();
    return cap(
        rows.byDateAdded(index.namesStartingWith(prefix, limit * 4), access.readFilter(p)), limit);
  }

  private static List<StoredObject> cap(List<StoredObject> list, int limit) {
    return list.size() > limit ? list.subList(0, limit) : list;
  }
}
