package dev.bulwark.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The store reads the workbench needs beyond TAXII's: rows by date added (what a search engine
 * answers), every version of one identifier across collections (an object's page), and, for the
 * search engines of this package only, the rows added after a point (what {@link
 * SearchIndex#catchUp} indexes). Every public read takes the reader's {@link ReadFilter}.
 * Thread-safe.
 */
public final class ObjectRows {
  private static final int CHUNK = 500;

  private final DataSource dataSource;

  public ObjectRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The permitted rows among these date-added keys, in the order given (missing ones skipped). */
  public List<StoredObject> byDateAdded(List<Long> keys, ReadFilter filter) {
    Map<Long, StoredObject> found = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < keys.size(); from += CHUNK) {
        List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + ObjectStore.COLUMNS
                    + " FROM stix_objects WHERE date_added_us IN ("
                    + marks
                    + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            s.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              StoredObject o = ObjectStore.objectOf(rs);
              found.put(o.dateAddedMicros(), o);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read rows by date added", e);
    }
    List<StoredObject> result = new ArrayList<>(found.size());
    for (Long k : keys) {
      StoredObject o = found.get(k);
      if (o != null && filter.permits(o)) {
        result.add(o);
      }
    }
    return result;
  }

  /** Every permitted version of this identifier in any collection, oldest version first. */
  public List<StoredObject> everyVersion(String objectId, ReadFilter filter) {
    List<StoredObject> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + ObjectStore.COLUMNS
                    + " FROM stix_objects WHERE id_key = ? AND object_id = ?"
                    + " ORDER BY version_us, date_added_us")) {
      s.setLong(1, ObjectKey.of(objectId));
      s.setString(2, objectId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          StoredObject o = ObjectStore.objectOf(rs);
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
   * Up to {@code limit} rows added strictly after this instant, oldest first, unfiltered: for the
   * search engines of this package, which index everything and answer only row keys.
   */
  List<StoredObject> rowsAfter(long afterMicros, int limit) {
    List<StoredObject> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + ObjectStore.COLUMNS
                    + " FROM stix_objects WHERE date_added_us > ? ORDER BY date_added_us LIMIT ?")) {
      s.setLong(1, afterMicros);
      s.setInt(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.add(ObjectStore.objectOf(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read rows to index", e);
    }
  }

  /**
   * The newest date added in the store (0 when empty): one look at the primary key's end, so a
   * search engine can tell "nothing new" without a lock or a batch read.
   */
  long newestAdded() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT MAX(date_added_us) FROM stix_objects");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    } catch (SQLException e) {
      throw new StoreException("cannot read the newest date added", e);
    }
  }

  /** The search engine's high-water mark (0 when it has indexed nothing). */
  long mark(String engine) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT indexed_up_to FROM search_state WHERE engine = ?")) {
      s.setString(1, engine);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the search mark", e);
    }
  }

  /** Records the search engine's high-water mark. */
  void setMark(Connection c, String engine, long upTo) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement("UPDATE search_state SET indexed_up_to = ? WHERE engine = ?")) {
      u.setLong(1, upTo);
      u.setString(2, engine);
      if (u.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement i =
        c.prepareStatement("INSERT INTO search_state (engine, indexed_up_to) VALUES (?, ?)")) {
      i.setString(1, engine);
      i.setLong(2, upTo);
      i.executeUpdate();
    }
  }

  DataSource dataSource() {
    return dataSource;
  }
}
