package dev.bulwark.node.misp;

import dev.bulwark.node.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The MISP bridge's own tables (V40): the events each collection holds with their MISP timestamp,
 * the (STIX id, MISP uuid) table and each imported event's loss report. An event's rows are written
 * on the connection of the transaction that stores its STIX objects ({@link #write}), so they never
 * disagree. Thread-safe.
 */
public final class MispStore {
  private static final int CHUNK = 500;

  private final DataSource dataSource;

  public MispStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One MISP event as held: its uuid, timestamp, organisation and the nation it counts for, the
   * STIX report or grouping it became, and its counts.
   */
  public record HeldEvent(
      String collectionId,
      String eventUuid,
      long timestamp,
      String org,
      String originNation,
      String stixId,
      int attributes,
      int objects,
      int lost) {}

  /** One row of the uuid table: a STIX object made from the MISP thing with this uuid. */
  public record UuidLink(String stixId, String mispUuid, String mispKind) {}

  /** One entry of a loss report: where in the MISP event and why it could not be carried. */
  public record Loss(String path, String reason) {}

  /** Every event a collection holds, by event uuid (one query: what a re-import skips). */
  public Map<String, HeldEvent> held(String collectionId) {
    Map<String, HeldEvent> held = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT event_uuid, event_timestamp, org, origin_nation, stix_id, attributes,"
                    + " objects, lost FROM misp_events WHERE collection_id = ?")) {
      s.setString(1, collectionId);
      s.setFetchSize(5_000);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          held.put(
              rs.getString(1),
              new HeldEvent(
                  collectionId,
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getInt(8)));
        }
      }
      return held;
    } catch (SQLException e) {
      throw new StoreException("cannot read the MISP events of " + collectionId, e);
    }
  }

  /** The held event with this uuid, if any. */
  public Optional<HeldEvent> event(String collectionId, String eventUuid) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT event_timestamp, org, origin_nation, stix_id, attributes, objects, lost"
                    + " FROM misp_events WHERE collection_id = ? AND event_uuid = ?")) {
      s.setString(1, collectionId);
      s.setString(2, eventUuid);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new HeldEvent(
                collectionId,
                eventUuid,
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read MISP event " + eventUuid, e);
    }
  }

  /** The MISP uuids these STIX ids were made from, by STIX id (those without one are absent). */
  public Map<String, UuidLink> linksOf(String collectionId, Collection<String> stixIds) {
    Map<String, UuidLink> result = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(stixIds));
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT stix_id, misp_uuid, misp_kind FROM misp_uuids WHERE collection_id = ?"
                    + " AND stix_id IN ("
                    + marks
                    + ")")) {
          s.setString(1, collectionId);
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              result.put(
                  rs.getString(1), new UuidLink(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read the MISP uuid table of " + collectionId, e);
    }
  }

  /** The STIX ids made from this MISP uuid in a collection. */
  public List<String> stixIdsOf(String collectionId, String mispUuid) {
    List<String> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT stix_id FROM misp_uuids WHERE collection_id = ? AND misp_uuid = ?"
                    + " ORDER BY stix_id")) {
      s.setString(1, collectionId);
      s.setString(2, mispUuid);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.add(rs.getString(1));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read the MISP uuid table of " + collectionId, e);
    }
  }

  /** The loss report of the held version of an event, in order. */
  public List<Loss> losses(String collectionId, String eventUuid) {
    List<Loss> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT path, reason FROM misp_losses WHERE collection_id = ? AND event_uuid = ?"
                    + " AND event_timestamp = (SELECT event_timestamp FROM misp_events"
                    + " WHERE collection_id = ? AND event_uuid = ?) ORDER BY seq")) {
      s.setString(1, collectionId);
      s.setString(2, eventUuid);
      s.setString(3, collectionId);
      s.setString(4, eventUuid);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.add(new Loss(rs.getString(1), rs.getString(2)));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read the loss report of " + eventUuid, e);
    }
  }

  /**
   * Writes an event's rows on {@code c}, in the caller's transaction: the event (replacing an older
   * version), its new uuid links and its loss report. Links already held are left as they are.
   */
  public static void write(Connection c, HeldEvent event, List<UuidLink> links, List<Loss> losses)
      throws SQLException {
    try (PreparedStatement d =
        c.prepareStatement("DELETE FROM misp_events WHERE collection_id = ? AND event_uuid = ?")) {
      d.setString(1, event.collectionId());
      d.setString(2, event.eventUuid());
      d.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO misp_events (collection_id, event_uuid, event_timestamp, org,"
                + " origin_nation, stix_id, attributes, objects, lost, imported_us)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, event.collectionId());
      s.setString(2, event.eventUuid());
      s.setLong(3, event.timestamp());
      s.setString(4, cut(event.org(), 300));
      s.setString(5, event.originNation());
      s.setString(6, event.stixId());
      s.setInt(7, event.attributes());
      s.setInt(8, event.objects());
      s.setInt(9, event.lost());
      s.setLong(10, System.currentTimeMillis() * 1000L);
      s.executeUpdate();
    }
    writeLinks(c, event.collectionId(), links);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO misp_losses (collection_id, event_uuid, event_timestamp, seq, path,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)")) {
      int seq = 0;
      for (Loss l : losses) {
        s.setString(1, event.collectionId());
        s.setString(2, event.eventUuid());
        s.setLong(3, event.timestamp());
        s.setInt(4, seq++);
        s.setString(5, cut(l.path(), 500));
        s.setString(6, cut(l.reason(), 2000));
        s.addBatch();
      }
      if (seq > 0) {
        s.executeBatch();
      }
    }
  }

  private static void writeLinks(Connection c, String collectionId, List<UuidLink> links)
      throws SQLException {
    if (links.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO misp_uuids (collection_id, stix_id, misp_uuid, misp_kind)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (UuidLink l : links) {
        s.setString(1, collectionId);
        s.setString(2, l.stixId());
        s.setString(3, l.mispUuid());
        s.setString(4, cut(l.mispKind(), 32));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
