package db.migration;

import dev.bulwark.node.store.ObjectKey;
import dev.bulwark.stix.markings.Tlp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Binds every marking-definition to its origin (issue 14, finding 3: marking-definition squatting).
 * Until now the node kept one definition per id for all collections, the first stored winning, and
 * resolved every object's refs against it: anyone could define, pre-empt or shadow another nation's
 * marking. From now on a definition is kept per (id, originating nation) with the principal that
 * added it, and an object's refs resolve only against definitions of its own origin.
 *
 * <p>Existing definitions get the origin and principal of the earliest {@code stix_objects} row
 * that carried exactly that definition. A definition no row carries any more (its object was
 * deleted) cannot be bound and is dropped: objects that named it now deny every reader (fail
 * closed). Then every marking-definition row of another origin that lost the old first-wins race is
 * bound to its own origin (the earliest row of each origin wins), so that, say, a definition pulled
 * from FIN that an EST contributor had pre-empted now resolves FIN's objects as FIN wrote it. TLP
 * ids are never kept: they resolve to the built-in definitions. A Java migration because of that
 * last rule and the per-row lookups; runs inside Flyway's transaction.
 */
public class V11__marking_definition_origins extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE marking_definitions RENAME TO marking_definitions_v10");
      s.execute(
          "CREATE TABLE marking_definitions ("
              + " id VARCHAR(300) NOT NULL,"
              + " origin_nation VARCHAR(16) NOT NULL,"
              + " added_by VARCHAR(200) NOT NULL,"
              + " json VARCHAR NOT NULL,"
              + " CONSTRAINT marking_definitions_by_origin PRIMARY KEY (id, origin_nation))");
    }
    bindKept(c);
    bindOthers(c);
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE marking_definitions_v10");
    }
  }

  /** The definitions the old table kept, bound to the row that brought them. */
  private static void bindKept(Connection c) throws Exception {
    List<String[]> kept = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, json FROM marking_definitions_v10")) {
      while (rs.next()) {
        kept.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    try (PreparedStatement carrier =
        c.prepareStatement(
            "SELECT origin_nation, added_by FROM stix_objects WHERE id_key = ? AND object_id = ?"
                + " AND json = ? ORDER BY date_added_us LIMIT 1")) {
      for (String[] d : kept) {
        if (Tlp.fromMarkingId(d[0]).isPresent()) {
          continue;
        }
        carrier.setLong(1, ObjectKey.of(d[0]));
        carrier.setString(2, d[0]);
        carrier.setString(3, d[1]);
        try (ResultSet rs = carrier.executeQuery()) {
          if (rs.next()) {
            insert(c, d[0], rs.getString(1), rs.getString(2), d[1]);
          }
        }
      }
    }
  }

  /** Marking-definition rows of origins that hold no definition of their id yet, earliest first. */
  private static void bindOthers(Connection c) throws Exception {
    List<String> collections = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM collections ORDER BY id")) {
      while (rs.next()) {
        collections.add(rs.getString(1));
      }
    }
    List<String[]> rows = new ArrayList<>();
    // by collection and type, so that the index stix_objects_by_type serves the scan
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT date_added_us, object_id, origin_nation, added_by, json FROM stix_objects"
                + " WHERE collection_id = ? AND object_type = 'marking-definition'")) {
      for (String collection : collections) {
        s.setString(1, collection);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new String[] {
                  Long.toString(rs.getLong(1)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)
                });
          }
        }
      }
    }
    rows.sort((a, b) -> Long.compare(Long.parseLong(a[0]), Long.parseLong(b[0])));
    for (String[] r : rows) {
      if (Tlp.fromMarkingId(r[1]).isEmpty()) {
        insert(c, r[1], r[2], r[3], r[4]);
      }
    }
  }

  /** Adds the definition unless its origin already holds one of that id (never replaced). */
  private static void insert(Connection c, String id, String origin, String addedBy, String json)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO marking_definitions (id, origin_nation, added_by, json) SELECT ?, ?, ?, ?"
                + " WHERE NOT EXISTS"
                + " (SELECT 1 FROM marking_definitions WHERE id = ? AND origin_nation = ?)")) {
      s.setString(1, id);
      s.setString(2, origin);
      s.setString(3, addedBy);
      s.setString(4, json);
      s.setString(5, id);
      s.setString(6, origin);
      s.executeUpdate();
    }
  }
}
