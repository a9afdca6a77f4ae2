package dev.bulwark.node.federation;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The peers table. Thread-safe (each call uses its own connection). */
public final class PeerStore {
  private static final String COLUMNS =
      "name, nation, api_root, auth_user, auth_secret, trust_store, trust_password,"
          + " pull_collections, push_collections, interval_ms";

  private final DataSource dataSource;

  public PeerStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Adds a peer, or replaces the one with the same name. */
  public void put(Peer peer) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM peers WHERE name = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO peers ("
                      + COLUMNS
                      + ", created_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        delete.setString(1, peer.name());
        delete.executeUpdate();
        insert.setString(1, peer.name());
        insert.setString(2, peer.nation());
        insert.setString(3, peer.apiRoot().toString());
        insert.setString(4, peer.authUser());
        insert.setString(5, peer.authSecret());
        insert.setString(6, peer.trustStore());
        insert.setString(7, peer.trustPassword());
        insert.setString(8, String.join(",", peer.pull()));
        insert.setString(9, String.join(",", peer.push()));
        insert.setLong(10, peer.interval().toMillis());
        insert.setLong(11, System.currentTimeMillis() * 1000);
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save peer " + peer.name() + ": " + e.getMessage(), e);
    }
  }

  public List<Peer> list() {
    List<Peer> peers = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM peers ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        peers.add(peerOf(rs));
      }
      return peers;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list peers: " + e.getMessage(), e);
    }
  }

  public Optional<Peer> find(String name) {
    return list().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Removes the peer and its cursors; returns whether it existed. */
  public boolean remove(String name) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement peers = c.prepareStatement("DELETE FROM peers WHERE name = ?");
          PreparedStatement cursors =
              c.prepareStatement("DELETE FROM federation_cursors WHERE peer = ?")) {
        peers.setString(1, name);
        int removed = peers.executeUpdate();
        cursors.setString(1, name);
        cursors.executeUpdate();
        c.commit();
        return removed > 0;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove peer " + name + ": " + e.getMessage(), e);
    }
  }

  private static Peer peerOf(ResultSet rs) throws SQLException {
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
        Duration.ofMillis(rs.getLong(10)));
  }

  private static List<String> split(String csv) {
    return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
  }
}
