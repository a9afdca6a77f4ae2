package dev.bulwark.node.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where each exchange with each peer stands, persisted after every page so that a restart resumes
 * exactly there: nothing lost, and what is fetched again is a no-op in the store. Thread-safe.
 */
public final class CursorStore {
  private static final String COLUMNS =
      "peer, direction, collection_id, position, objects, rejected, last_success_us, last_error, last_error_us";

  private final JdbcClient jdbc;

  /**
   * Through Spring's {@link JdbcClient}: one row per peer, collection and direction, saved once per
   * page of thousands of objects.
   */
  public CursorStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Optional<Cursor> find(String peer, Direction direction, String collection) {
    try {
      return jdbc.sql(
              "SELECT "
                  + COLUMNS
                  + " FROM federation_cursors"
                  + " WHERE peer = ? AND direction = ? AND collection_id = ?")
          .params(peer, direction.label(), collection)
          .query(CursorStore::cursorOf)
          .optional();
    } catch (DataAccessException e) {
      throw PeerStore.failed("cannot read federation cursor", e);
    }
  }

  public List<Cursor> all() {
    try {
      return jdbc.sql(
              "SELECT "
                  + COLUMNS
                  + " FROM federation_cursors ORDER BY peer, collection_id, direction")
          .query(CursorStore::cursorOf)
          .list();
    } catch (DataAccessException e) {
      throw PeerStore.failed("cannot read federation cursors", e);
    }
  }

  /** Saves the cursor (update, or insert when new). */
  public synchronized void save(Cursor cursor) {
    try {
      int updated =
          jdbc.sql(
                  "UPDATE federation_cursors SET position = ?, objects = ?, rejected = ?,"
                      + " last_success_us = ?, last_error = ?, last_error_us = ?"
                      + " WHERE peer = ? AND direction = ? AND collection_id = ?")
              .params(
                  cursor.position(),
                  cursor.objects(),
                  cursor.rejected(),
                  cursor.lastSuccessMicros(),
                  truncate(cursor.lastError()),
                  cursor.lastErrorMicros(),
                  cursor.peer(),
                  cursor.direction().label(),
                  cursor.collection())
              .update();
      if (updated == 1) {
        return;
      }
      jdbc.sql(
              "INSERT INTO federation_cursors (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              cursor.peer(),
              cursor.direction().label(),
              cursor.collection(),
              cursor.position(),
              cursor.objects(),
              cursor.rejected(),
              cursor.lastSuccessMicros(),
              truncate(cursor.lastError()),
              cursor.lastErrorMicros())
          .update();
    } catch (DataAccessException e) {
      throw PeerStore.failed("cannot save federation cursor", e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }

  private static Cursor cursorOf(ResultSet rs, int row) throws SQLException {
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
