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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The MISP bridge's own tables (V40): the events each collection holds with their MISP timestamp,
 * the (STIX id, MISP uuid) table and each imported event's loss report. An event's rows are written
 * on the connection of the transaction that stores its STIX objects ({@link #write}), so they never
 * disagree. Thread-safe.
 *
 * <p>The uuid table keeps only what cannot be derived: an object of one of the {@link
 * #OWN_UUID_KINDS} is always made from the MISP thing whose uuid its id carries ({@code
 * indicator--U} from attribute U), so it has no row and is answered from the object the collection
 * holds; rows remain for the others (SCOs with deterministic ids, galaxy SDOs, relationships), the
 * first MISP uuid of a STIX id winning. This was two of the 3.3 rows written per attribute (a third
 * of an import's CPU, mispperf's profile).
 */
public final class MispStore {
  private static final int CHUNK = 500;

  /**
   * STIX types whose ids the MISP mapping makes from the uuid of the MISP thing they stand for
   * (event, attribute, object, event report), never from another thing's uuid: their links are
   * derived, not stored.
   */
  public static final Set<String> OWN_UUID_KINDS =
      Set.of("report", "grouping", "indicator", "observed-data", "note");

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

  /**
   * The MISP uuids these STIX ids were made from, by STIX id (those without one are absent): an id
   * of an {@link #OWN_UUID_KINDS own-uuid kind} the collection holds stands for the uuid it
   * carries; the others are looked up in the table.
   */
  public Map<String, UuidLink> linksOf(String collectionId, Collection<String> stixIds) {
    Map<String, UuidLink> result = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(stixIds));
    List<String> own = all.stream().filter(MispStore::ownUuidKind).toList();
    List<String> others = all.stream().filter(id -> !ownUuidKind(id)).toList();
    try (Connection c = dataSource.getConnection()) {
      for (String id : held(c, collectionId, own)) {
        result.put(id, derived(id));
      }
      for (List<String> chunk : chunks(others)) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT stix_id, misp_uuid, misp_kind FROM misp_uuids WHERE collection_id = ?"
                    + " AND stix_id IN ("
                    + marks(chunk)
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

  /** The STIX ids made from this MISP uuid in a collection, in order. */
  public List<String> stixIdsOf(String collectionId, String mispUuid) {
    Set<String> result = new TreeSet<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> own = OWN_UUID_KINDS.stream().map(k -> k + "--" + mispUuid).toList();
      result.addAll(held(c, collectionId, own));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT stix_id FROM misp_uuids WHERE collection_id = ? AND misp_uuid = ?")) {
        s.setString(1, collectionId);
        s.setString(2, mispUuid);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            result.add(rs.getString(1));
          }
        }
      }
      return List.copyOf(result);
    } catch (SQLException e) {
      throw new StoreException("cannot read the MISP uuid table of " + collectionId, e);
    }
  }

  /** Which of these object ids the collection holds (any version, any origin). */
  private static Set<String> held(Connection c, String collectionId, List<String> ids)
      throws SQLException {
    Set<String> held = new HashSet<>();
    for (List<String> chunk : chunks(ids)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT DISTINCT object_id FROM stix_objects WHERE object_id IN ("
                  + marks(chunk)
                  + ") AND collection_id = ?")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setString(i + 1, chunk.get(i));
        }
        s.setString(chunk.size() + 1, collectionId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            held.add(rs.getString(1));
          }
        }
      }
    }
    return held;
  }

  private static List<List<String>> chunks(List<String> all) {
    List<List<String>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return out;
  }

  private static String marks(List<String> chunk) {
    return String.join(",", Collections.nCopies(chunk.size(), "?"));
  }

  /** Whether the id's type is one whose MISP uuid is the uuid the id carries. */
  static boolean ownUuidKind(String stixId) {
    int sep = stixId.indexOf("--");
    return sep > 0 && OWN_UUID_KINDS.contains(stixId.substring(0, sep));
  }

  private static UuidLink derived(String stixId) {
    int sep = stixId.indexOf("--");
    return new UuidLink(stixId, stixId.substring(sep + 2), stixId.substring(0, sep));
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

  /**
   * Writes the links that cannot be derived. A link of an own-uuid kind is never a row: it is
   * derived on read, and one naming another uuid than its id carries (which the mapping never
   * makes) loses to the derived one, as a later MISP uuid of a STIX id always does.
   */
  private static void writeLinks(Connection c, String collectionId, List<UuidLink> all)
      throws SQLException {
    List<UuidLink> links = all.stream().filter(l -> !ownUuidKind(l.stixId())).toList();
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
