package dev.bulwark.node.misp;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The events MISP peers sent that this node refused ({@link MispPeerIntake}; table {@code
 * misp_refusals}, V50): which MISP event uuid and version, from which peer, where and why. Read by
 * the operator's command line and tests, never by a read endpoint. Thread-safe.
 */
public final class MispRefusals {
  private static final int MAX_TEXT = 2000;

  private final JdbcClient jdbc;

  public MispRefusals(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** One refused event version. */
  public record Refusal(
      String collection,
      String peer,
      String eventUuid,
      long eventTimestamp,
      String path,
      String reason) {}

  /** Records a refusal (the same event version refused again replaces its row). */
  public void record(
      String collection,
      String peer,
      String eventUuid,
      long eventTimestamp,
      String path,
      String reason) {
    try {
      jdbc.sql(
              "DELETE FROM misp_refusals WHERE collection_id = ? AND peer = ? AND event_uuid = ?"
                  + " AND event_timestamp = ?")
          .params(collection, peer, eventUuid, eventTimestamp)
          .update();
      jdbc.sql(
              "INSERT INTO misp_refusals (collection_id, peer, event_uuid, event_timestamp, path,"
                  + " reason, refused_us) VALUES (?,?,?,?,?,?,?)")
          .params(
              collection,
              peer,
              eventUuid,
              eventTimestamp,
              cut(path, 500),
              cut(reason, MAX_TEXT),
              System.currentTimeMillis() * 1000L)
          .update();
    } catch (DataAccessException e) {
      throw new IllegalStateException(
          "cannot record the refusal of MISP event " + eventUuid + ": " + e.getMessage(), e);
    }
  }

  /** The refusals of a collection, oldest event version first. */
  public List<Refusal> of(String collection) {
    return jdbc.sql(
            "SELECT collection_id, peer, event_uuid, event_timestamp, path, reason FROM"
                + " misp_refusals WHERE collection_id = ? ORDER BY event_timestamp, event_uuid, peer")
        .param(collection)
        .query(
            (rs, n) ->
                new Refusal(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
