package dev.bulwark.node.audit;

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
 * The anchors this node sent to its peers and received from them (table {@code audit_anchors}).
 * Thread-safe.
 */
public final class AnchorStore {
  private final DataSource dataSource;

  /** Sent: this node's head, as sent to a peer; received: a peer's head, as it sent it here. */
  public enum Direction {
    SENT,
    RECEIVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One anchor exchanged.
   *
   * @param peer the peer's name here (sent) or the principal it authenticated as (received)
   * @param nation the peer's nation
   * @param atMicros when it was sent or received
   */
  public record Exchanged(
      Direction direction, String peer, String nation, Anchor anchor, long atMicros) {}

  public AnchorStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records an anchor, unless the same one (direction, peer, seq and link) is recorded already; a
   * different link for a seq already anchored by that peer is recorded too, as evidence of a
   * rewrite. Returns whether it was new.
   */
  public boolean record(Exchanged e) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT 1 FROM audit_anchors WHERE direction = ? AND peer = ? AND seq = ? AND link = ?")) {
        s.setString(1, e.direction().label());
        s.setString(2, e.peer());
        s.setLong(3, e.anchor().seq());
        s.setString(4, e.anchor().link());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO audit_anchors"
                  + " (direction, peer, nation, seq, link, issued_us, at_us) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, e.direction().label());
        s.setString(2, e.peer());
        s.setString(3, e.nation());
        s.setLong(4, e.anchor().seq());
        s.setString(5, e.anchor().link());
        s.setLong(6, e.anchor().issuedMicros());
        s.setLong(7, e.atMicros());
        s.executeUpdate();
      }
      return true;
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot record an audit anchor: " + ex.getMessage(), ex);
    }
  }

  /** Anchors, oldest first, optionally of one direction and one peer. */
  public List<Exchanged> list(Optional<Direction> direction, Optional<String> peer) {
    String sql =
        "SELECT direction, peer, nation, seq, link, issued_us, at_us FROM audit_anchors WHERE 1 = 1"
            + (direction.isPresent() ? " AND direction = ?" : "")
            + (peer.isPresent() ? " AND peer = ?" : "")
            + " ORDER BY id";
    List<Exchanged> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int p = 1;
      if (direction.isPresent()) {
        s.setString(p++, direction.get().label());
      }
      if (peer.isPresent()) {
        s.setString(p, peer.get());
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Exchanged(
                  Direction.parse(rs.getString(1)),
                  rs.getString(2),
                  rs.getString(3),
                  new Anchor(rs.getLong(4), rs.getString(5), rs.getLong(6)),
                  rs.getLong(7)));
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read the audit anchors: " + ex.getMessage(), ex);
    }
  }
}
