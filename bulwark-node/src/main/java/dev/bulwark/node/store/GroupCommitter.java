package dev.bulwark.node.store;

import dev.bulwark.stix.markings.Tlp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The object store's write path. Writers that arrive while a commit is running queue their batches;
 * the next one to get the write lock writes every queued batch in one transaction (a group commit),
 * so that sixteen TAXII clients posting at once pay for one commit instead of sixteen. Each batch
 * keeps its own outcome: when the group's transaction fails, every batch of it is retried alone, so
 * one batch the database refuses never costs another writer its objects.
 *
 * <p>date_added is allocated under the write lock and committed with the rows, in one transaction
 * at a time: a reader paging by date_added never sees a row commit behind one it has already
 * passed. Within one transaction the rows get their date_added in the order of their identifier
 * keys, not in the order the objects were sent: TAXII orders by date_added and says nothing of
 * objects added together, and this order is much cheaper for H2 to write (measured; see the comment
 * in write).
 *
 * <p>Each transaction first takes the database's writer row lock (so that writers in other
 * processes queue behind it too), then looks up which of its versions are already held (a version
 * of an object of the same origin nation in the same collection: rows of another origin under the
 * same identifier are other objects), by the numeric identifier key ({@link ObjectKey}), inserts
 * the others in one batch, and writes each batch's {@link BatchRecords}. No unique constraint backs
 * this up: the lock makes look-up-then-insert exact, and a constraint over the identifier strings
 * was what made H2 slow (see {@code V9__object_keys}).
 *
 * <p>Hand-written JDBC, not Spring's JdbcClient like the node's simple stores: one connection held
 * for the group's transaction, inserts sent as JDBC batches, the callers' {@link BatchRecords}
 * written on that same connection, and retries batch by batch. This is the write path the TAXII add
 * and store-import benchmarks measure (BENCHMARKS.md).
 *
 * <p>Thread-safe.
 */
final class GroupCommitter {
  /** Objects per group transaction, beyond which queued batches wait for the next commit. */
  private static final int GROUP_OBJECTS = 20_000;

  /** Identifier keys per duplicate lookup statement. */
  private static final int LOOKUP = 200;

  private static final String INSERT =
      "INSERT INTO stix_objects (date_added_us, collection_id, object_id, id_key, object_type, version,"
          + " version_us, spec_version, origin_nation, added_by, marking_refs, json, relayed_via)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String HELD =
      "SELECT collection_id, object_id, version_us, origin_nation FROM stix_objects WHERE id_key IN ("
          + String.join(", ", Collections.nCopies(LOOKUP, "?"))
          + ")";
  private static final String CLAIM = "SELECT id FROM store_writer WHERE id = 1 FOR UPDATE";
  private static final String NEWEST = "SELECT MAX(date_added_us) FROM stix_objects";

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

    /** One per object. */
    final List<Provenance> provenances;

    final BatchRecords records;
    List<AddOutcome> outcomes;
    RuntimeException failure;

    Request(
        String collectionId,
        List<NewObject> objects,
        List<Provenance> provenances,
        BatchRecords records) {
      this.collectionId = collectionId;
      this.objects = objects;
      this.provenances = provenances;
      this.records = records;
    }

    boolean done() {
      return outcomes != null || failure != null;
    }
  }

  /** Adds the objects, all of one provenance. */
  List<AddOutcome> addAll(
      String collectionId, List<NewObject> objects, Provenance provenance, BatchRecords records) {
    return addAll(collectionId, objects, Collections.nCopies(objects.size(), provenance), records);
  }

  /**
   * Adds the objects, each with its provenance ({@code provenances} aligned with {@code objects}).
   */
  List<AddOutcome> addAll(
      String collectionId,
      List<NewObject> objects,
      List<Provenance> provenances,
      BatchRecords records) {
    Request mine =
        new Request(collectionId, List.copyOf(objects), List.copyOf(provenances), records);
    pending.add(mine);
    writeLock.lock();
    try {
      // Only the lock holder takes from the queue, so until it is done this request is still
      // queued.
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
        : new StoreException(
            "cannot store objects in " + r.collectionId + ": " + e.getMessage(), e);
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

  /**
   * Writes the requests in one transaction; on failure rolls back, rewinds date_added and throws.
   */
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
    claimWriter(c);
    Map<String, Long> keyOf = new HashMap<>();
    for (Request r : requests) {
      for (NewObject o : r.objects) {
        keyOf.computeIfAbsent(o.objectId(), ObjectKey::of);
      }
    }
    Set<String> alreadyStored = new HashSet<>();
    Set<String> held = heldVersions(c, keyOf, alreadyStored);
    Set<String> severalNow = new LinkedHashSet<>();
    // A version repeated within the group is settled here too, as two commits would settle it.
    Set<String> seen = new HashSet<>();
    List<List<AddOutcome>> outcomes = new ArrayList<>(requests.size());
    List<Row> rows = new ArrayList<>();
    for (Request r : requests) {
      List<AddOutcome> results = new ArrayList<>(r.objects.size());
      for (int i = 0; i < r.objects.size(); i++) {
        NewObject o = r.objects.get(i);
        Provenance p = r.provenances.get(i);
        // Rows of another origin under this identifier are other objects (issue 14, findings 5 and
        // 6): whether this one is new never depends on them, so neither does the writer's answer.
        String version = key(r.collectionId, o.objectId(), o.versionMicros(), p.originNation());
        if (held.contains(version) || !seen.add(version)) {
          results.add(new AddOutcome(o.objectId(), o.version(), AddOutcome.Status.DUPLICATE, 0L));
          continue;
        }
        if (!alreadyStored.add(o.objectId())) {
          severalNow.add(o.objectId());
        }
        rows.add(new Row(r, o, p, keyOf.get(o.objectId()), results, results.size()));
        results.add(null); // the outcome, once the row has its date_added
      }
      outcomes.add(results);
    }
    // In identifier-key order (stable: versions of one object keep theirs), date_added given in
    // that
    // order: at a million rows the key index has tens of thousands of leaves, and H2 writes every
    // page
    // the transaction has dirtied each time its unsaved memory passes a threshold, several times
    // per
    // group; in key order a group's inserts, and the commit's pass over them, dirty neighbouring
    // leaves
    // and far fewer of the inner pages above them (measured on H2 at a million objects: a fifth
    // fewer
    // bytes written, a tenth more objects per second). Appending rows in date_added order keeps the
    // table's own pages filling at its end (inserting in key order with date_added in queue order
    // wrote more than twice as much).
    // Marking-definitions go first, so that a definition never gets a later date_added than an
    // object
    // stored with it: a peer paging through the collection (pull, push) then always meets a
    // definition before, never after, the objects that need it to be checked (they are few, so this
    // costs the key order nothing measurable).
    rows.sort(
        Comparator.comparing((Row row) -> !"marking-definition".equals(row.object().type()))
            .thenComparingLong(Row::key));
    if (!rows.isEmpty()) {
      insert(c, rows);
    }
    rememberSeveral(c, severalNow, keyOf);
    rememberMarkingDefinitions(c, requests);
    for (int i = 0; i < requests.size(); i++) {
      requests.get(i).records.write(c, outcomes.get(i));
    }
    return outcomes;
  }

  /**
   * A version to insert: its batch, its identifier key, and where in the batch's outcomes it goes.
   */
  private record Row(
      Request request,
      NewObject object,
      Provenance provenance,
      long key,
      List<AddOutcome> results,
      int position) {}

  /** Inserts the rows in their order, giving each the next date_added, and sets their outcomes. */
  private void insert(Connection c, List<Row> rows) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT)) {
      for (Row row : rows) {
        NewObject o = row.object();
        long added = dateAdded.next();
        s.setLong(1, added);
        s.setString(2, row.request().collectionId);
        s.setString(3, o.objectId());
        s.setLong(4, row.key());
        s.setString(5, o.type());
        s.setString(6, o.version());
        s.setLong(7, o.versionMicros());
        s.setString(8, o.specVersion());
        s.setString(9, row.provenance().originNation());
        s.setString(10, row.provenance().addedBy());
        s.setString(11, String.join(",", o.markingRefs()));
        s.setString(12, o.json());
        s.setString(13, String.join(",", row.provenance().relayedVia()));
        s.addBatch();
        row.results()
            .set(
                row.position(),
                new AddOutcome(o.objectId(), o.version(), AddOutcome.Status.STORED, added));
      }
      int[] counts = s.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
          NewObject o = rows.get(i).object();
          throw new StoreException(
              "cannot store "
                  + o.objectId()
                  + " version "
                  + o.version()
                  + ": the database wrote "
                  + counts[i]
                  + " rows",
              null);
        }
      }
    }
  }

  /** Notes the objects that now have more than one row (table stix_multi_version). */
  private static void rememberSeveral(Connection c, Set<String> objectIds, Map<String, Long> keyOf)
      throws SQLException {
    if (objectIds.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO stix_multi_version (id_key, object_id) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM stix_multi_version WHERE id_key = ? AND object_id = ?)")) {
      for (String id : objectIds) {
        long key = keyOf.get(id);
        s.setLong(1, key);
        s.setString(2, id);
        s.setLong(3, key);
        s.setString(4, id);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Takes the store's write lock in the database, held until the transaction ends, and moves the
   * date_added clock past the newest row. Within this process the write lock already serialises
   * writers; the row lock does the same for another process on the same database (a command run
   * while the node serves the H2 file, or a second node on one PostgreSQL), so that its versions
   * are checked against ours and its date_added values follow ours in commit order.
   */
  private void claimWriter(Connection c) throws SQLException {
    // without it PostgreSQL read the whole table for each key lookup of an import (59 s instead of
    // 4)
    KeyLookups.begin(c, true);
    try (PreparedStatement s = c.prepareStatement(CLAIM);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new StoreException("the store's writer row is missing (table store_writer)", null);
      }
    }
    try (PreparedStatement s = c.prepareStatement(NEWEST);
        ResultSet rs = s.executeQuery()) {
      if (rs.next()) {
        dateAdded.advancePast(rs.getLong(1));
      }
    }
  }

  /**
   * The versions of the group's objects (the keys of {@code keyOf}) the store already holds, of any
   * origin, as {@link #key} strings (and, in {@code idsWithRows}, the objects that have any row in
   * any collection): one indexed lookup by {@link ObjectKey} per object, in statements of {@value
   * #LOOKUP} keys (the last padded by repeating a key, so that every statement has the same text
   * and is planned once). Rows of another identifier that shares a key are dropped here by
   * comparing the identifier.
   */
  private static Set<String> heldVersions(
      Connection c, Map<String, Long> keyOf, Set<String> idsWithRows) throws SQLException {
    Set<String> held = new HashSet<>();
    List<Long> all = new ArrayList<>(new LinkedHashSet<>(keyOf.values()));
    try (PreparedStatement s = c.prepareStatement(HELD)) {
      for (int from = 0; from < all.size(); from += LOOKUP) {
        int to = Math.min(all.size(), from + LOOKUP);
        for (int i = 0; i < LOOKUP; i++) {
          s.setLong(i + 1, all.get(Math.min(from + i, to - 1)));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(2);
            if (keyOf.containsKey(id)) {
              held.add(key(rs.getString(1), id, rs.getLong(3), rs.getString(4)));
              idsWithRows.add(id);
            }
          }
        }
      }
    }
    return held;
  }

  /** A version of one origin's object in one collection: what is stored at most once. */
  private static String key(
      String collectionId, String objectId, long versionMicros, String origin) {
    return collectionId + '\n' + objectId + '\n' + versionMicros + '\n' + origin;
  }

  /**
   * Keeps the batches' marking-definitions for resolution, each bound to the origin and principal
   * it is stored with (its {@link Provenance}): an object's marking refs resolve only against
   * definitions of its own origin (issue 14, finding 3). A definition is never replaced: the first
   * one an origin stores under an id stays, and a later one of that origin and id is not kept (the
   * TAXII write path refuses it before it gets here). TLP ids are not kept: they resolve to the
   * built-in definitions, whatever anyone stores under them.
   */
  private static void rememberMarkingDefinitions(Connection c, List<Request> requests)
      throws SQLException {
    Map<String, String[]> definitions = new LinkedHashMap<>();
    for (Request r : requests) {
      for (int i = 0; i < r.objects.size(); i++) {
        NewObject o = r.objects.get(i);
        if ("marking-definition".equals(o.type()) && Tlp.fromMarkingId(o.objectId()).isEmpty()) {
          Provenance p = r.provenances.get(i);
          String origin = p.originNation();
          definitions.putIfAbsent(
              origin + '\n' + o.objectId(),
              new String[] {o.objectId(), origin, p.addedBy(), o.json()});
        }
      }
    }
    if (definitions.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO marking_definitions (id, origin_nation, added_by, json) SELECT ?, ?, ?, ?"
                + " WHERE NOT EXISTS"
                + " (SELECT 1 FROM marking_definitions WHERE id = ? AND origin_nation = ?)")) {
      for (String[] d : definitions.values()) {
        s.setString(1, d[0]);
        s.setString(2, d[1]);
        s.setString(3, d[2]);
        s.setString(4, d[3]);
        s.setString(5, d[0]);
        s.setString(6, d[1]);
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
