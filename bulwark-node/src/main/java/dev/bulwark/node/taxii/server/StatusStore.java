package dev.bulwark.node.taxii.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps the status resources of POST requests (table {@code taxii_status}) so that the status
 * endpoint can answer later. Only the principal that made the request sees its status (or an
 * admin). Thread-safe.
 */
final class StatusStore {
  private final DataSource dataSource;

  StatusStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A stored status: who asked for it, and the resource as JSON. */
  record Saved(String apiRoot, String principal, String json) {}

  /** Keeps a status resource, in the caller's transaction on {@code c}. */
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT api_root, principal, json FROM taxii_status WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Saved(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read status " + id + ": " + e.getMessage(), e);
    }
  }
}
