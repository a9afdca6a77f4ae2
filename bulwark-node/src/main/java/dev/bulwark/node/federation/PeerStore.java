package dev.bulwark.node.federation;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The peers table, through Spring's {@link JdbcClient} (a few rows, read when the federation
 * schedules its work: nothing here is measured by a benchmark). A put and a remove each run in one
 * transaction. Thread-safe.
 */
public final class PeerStore {
  private static final String COLUMNS =
      "name, nation, api_root, auth_user, auth_secret, trust_store, trust_password,"
          + " pull_collections, push_collections, interval_ms, pinned_certificate";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PeerStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** Adds a peer, or replaces the one with the same name. */
  public void put(Peer peer) {
    try {
      transactions.executeWithoutResult(
          tx -> {
            jdbc.sql("DELETE FROM peers WHERE name = ?").param(peer.name()).update();
            jdbc.sql(
                    "INSERT INTO peers ("
                        + COLUMNS
                        + ", created_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    peer.name(),
                    peer.nation(),
                    peer.apiRoot().toString(),
                    peer.authUser(),
                    peer.authSecret(),
                    peer.trustStore(),
                    peer.trustPassword(),
                    String.join(",", peer.pull()),
                    String.join(",", peer.push()),
                    peer.interval().toMillis(),
                    peer.pinnedCertificate(),
                    System.currentTimeMillis() * 1000)
                .update();
          });
    } catch (DataAccessException e) {
      throw failed("cannot save peer " + peer.name(), e);
    }
  }

  public List<Peer> list() {
    try {
      return jdbc.sql("SELECT " + COLUMNS + " FROM peers ORDER BY name")
          .query(PeerStore::peerOf)
          .list();
    } catch (DataAccessException e) {
      throw failed("cannot list peers", e);
    }
  }

  public Optional<Peer> find(String name) {
    return list().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Removes the peer and its cursors; returns whether it existed. */
  public boolean remove(String name) {
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              tx -> {
                int removed = jdbc.sql("DELETE FROM peers WHERE name = ?").param(name).update();
                jdbc.sql("DELETE FROM federation_cursors WHERE peer = ?").param(name).update();
                return removed > 0;
              }));
    } catch (DataAccessException e) {
      throw failed("cannot remove peer " + name, e);
    }
  }

  /** As before JdbcClient: the database's own message, under what could not be done. */
  static IllegalStateException failed(String what, DataAccessException e) {
    return new IllegalStateException(what + ": " + e.getMostSpecificCause().getMessage(), e);
  }

  private static Peer peerOf(ResultSet rs, int row) throws SQLException {
    return new Peer(
        rs.getString(1),
        rs.getString(2),
        URI.create(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        split(rs.getString(8)),
        split(rs.getString(9)),
        Duration.ofMillis(rs.getLong(10)),
        rs.getString(11));
  }

  private static List<String> split(String csv) {
    return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
  }
}
