package dev.bulwark.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The STIX object store over JDBC (H2 or PostgreSQL). Every version of every object is kept
 * immutably with the server's date_added; adding a version that a collection already holds is a
 * no-op; a batch is one transaction, so a failure never leaves a partial row.
 *
 * <p>Writes are serialised by one lock: date_added is allocated and committed in the same order, so
 * a reader paging by date_added can never see a later object before an earlier one commits (TAXII
 * paging stays exact while objects are being added). Reads run concurrently.
 *
 * <p>Hand-written JDBC, not Spring's JdbcClient like the node's simple stores: a page statement
 * reads rows in index order in bounded chunks (its plan is checked on each database by {@code
 * ObjectStorePagePlanTest}) and filters them through the caller's {@link ReadFilter} as they are
 * read, and writes go through the {@link GroupCommitter}; the TAXII, federation and store-import
 * benchmarks measure these paths (BENCHMARKS.md). Thread-safe.
 */
public final class ObjectStore {
  private static final int READ_CHUNK = 500;

  /**
   * The most rows one page statement reads (a page of the largest limit, plus one to see if more
   * follow).
   */
  private static final int MAX_READ_CHUNK = 10_001;

  static final String COLUMNS =
      "collection_id, object_id, object_type, version, version_us, spec_version, date_added_us,"
          + " origin_nation, added_by, marking_refs, json, relayed_via";

  private final DataSource dataSource;
  private final DateAddedClock dateAdded;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final GroupCommitter committer;

  public ObjectStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.dateAdded =
        new DateAddedClock(clock, queryLong("SELECT MAX(date_added_us) FROM stix_objects"));
    this.committer = new GroupCommitter(dataSource, writeLock, dateAdded);
  }

  /** Creates the collection unless it exists; returns true when it was created. */
  public boolean ensureCollection(CollectionInfo collection) {
    writeLock.lock();
    try (Connection c = dataSource.getConnection()) {
      if (collection(c, collection.id()).isPresent()) {
        return false;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO collections (id, title, description, default_nations, created_us)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, collection.id());
        s.setString(2, collection.title());
        s.setString(3, collection.description());
        s.setString(4, String.join(",", collection.defaultNations()));
        s.setLong(5, dateAdded.nowMicros());
        s.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new StoreException("cannot create collection " + collection.id(), e);
    } finally {
      writeLock.unlock();
    }
  }

  public Optional<CollectionInfo> collection(String id) {
    try (Connection c = dataSource.getConnection()) {
      return collection(c, id);
    } catch (SQLException e) {
      throw new StoreException("cannot read collection " + id, e);
    }
  }

  public List<CollectionInfo> collections() {
    List<CollectionInfo> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, title, description, default_nations FROM collections ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        result.add(collectionOf(rs));
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot list collections", e);
    }
  }

  /** Adds one object; see {@link #addAll}. */
  public AddOutcome add(String collectionId, NewObject object, Provenance provenance) {
    return addAll(collectionId, List.of(object), provenance).get(0);
  }

  /**
   * Adds the objects in one transaction, in order. A version already held (or repeated within the
   * batch) is reported as a duplicate and not written again. Concurrent callers' batches may share
   * a transaction (see {@link GroupCommitter}), but each gets its own outcome or failure.
   *
   * @throws StoreException when the collection does not exist or the database fails; nothing of the
   *     batch is then stored
   */
  public List<AddOutcome> addAll(
      String collectionId, List<NewObject> objects, Provenance provenance) {
    return addAll(collectionId, objects, provenance, BatchRecords.NONE);
  }

  /**
   * Adds the objects as {@link #addAll(String, List, Provenance)} does and writes {@code records}
   * in the same transaction, after the objects' rows (also when there are no objects).
   *
   * @throws StoreException when the collection does not exist, the database fails or the records
   *     cannot be written; nothing of the batch, records included, is then stored
   */
  public List<AddOutcome> addAll(
      String collectionId, List<NewObject> objects, Provenance provenance, BatchRecords records) {
    return addAll(collectionId, objects, Collections.nCopies(objects.size(), provenance), records);
  }

  /**
   * Adds objects of several provenances in one transaction (what a peer relays: each object keeps
   * its own origin and relay chain), as {@link #addAll(String, List, Provenance, BatchRecords)}
   * does. Objects of different origins are different objects even under one identifier: a version
   * is "already held" only when a row of the same origin holds it.
   *
   * @param provenances one per object, in the same order
   */
  public List<AddOutcome> addAll(
      String collectionId,
      List<NewObject> objects,
      List<Provenance> provenances,
      BatchRecords records) {
    if (provenances.size() != objects.size()) {
      throw new IllegalArgumentException(
          objects.size() + " objects but " + provenances.size() + " provenances");
    }
    if (objects.isEmpty() && records == BatchRecords.NONE) {
      return List.of();
    }
    return committer.addAll(collectionId, objects, provenances, records);
  }

  /**
   * The marking-definition with this id that the originating nation holds, as JSON: the one an
   * object of that origin may name (definitions are bound to their origin, issue 14 finding 3; see
   * docs/markings.md). Definitions of other origins with the same id never answer.
   */
  public Optional<String> markingDefinition(String id, String originNation) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT json FROM marking_definitions WHERE id = ? AND origin_nation = ?")) {
      s.setString(1, id);
      s.setString(2, originNation);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read marking definition " + id, e);
    }
  }

  /**
   * A marking-definition as the store keeps it for resolution: bound to the nation it originates
   * from and the principal that added it. Immutable.
   */
  public record MarkingDefinition(String id, String originNation, String addedBy, String json) {}

  /**
   * Every origin's definition of these ids. Unfiltered, for write checks (an id held from another
   * origin, a definition that would be replaced): the caller must not show these to anyone.
   */
  public List<MarkingDefinition> markingDefinitionsHeld(Collection<String> ids) {
    List<MarkingDefinition> result = new ArrayList<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += READ_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
        StringBuilder sql =
            new StringBuilder(
                "SELECT id, origin_nation, added_by, json FROM marking_definitions WHERE 1 = 1");
        appendIn(sql, "id", new LinkedHashSet<>(chunk));
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
          bindAll(s, 1, new LinkedHashSet<>(chunk));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              result.add(
                  new MarkingDefinition(
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read marking definitions: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a page of permitted objects. Denied rows are skipped as if absent; the page says how far
   * it scanned so that the next page resumes after them. {@code more} is false when no row after
   * the page matches, so a client is not sent an extra empty page.
   *
   * <p>Each statement reads rows in the order of an index, so a page costs the same at the start
   * and at the end of a collection of millions: the ORDER BY names every column of the index in
   * front of {@code date_added_us} (H2 uses an index for ordering only then), and several {@code
   * match[type]} values are read as one index range per type and merged here, instead of one query
   * whose rows the database would have to sort.
   */
  public Page page(ObjectQuery query, ReadFilter filter) {
    List<StoredObject> items = new ArrayList<>();
    long cursor = query.addedAfterMicros();
    int chunk = Math.min(Math.max(query.limit() + 1, 100), MAX_READ_CHUNK);
    List<Set<String>> perType =
        query.types().isEmpty()
            ? List.of(Set.of())
            : query.types().stream().sorted().map(Set::of).toList();
    Set<Long> idKeys = keysOf(query.ids());
    try (Connection c = dataSource.getConnection()) {
      List<PreparedStatement> statements = new ArrayList<>(perType.size());
      try {
        for (Set<String> type : perType) {
          statements.add(c.prepareStatement(pageSql(type, query)));
        }
        while (true) {
          List<StoredObject> rows = new ArrayList<>();
          for (int t = 0; t < perType.size(); t++) {
            PreparedStatement s = statements.get(t);
            int p = 1;
            s.setString(p++, query.collectionId());
            p = bindAll(s, p, perType.get(t));
            s.setLong(p++, cursor);
            p = bindKeys(s, p, idKeys);
            p = bindAll(s, p, query.ids());
            p = bindAll(s, p, query.specVersions());
            s.setInt(p, chunk);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows.add(objectOf(rs));
              }
            }
          }
          if (perType.size() > 1) {
            // every row of the first `chunk` overall is among the first `chunk` of its own type
            rows.sort(Comparator.comparingLong(StoredObject::dateAddedMicros));
            if (rows.size() > chunk) {
              rows = rows.subList(0, chunk);
            }
          }
          for (StoredObject o : rows) {
            if (filter.permits(o)) {
              if (items.size() == query.limit()) {
                return new Page(items, cursor, true);
              }
              items.add(o);
            }
            cursor = o.dateAddedMicros();
          }
          if (rows.size() < chunk) {
            return new Page(items, cursor, false);
          }
        }
      } finally {
        for (PreparedStatement s : statements) {
          s.close();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read collection " + query.collectionId(), e);
    }
  }

  // package-private for ObjectStorePagePlanTest, which asks the databases for its plan
  static String pageSql(Set<String> type, ObjectQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM stix_objects WHERE collection_id = ?");
    appendIn(sql, "object_type", type);
    sql.append(" AND date_added_us > ?");
    appendKeys(sql, keysOf(query.ids()));
    appendIn(sql, "object_id", query.ids());
    appendIn(sql, "spec_version", query.specVersions());
    // index stix_objects_by_type (collection_id, object_type, date_added_us), else
    // stix_objects_by_collection (collection_id, date_added_us)
    sql.append(
        type.isEmpty()
            ? " ORDER BY collection_id, date_added_us LIMIT ?"
            : " ORDER BY collection_id, object_type, date_added_us LIMIT ?");
    return sql.toString();
  }

  /** Every permitted version of one object in a collection, oldest version first. */
  public List<StoredObject> versions(String collectionId, String objectId, ReadFilter filter) {
    List<StoredObject> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM stix_objects WHERE id_key = ? AND object_id = ? AND collection_id = ?"
                    + " ORDER BY version_us, date_added_us")) {
      s.setLong(1, ObjectKey.of(objectId));
      s.setString(2, objectId);
      s.setString(3, collectionId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          StoredObject o = objectOf(rs);
          if (filter.permits(o)) {
            result.add(o);
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read " + objectId, e);
    }
  }

  /**
   * Every version of these objects, in any collection, without their JSON (the {@code json} of each
   * result is empty): what write checks and version selection need, in one query. Unfiltered, so
   * the caller must not show these rows to anyone.
   */
  public List<StoredObject> headersOf(Collection<String> objectIds) {
    List<StoredObject> result = new ArrayList<>();
    if (objectIds.isEmpty()) {
      return result;
    }
    List<String> ids = List.copyOf(new LinkedHashSet<>(objectIds));
    try (Connection c = dataSource.getConnection()) {
      boolean begun = KeyLookups.begin(c, false);
      for (int from = 0; from < ids.size(); from += READ_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
        Set<Long> keys = keysOf(chunk);
        StringBuilder sql =
            new StringBuilder("SELECT ")
                .append(COLUMNS.replace("json", "'' AS json"))
                .append(" FROM stix_objects WHERE 1 = 1");
        appendKeys(sql, keys);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
          bindKeys(s, 1, keys);
          Set<String> wanted = new HashSet<>(chunk);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              // another identifier may share a key
              if (wanted.contains(rs.getString(2))) {
                result.add(objectOf(rs));
              }
            }
          }
        }
      }
      KeyLookups.end(c, begun);
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read versions: " + e.getMessage(), e);
    }
  }

  /**
   * Which of these objects may have more than one row in the store (several versions, or one
   * version in several collections): every one that has, and rarely one that had (before a delete)
   * or whose identifier shares its {@link ObjectKey} with another's. Answered from the small table
   * of such objects (V10) instead of counting rows, so that a reader choosing the latest version
   * pays for {@link #headersOf} only for the objects that may have several.
   */
  public Set<String> withSeveralVersions(Collection<String> objectIds) {
    Set<String> result = new HashSet<>();
    List<String> ids = List.copyOf(new LinkedHashSet<>(objectIds));
    try (Connection c = dataSource.getConnection()) {
      boolean begun = KeyLookups.begin(c, false);
      for (int from = 0; from < ids.size(); from += READ_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
        Set<Long> keys = keysOf(chunk);
        StringBuilder sql = new StringBuilder("SELECT id_key FROM stix_multi_version WHERE 1 = 1");
        appendKeys(sql, keys);
        Set<Long> several = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
          bindKeys(s, 1, keys);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              several.add(rs.getLong(1));
            }
          }
        }
        // compared by key: a rare extra answer costs the caller one headersOf lookup, never a wrong
        // result
        for (String id : chunk) {
          if (several.contains(ObjectKey.of(id))) {
            result.add(id);
          }
        }
      }
      KeyLookups.end(c, begun);
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read versions: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes versions of an object (all, or those whose version is in {@code versionMicros}); only
   * permitted rows are touched. Returns how many rows were deleted.
   */
  public int delete(
      String collectionId, String objectId, Collection<Long> versionMicros, ReadFilter filter) {
    writeLock.lock();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM stix_objects WHERE date_added_us = ?")) {
      int deleted = 0;
      for (StoredObject o : versions(collectionId, objectId, filter)) {
        if (versionMicros.isEmpty() || versionMicros.contains(o.versionMicros())) {
          s.setLong(1, o.dateAddedMicros());
          deleted += s.executeUpdate();
        }
      }
      return deleted;
    } catch (SQLException e) {
      throw new StoreException("cannot delete " + objectId, e);
    } finally {
      writeLock.unlock();
    }
  }

  /** How many versions the collection holds, permitted or not (for status and metrics). */
  public long count(String collectionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM stix_objects WHERE collection_id = ?")) {
      s.setString(1, collectionId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count " + collectionId, e);
    }
  }

  /**
   * The date_added of the newest row of the collection (0 when empty), permitted or not: a cheap
   * change stamp (one index probe) for caches of readers' views, which are built through the gate.
   */
  public long lastAddedMicros(String collectionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT MAX(date_added_us) FROM stix_objects WHERE collection_id = ?")) {
      s.setString(1, collectionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + collectionId, e);
    }
  }

  private static void appendIn(StringBuilder sql, String column, Set<String> values) {
    if (!values.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (");
      sql.append(values.stream().map(v -> "?").collect(Collectors.joining(", "))).append(')');
    }
  }

  private static Set<Long> keysOf(Collection<String> objectIds) {
    Set<Long> keys = new LinkedHashSet<>();
    for (String id : objectIds) {
      keys.add(ObjectKey.of(id));
    }
    return keys;
  }

  private static void appendKeys(StringBuilder sql, Set<Long> keys) {
    if (!keys.isEmpty()) {
      sql.append(" AND id_key IN (");
      sql.append(keys.stream().map(v -> "?").collect(Collectors.joining(", "))).append(')');
    }
  }

  private static int bindKeys(PreparedStatement s, int from, Set<Long> keys) throws SQLException {
    int p = from;
    for (long k : keys) {
      s.setLong(p++, k);
    }
    return p;
  }

  private static int bindAll(PreparedStatement s, int from, Set<String> values)
      throws SQLException {
    int p = from;
    for (String v : values) {
      s.setString(p++, v);
    }
    return p;
  }

  private static Optional<CollectionInfo> collection(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, title, description, default_nations FROM collections WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(collectionOf(rs)) : Optional.empty();
      }
    }
  }

  private static CollectionInfo collectionOf(ResultSet rs) throws SQLException {
    return new CollectionInfo(
        rs.getString(1), rs.getString(2), rs.getString(3), splitToSet(rs.getString(4)));
  }

  static StoredObject objectOf(ResultSet rs) throws SQLException {
    String refs = rs.getString(10);
    String relays = rs.getString(12);
    return new StoredObject(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getString(8),
        rs.getString(9),
        relays.isEmpty() ? List.of() : Arrays.asList(relays.split(",")),
        refs.isEmpty() ? List.of() : Arrays.asList(refs.split(",")),
        rs.getString(11));
  }

  private static Set<String> splitToSet(String csv) {
    return csv.isEmpty() ? Set.of() : Set.of(csv.split(","));
  }

  private long queryLong(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    } catch (SQLException e) {
      throw new StoreException("cannot open the object store: " + e.getMessage(), e);
    }
  }
}
