package dev.bulwark.node.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where each exchange with each peer stands, persisted after every page so that a restart resumes
 * exactly there: nothing lost, and what is fetched again is a no-op in the store. Thread-safe.
 */
public final class CursorStore {
  private static final String COLUMNS =
      "peer, direction, collection_id, position, objects, rejected, last_success_us, last_error, last_error_us";

  private final DataSource dataSource;

  public CursorStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<Cursor> find(String peer, Direction direction, String collection) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM federation_cursors"
                    + " WHERE peer = ? AND direction = ? AND collection_id = ?")) {
      s.setString(1, peer);
      s.setString(2, direction.label());
      s.setString(3, collection);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(cursorOf(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read federation cursor: " + e.getMessage(), e);
    }
  }

  public List<Cursor> all() {
    List<Cursor> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM federation_cursors ORDER BY peer, collection_id, direction");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        result.add(cursorOf(rs));
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read federation cursors: " + e.getMessage(), e);
    }
  }

  /** Saves the cursor (update, or insert when new). */
  public synchronized void save(Cursor cursor) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE federation_cursors SET position = ?, objects = ?, rejected = ?, last_success_us = ?,"
                  + " last_error = ?, last_error_us = ? WHERE peer = ? AND direction = ? AND collection_id = ?")) {
        update.setString(1, cursor.position());
        update.setLong(2, cursor.objects());
        update.setLong(3, cursor.rejected());
        update.setLong(4, cursor.lastSuccessMicros());
        update.setString(5, truncate(cursor.lastError()));
        update.setLong(6, cursor.lastErrorMicros());
        update.setString(7, cursor.peer());
        update.setString(8, cursor.direction().label());
        update.setString(9, cursor.collection());
        if (update.executeUpdate() == 1) {
          return;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO federation_cursors ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, cursor.peer());
        insert.setString(2, cursor.direction().label());
        insert.setString(3, cursor.collection());
        insert.setString(4, cursor.position());
        insert.setLong(5, cursor.objects());
        insert.setLong(6, cursor.rejected());
        insert.setLong(7, cursor.lastSuccessMicros());
        insert.setString(8, truncate(cursor.lastError()));
        insert.setLong(9, cursor.lastErrorMicros());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save federation cursor: " + e.getMessage(), e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }

  private static Cursor cursorOf(ResultSet rs) throws SQLException {
    return new Cursor(
        rs.getString(1),
        Direction.parse(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getString(8),
        rs.getLong(9));
  }

  /** Pull from the peer, or push to it. */
  public enum Direction {
    PULL,
    PUSH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Direction parse(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One exchange's position and record.
   *
   * @param position pull: the peer's date_added of the last object stored (empty: from the start);
   *     push: the local date_added in microseconds of the last object the peer took ("0" at start)
   * @param objects how many objects moved so far
   * @param rejected how many were refused (invalid here, or refused by the peer)
   */
  public record Cursor(
      String peer,
      Direction direction,
      String collection,
      String position,
      long objects,
      long rejected,
      long lastSuccessMicros,
      String lastError,
      long lastErrorMicros) {

    static Cursor start(String peer, Direction direction, String collection) {
      return new Cursor(
          peer, direction, collection, direction == Direction.PUSH ? "0" : "", 0, 0, 0, "", 0);
    }

    Cursor advanced(String newPosition, long moved, long refused, long nowMicros) {
      return new Cursor(
          peer,
          direction,
          collection,
          newPosition,
          objects + moved,
          rejected + refused,
          nowMicros,
          lastError,
          lastErrorMicros);
    }

    Cursor failed(String error, long nowMicros) {
      return new Cursor(
          peer,
          direction,
          collection,
          position,
          objects,
          rejected,
          lastSuccessMicros,
          error,
          nowMicros);
    }

    /** Whether the last attempt failed (an error newer than the last success). */
    public boolean failing() {
      return lastErrorMicros > lastSuccessMicros;
    }
  }
}
