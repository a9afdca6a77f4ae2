package dev.bulwark.node.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anchors this node sent to its peers and received from them (table {@code audit_anchors}).
 * Thread-safe.
 */
public final class AnchorStore {
  /** Spring's JdbcClient: a few rows per peer and anchoring interval, off every hot path. */
  private final JdbcClient jdbc;

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
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * Records an anchor, unless the same one (direction, peer, seq and link) is recorded already; a
   * different link for a seq already anchored by that peer is recorded too, as evidence of a
   * rewrite. Returns whether it was new.
   */
  public boolean record(Exchanged e) {
    try {
      boolean known =
          jdbc.sql(
                  "SELECT 1 FROM audit_anchors WHERE direction = ? AND peer = ? AND seq = ? AND link = ?")
              .params(e.direction().label(), e.peer(), e.anchor().seq(), e.anchor().link())
              .query((rs, row) -> true)
              .optional()
              .isPresent();
      if (known) {
        return false;
      }
      jdbc.sql(
              "INSERT INTO audit_anchors"
                  + " (direction, peer, nation, seq, link, issued_us, at_us) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              e.direction().label(),
              e.peer(),
              e.nation(),
              e.anchor().seq(),
              e.anchor().link(),
              e.anchor().issuedMicros(),
              e.atMicros())
          .update();
      return true;
    } catch (DataAccessException ex) {
      throw new IllegalStateException(
          "cannot record an audit anchor: " + ex.getMostSpecificCause().getMessage(), ex);
    }
  }

  /** Anchors, oldest first, optionally of one direction and one peer. */
  public List<Exchanged> list(Optional<Direction> direction, Optional<String> peer) {
    String sql =
        "SELECT direction, peer, nation, seq, link, issued_us, at_us FROM audit_anchors WHERE 1 = 1"
            + (direction.isPresent() ? " AND direction = ?" : "")
            + (peer.isPresent() ? " AND peer = ?" : "")
            + " ORDER BY id";
    List<Object> params = new ArrayList<>(2);
    direction.ifPresent(d -> params.add(d.label()));
    peer.ifPresent(params::add);
    try {
      return jdbc.sql(sql)
          .params(params)
          .query(
              (rs, row) ->
                  new Exchanged(
                      Direction.parse(rs.getString(1)),
                      rs.getString(2),
                      rs.getString(3),
                      new Anchor(rs.getLong(4), rs.getString(5), rs.getLong(6)),
                      rs.getLong(7)))
          .list();
    } catch (DataAccessException ex) {
      throw new IllegalStateException(
          "cannot read the audit anchors: " + ex.getMostSpecificCause().getMessage(), ex);
    }
  }
}
