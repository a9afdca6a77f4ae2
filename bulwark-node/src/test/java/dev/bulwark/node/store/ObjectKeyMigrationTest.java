package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store written before migration 9 (objects found by an index over identifier strings) keeps
 * every object after it: each row gets its {@link ObjectKey}, reads and duplicate checks by
 * identifier work on the old rows, and migration 10 lists the old objects that have several
 * versions.
 */
class ObjectKeyMigrationTest {
  static Stream<String> databases() {
    String pg = TestDatabases.postgresUrl();
    return pg.isEmpty() ? Stream.of("H2") : Stream.of("H2", "PostgreSQL");
  }

  private static HikariDataSource unmigrated(String db) throws Exception {
    HikariConfig config = new HikariConfig();
    if (db.equals("H2")) {
      Path home = TempDirs.create("bulwark-v9-");
      Files.createDirectories(home.resolve("db"));
      config.setJdbcUrl(NodeDatabase.defaultUrl(home));
      config.setUsername("bulwark");
      config.setPassword("");
    } else {
      String url = TestDatabases.postgresUrl();
      String schema = "v9_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void rowsWrittenBeforeTheKeysExistAreFoundByIdentifierAfterwards(String db) throws Exception {
    try (HikariDataSource ds = unmigrated(db)) {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .target("8")
          .load()
          .migrate();
      List<NewObject> old = new ArrayList<>();
      try (Connection c = ds.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO stix_objects (date_added_us, collection_id, object_id, object_type,"
                      + " version, version_us, spec_version, origin_nation, added_by, marking_refs, json)"
                      + " VALUES (?, 'intel', ?, 'indicator', ?, ?, '2.1', 'EST', 'analyst-1', '', ?)")) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "INSERT INTO collections (id, title, description, default_nations, created_us)"
                  + " VALUES ('intel', 'Intel', 'test', '', 1)");
        }
        // more rows than one page of the migration, in two versions each for some
        for (int i = 0; i < 12_000; i++) {
          String modified = i % 3 == 0 ? "2024-02-01T00:00:00.000Z" : "2024-01-01T00:00:00.000Z";
          NewObject o = ObjectStoreTest.indicator(String.format("%012d", i % 10_000), modified);
          if (i >= 10_000 && i % 3 != 0) {
            continue;
          }
          old.add(o);
          s.setLong(1, 1_000 + i);
          s.setString(2, o.objectId());
          s.setString(3, o.version());
          s.setLong(4, o.versionMicros());
          s.setString(5, o.json());
          s.addBatch();
        }
        s.executeBatch();
      }

      NodeDatabase.migrate(ds);

      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT object_id, id_key FROM stix_objects")) {
        int rows = 0;
        while (rs.next()) {
          assertThat(rs.getLong(2)).isEqualTo(ObjectKey.of(rs.getString(1)));
          rows++;
        }
        assertThat(rows).isEqualTo(old.size());
      }
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      NewObject some = old.get(3);
      assertThat(store.versions("intel", some.objectId(), ReadFilter.SYSTEM)).isNotEmpty();
      assertThat(store.headersOf(List.of(some.objectId())))
          .extracting(StoredObject::objectId)
          .containsOnly(some.objectId());
      // every old version is seen as held; a new version is stored after the newest old row
      List<AddOutcome> again = store.addAll("intel", old.subList(0, 500), ObjectStoreTest.EST);
      assertThat(again).extracting(AddOutcome::status).containsOnly(AddOutcome.Status.DUPLICATE);
      AddOutcome fresh =
          store.add(
              "intel",
              ObjectStoreTest.indicator("000000000007", "2024-03-01T00:00:00.000Z"),
              ObjectStoreTest.EST);
      assertThat(fresh.status()).isEqualTo(AddOutcome.Status.STORED);
      assertThat(fresh.dateAddedMicros()).isGreaterThan(1_000 + 12_000);
      // id ...002 has two old versions (rows 2 and 10,002): migration 10 lists it as having several
      String twoOld =
          ObjectStoreTest.indicator(String.format("%012d", 2), "2024-01-01T00:00:00.000Z")
              .objectId();
      String oneOld =
          ObjectStoreTest.indicator(String.format("%012d", 4), "2024-01-01T00:00:00.000Z")
              .objectId();
      assertThat(store.withSeveralVersions(Set.of(twoOld, oneOld, fresh.objectId())))
          .containsExactlyInAnyOrder(twoOld, fresh.objectId());
    }
  }

  @Test
  void theKeyIsTheFirstSixtyFourBitsOfTheSha256OfTheIdentifier() {
    // the key is part of the stored data, so it must never change by accident; the value was worked
    // out outside Java: struct.unpack(">q", hashlib.sha256(id.encode()).digest()[:8]) in Python
    assertThat(ObjectKey.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))
        .isEqualTo(6168651158153753085L);
  }
}
