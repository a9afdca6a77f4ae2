package dev.bulwark.node.misp;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MISP peers (table {@code misp_peers}, V41). Their cursors are rows of the federation cursor
 * table, so {@code bulwark federation status} shows them beside the TAXII peers. Thread-safe.
 */
public final class MispPeerStore {
  private static final String COLUMNS =
      "name, peer_type, nation, url, auth_secret, collection_id, org_filter, interval_ms, trusted_origins";

  private final JdbcClient jdbc;

  public MispPeerStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Adds a peer, or replaces the one with the same name. */
  public void put(MispPeer peer) {
    try {
      jdbc.sql("DELETE FROM misp_peers WHERE name = ?").param(peer.name()).update();
      jdbc.sql("INSERT INTO misp_peers (" + COLUMNS + ", created_us) VALUES (?,?,?,?,?,?,?,?,?,?)")
          .params(
              peer.name(),
              peer.type().label(),
              peer.nation(),
              peer.url().toString(),
              peer.secret(),
              peer.collection(),
              peer.orgFilter(),
              peer.interval().toMillis(),
              String.join(",", peer.trustedOrigins()),
              System.currentTimeMillis() * 1000L)
          .update();
    } catch (DataAccessException e) {
      throw failed("cannot save MISP peer " + peer.name(), e);
    }
  }

  public List<MispPeer> list() {
    try {
      return jdbc.sql("SELECT " + COLUMNS + " FROM misp_peers ORDER BY name")
          .query(MispPeerStore::peerOf)
          .list();
    } catch (DataAccessException e) {
      throw failed("cannot list MISP peers", e);
    }
  }

  public Optional<MispPeer> find(String name) {
    return list().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Removes the peer and its cursors; returns whether it existed. */
  public boolean remove(String name) {
    try {
      int removed = jdbc.sql("DELETE FROM misp_peers WHERE name = ?").param(name).update();
      jdbc.sql("DELETE FROM federation_cursors WHERE peer = ?").param(name).update();
      return removed > 0;
    } catch (DataAccessException e) {
      throw failed("cannot remove MISP peer " + name, e);
    }
  }

  private static IllegalStateException failed(String what, DataAccessException e) {
    return new IllegalStateException(what + ": " + e.getMostSpecificCause().getMessage(), e);
  }

  private static MispPeer peerOf(ResultSet rs, int row) throws SQLException {
    return new MispPeer(
        rs.getString(1),
        MispPeer.Type.parse(rs.getString(2)),
        rs.getString(3),
        URI.create(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Duration.ofMillis(rs.getLong(8)),
        Set.copyOf(List.of(rs.getString(9).split(","))));
  }
}
