package dev.bulwark.node.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a nation's node processes over one PostgreSQL runs the work that must run once
 * (federation, the maritime watch): the one that holds a session-level advisory lock, on a
 * connection of its own outside the pool (a pool may retire a connection, and with it the lock).
 * When that process dies, even by SIGKILL, PostgreSQL ends its session and frees the lock, and the
 * next {@link #held()} of another process takes it. On the embedded H2 database (one process per
 * home) the lease is always held. Thread-safe.
 */
public final class NodeLease implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

  private final String url;
  private final String user;
  private final String password;
  private final long key;
  private final boolean postgres;
  private Connection connection;

  /**
   * @param name what the lease is for, e.g. {@code bulwark-node}: one lock per name and database
   */
  public NodeLease(String url, String user, String password, String name) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.postgres = url.startsWith("jdbc:postgresql:");
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    this.key = crc.getValue();
  }

  /** Whether this process holds the lease now; tries to take it when it does not. */
  public synchronized boolean held() {
    if (!postgres) {
      return true;
    }
    if (connection != null && alive()) {
      return true;
    }
    closeQuietly();
    try {
      Connection c = DriverManager.getConnection(url, user, password);
      try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, key);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            connection = c;
            log.info("this process now runs the node's once-only work (lease {})", key);
            return true;
          }
        }
      }
      c.close();
      return false;
    } catch (SQLException e) {
      log.warn("cannot ask for the node lease: {}", e.getMessage());
      return false;
    }
  }

  private boolean alive() {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(5);
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      log.warn("lost the node lease: {}", e.getMessage());
      return false;
    }
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already gone: the lock went with the session
      }
      connection = null;
    }
  }

  /** Gives the lease up (the session ends, and the lock with it). */
  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
