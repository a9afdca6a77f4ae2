package dev.bulwark.node.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The object store's write path. Writers that arrive while a commit is running queue their batches;
 * the next one to get the write lock writes every queued batch in one transaction (a group commit), so
 * that sixteen TAXII clients posting at once pay for one commit instead of sixteen. Each batch keeps
 * its own outcome: when the group's transaction fails, every batch of it is retried alone, so one
 * batch the database refuses never costs another writer its objects.
 *
 * <p>date_added is allocated under the write lock in queue order and committed with the rows, in one
 * transaction at a time: a reader paging by date_added never sees a row commit behind one it has
 * already passed. Versions are inserted with a batched {@code INSERT ... ON CONFLICT DO NOTHING}: the
 * unique constraint on (object_id, version_us, collection_id) finds duplicates while the row is being
 * added, instead of a lookup before it; only the rows the database skipped are looked up afterwards.
 *
 * <p>Thread-safe.
 */
final class GroupCommitter {
  /** Objects per group transaction, beyond which queued batches wait for the next commit. */
  private static final int GROUP_OBJECTS = 20_000;

  private static final String INSERT =
      "INSERT INTO stix_objects (date_added_us, collection_id, object_id, object_type, version,"
          + " version_us, spec_version, origin_nation, added_by, marking_refs, json)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String HELD =
      "SELECT date_added_us FROM stix_objects WHERE object_id = ? AND version_us = ? AND collection_id = ?";

  private final DataSource dataSource;
  private final ReentrantLock writeLock;
  private final DateAddedClock dateAdded;
  private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();
  /** Guarded by the write lock. */
  private long transactions;

  GroupCommitter(DataSource dataSource, ReentrantLock writeLock, DateAddedClock dateAdded) {
    this.dataSource = dataSource;
    this.writeLock = writeLock;
    this.dateAdded = dateAdded;
  }

  /** One writer's batch and, once committed (or refused), its result. Guarded by the write lock. */
  private static final class Request {
    final String collectionId;
    final List<NewObject> objects;
    final Provenance provenance;
    List<AddOutcome> outcomes;
    RuntimeException failure;

    Request(String collectionId, List<NewObject> objects, Provenance provenance) {
      this.collectionId = collectionId;
      this.objects = objects;
      this.provenance = provenance;
    }

    boolean done() {
      return outcomes != null || failure != null;
    }
  }

  List<AddOutcome> addAll(String collectionId, List<NewObject> objects, Provenance provenance) {
    Request mine = new Request(collectionId, List.copyOf(objects), provenance);
    pending.add(mine);
    writeLock.lock();
    try {
      // Only the lock holder takes from the queue, so until it is done this request is still queued.
      while (!mine.done()) {
        List<Request> group = takeGroup();
        if (group.isEmpty()) {
          throw new IllegalStateException("write request lost from the queue");
        }
        try {
          commit(group);
        } finally {
          for (Request r : group) {
            if (!r.done()) {
              r.failure = new StoreException("not stored: the write failed", null);
            }
          }
        }
      }
    } finally {
      writeLock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.outcomes;
  }

  /** How many write transactions have committed (read under the write lock, e.g. by tests). */
  long transactionsCommitted() {
    writeLock.lock();
    try {
      return transactions;
    } finally {
      writeLock.unlock();
    }
  }

  private List<Request> takeGroup() {
    List<Request> group = new ArrayList<>();
    int objects = 0;
    Request next;
    while ((group.isEmpty() || objects < GROUP_OBJECTS) && (next = pending.poll()) != null) {
      group.add(next);
      objects += next.objects.size();
    }
    return group;
  }

  private void commit(List<Request> group) {
    try (Connection c = dataSource.getConnection()) {
      List<Request> writable = new ArrayList<>(group.size());
      Map<String, Boolean> exists = new HashMap<>();
      for (Request r : group) {
        if (exists.computeIfAbsent(r.collectionId, id -> collectionExists(c, id))) {
          writable.add(r);
        } else {
          r.failure = new StoreException("no collection " + r.collectionId, null);
        }
      }
      if (writable.isEmpty()) {
        return;
      }
      try {
        List<List<AddOutcome>> outcomes = inTransaction(c, writable);
        for (int i = 0; i < writable.size(); i++) {
          writable.get(i).outcomes = outcomes.get(i);
        }
      } catch (SQLException | RuntimeException groupFailed) {
        if (writable.size() == 1) {
          writable.get(0).failure = failure(writable.get(0), groupFailed);
          return;
        }
        for (Request r : writable) {
          try {
            r.outcomes = inTransaction(c, List.of(r)).get(0);
          } catch (SQLException | RuntimeException e) {
            r.failure = failure(r, e);
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      for (Request r : group) {
        if (!r.done()) {
          r.failure = failure(r, e);
        }
      }
    }
  }

  private static StoreException failure(Request r, Exception e) {
    return e instanceof StoreException s
        ? s
        : new StoreException("cannot store objects in " + r.collectionId + ": " + e.getMessage(), e);
  }

  private static boolean collectionExists(Connection c, String id) {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM collections WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read collection " + id + ": " + e.getMessage(), e);
    }
  }

  /** Writes the requests in one transaction; on failure rolls back, rewinds date_added and throws. */
  private List<List<AddOutcome>> inTransaction(Connection c, List<Request> requests)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    long mark = dateAdded.mark();
    try {
      List<List<AddOutcome>> outcomes = write(c, requests);
      c.commit();
      transactions++;
      return outcomes;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      dateAdded.reset(mark);
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private List<List<AddOutcome>> write(Connection c, List<Request> requests) throws SQLException {
    // A version repeated within the group is settled here: the databases differ in whether a batched
    // statement sees the rows of the statements before it.
    Set<String> seen = new HashSet<>();
    List<List<AddOutcome>> outcomes = new ArrayList<>(requests.size());
    List<Inserted> inserted = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(INSERT)) {
      for (Request r : requests) {
        List<AddOutcome> results = new ArrayList<>(r.objects.size());
        String nation = r.provenance.originNation();
        String addedBy = r.provenance.addedBy();
        for (NewObject o : r.objects) {
          if (!seen.add(key(r.collectionId, o.objectId(), o.versionMicros()))) {
            results.add(
                new AddOutcome(o.objectId(), o.version(), AddOutcome.Status.DUPLICATE, 0L));
            continue;
          }
          long added = dateAdded.next();
          s.setLong(1, added);
          s.setString(2, r.collectionId);
          s.setString(3, o.objectId());
          s.setString(4, o.type());
          s.setString(5, o.version());
          s.setLong(6, o.versionMicros());
          s.setString(7, o.specVersion());
          s.setString(8, nation);
          s.setString(9, addedBy);
          s.setString(10, String.join(",", o.markingRefs()));
          s.setString(11, o.json());
          s.addBatch();
          inserted.add(new Inserted(r.collectionId, o, added, results, results.size()));
          results.add(new AddOutcome(o.objectId(), o.version(), AddOutcome.Status.STORED, added));
        }
        outcomes.add(results);
      }
      if (!inserted.isEmpty()) {
        settle(c, inserted, s.executeBatch());
      }
    }
    rememberMarkingDefinitions(c, requests);
    return outcomes;
  }

  /** A row sent to the database, and where its outcome sits. */
  private record Inserted(
      String collectionId, NewObject object, long dateAdded, List<AddOutcome> results, int index) {}

  /**
   * The INSERT skips a row that conflicts instead of failing, so a row whose count is not 1 (skipped,
   * or unknown should a driver not report it) is looked up: held with this date_added means stored
   * now; held with another means the version was already there (a duplicate); not held at all means
   * the row conflicted on something else (its date_added), which must never pass for a duplicate, so
   * the whole transaction fails. One point lookup per such row, by the unique constraint: a list
   * query ({@code object_id IN (...)}) was planned as a sequential scan by PostgreSQL on a table
   * filling faster than its statistics, which made a 100,000-object import three times slower.
   */
  private static void settle(Connection c, List<Inserted> rows, int[] counts) throws SQLException {
    PreparedStatement s = null;
    try {
      for (int i = 0; i < rows.size(); i++) {
        if (counts[i] == 1) {
          continue;
        }
        if (s == null) {
          s = c.prepareStatement(HELD);
        }
        Inserted row = rows.get(i);
        NewObject o = row.object();
        s.setString(1, o.objectId());
        s.setLong(2, o.versionMicros());
        s.setString(3, row.collectionId());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw new StoreException(
                "cannot store " + o.objectId() + " version " + o.version() + ": the database skipped it",
                null);
          }
          if (rs.getLong(1) != row.dateAdded()) {
            row.results()
                .set(
                    row.index(),
                    new AddOutcome(o.objectId(), o.version(), AddOutcome.Status.DUPLICATE, 0L));
          }
        }
      }
    } finally {
      if (s != null) {
        s.close();
      }
    }
  }

  private static String key(String collectionId, String objectId, long versionMicros) {
    return collectionId + '\n' + objectId + '\n' + versionMicros;
  }

  private static void rememberMarkingDefinitions(Connection c, List<Request> requests)
      throws SQLException {
    Map<String, String> definitions = new LinkedHashMap<>();
    for (Request r : requests) {
      for (NewObject o : r.objects) {
        if ("marking-definition".equals(o.type())) {
          definitions.putIfAbsent(o.objectId(), o.json());
        }
      }
    }
    if (definitions.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO marking_definitions (id, json) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM marking_definitions WHERE id = ?)")) {
      for (Map.Entry<String, String> d : definitions.entrySet()) {
        s.setString(1, d.getKey());
        s.setString(2, d.getValue());
        s.setString(3, d.getKey());
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
