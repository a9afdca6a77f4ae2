package dev.bulwark.node.taxii.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the status resources of POST requests (table {@code taxii_status}) so that the status
 * endpoint can answer later. Only the principal that made the request sees its status (or an
 * admin). Thread-safe.
 */
final class StatusStore {
  private final JdbcClient jdbc;

  StatusStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** A stored status: who asked for it, and the resource as JSON. */
  record Saved(String apiRoot, String principal, String json) {}

  /**
   * Keeps a status resource, in the caller's transaction on {@code c}. Hand-written JDBC on the
   * caller's connection: it runs inside the group committer's transaction on every TAXII add (the
   * TAXII benchmark measures it). Reading a status back goes through Spring's JdbcClient.
   */
  void save(
      Connection c, String id, String apiRoot, String principal, long requestMicros, String json)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO taxii_status (id, api_root, principal, request_us, json) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, apiRoot);
      s.setString(3, principal);
      s.setLong(4, requestMicros);
      s.setString(5, json);
      s.executeUpdate();
    }
  }

  Optional<Saved> find(String id) {
    try {
      return jdbc.sql("SELECT api_root, principal, json FROM taxii_status WHERE id = ?")
          .param(id)
          .query((rs, row) -> new Saved(rs.getString(1), rs.getString(2), rs.getString(3)))
          .optional();
    } catch (DataAccessException e) {
      throw new IllegalStateException(
          "cannot read status " + id + ": " + e.getMostSpecificCause().getMessage(), e);
    }
  }
}
