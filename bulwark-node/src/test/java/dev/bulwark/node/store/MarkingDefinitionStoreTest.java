package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marking-definitions in the store are bound to the origin and principal that added them, are never
 * replaced, and resolve only the objects of their own origin (issue 14, finding 3), on every
 * database the node supports; and migration 11 binds the definitions of a store written before.
 */
class MarkingDefinitionStoreTest {
  static final Provenance EST = new Provenance("EST", "analyst-est");
  static final Provenance FIN = new Provenance("FIN", "peer:fin");
  static final String CREATOR = "identity--7d1c0b5e-3f2a-4e8b-9c6d-0a1b2c3d4e5f";
  static final String CREATED = "2026-11-28T00:00:00.000Z";

  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  static StixObject releasableTo(String... nations) {
    return ReleasabilityMarking.markingDefinition(
        Releasability.toNations(nations), CREATOR, CREATED);
  }

  /** The same id as {@code d}, another list: what a squatter posts. */
  static StixObject sameIdOtherList(StixObject d, String... nations) {
    ObjectNode json = releasableTo(nations).json();
    json.put("id", d.id());
    return StixObject.of(json);
  }

  static NewObject campaign(String... markingRefs) {
    StringBuilder json =
        new StringBuilder(
            "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"campaign--"
                + UUID.randomUUID()
                + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                + "\"name\":\"c\",\"object_marking_refs\":[");
    for (int i = 0; i < markingRefs.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(markingRefs[i]).append('"');
    }
    return NewObject.from(
        StixObject.of(
            (ObjectNode) JsonMapper.builder().build().readTree(json.append("]}").toString())));
  }

  static ObjectStore store(HikariDataSource ds) {
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    for (String c : List.of("intel", "pulled", "other")) {
      store.ensureCollection(new CollectionInfo(c, c, "test", Set.of()));
    }
    return store;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDefinitionIsBoundToTheOriginAndPrincipalThatAddedIt(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      StixObject d = releasableTo("DEU");
      store.add("intel", NewObject.from(d), EST);

      assertThat(store.markingDefinition(d.id(), "EST")).isPresent();
      assertThat(store.markingDefinition(d.id(), "FIN")).isEmpty();
      assertThat(store.markingDefinitionsHeld(List.of(d.id())))
          .containsExactly(
              new ObjectStore.MarkingDefinition(d.id(), "EST", "analyst-est", d.toJson()));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDefinitionIsNeverReplacedNotEvenByItsOwnOrigin(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      StixObject d = releasableTo("DEU");
      StixObject wider = sameIdOtherList(d, "DEU", "UKR");
      store.add("intel", NewObject.from(d), EST);
      // in another collection the object row is new, but the definition stays the first one
      store.add("other", NewObject.from(wider), new Provenance("EST", "analyst-2"));
      // and within one batch the first one wins too
      StixObject fresh = releasableTo("POL");
      store.addAll(
          "intel",
          List.of(NewObject.from(fresh), NewObject.from(sameIdOtherList(fresh, "NATO"))),
          EST);

      assertThat(store.markingDefinition(d.id(), "EST")).hasValue(d.toJson());
      assertThat(store.markingDefinition(fresh.id(), "EST")).hasValue(fresh.toJson());
      assertThat(store.markingDefinitionsHeld(List.of(d.id(), fresh.id())))
          .extracting(ObjectStore.MarkingDefinition::addedBy)
          .containsOnly("analyst-est");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anotherOriginsDefinitionOfTheSameIdIsKeptApartAndMarksOnlyThatOriginsObjects(
      TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      StixObject finOwn = releasableTo("NATO");
      StixObject squat = sameIdOtherList(finOwn, "NATO", "UKR");
      NewObject estObject = campaign(finOwn.id());
      NewObject finObject = campaign(Tlp.AMBER.markingDefinitionId(), finOwn.id());
      // an EST contributor stores FIN's id first; then FIN's definition and object arrive by a pull
      store.addAll("intel", List.of(NewObject.from(squat), estObject), EST);
      store.addAll("pulled", List.of(NewObject.from(finOwn), finObject), FIN);

      assertThat(store.markingDefinition(finOwn.id(), "EST")).hasValue(squat.toJson());
      assertThat(store.markingDefinition(finOwn.id(), "FIN")).hasValue(finOwn.toJson());
      AccessPolicy policy = new AccessPolicy(store);
      StoredObject fin = store.versions("pulled", finObject.objectId(), ReadFilter.SYSTEM).get(0);
      StoredObject est = store.versions("intel", estObject.objectId(), ReadFilter.SYSTEM).get(0);
      assertThat(policy.mayRead(Reader.of("UKR"), fin, ReleaseRule.ORIGIN_ONLY)).isFalse();
      assertThat(policy.mayRead(Reader.of("DEU"), fin, ReleaseRule.ORIGIN_ONLY)).isTrue();
      // the squatter's definition marks only its own nation's objects
      assertThat(policy.mayRead(Reader.of("UKR"), est, ReleaseRule.ORIGIN_ONLY)).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void tlpIdsAreNeverKeptAsDefinitionsTheyResolveToTheBuiltInOnes(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      ObjectNode fakeClear = releasableTo("UKR").json();
      fakeClear.put("id", Tlp.AMBER.markingDefinitionId());
      store.add("intel", NewObject.from(StixObject.of(fakeClear)), EST);

      assertThat(store.markingDefinitionsHeld(List.of(Tlp.AMBER.markingDefinitionId()))).isEmpty();
      assertThat(new AccessPolicy(store).resolve(Tlp.AMBER.markingDefinitionId(), "EST"))
          .hasValue(Tlp.AMBER.definition());
    }
  }

  static Stream<String> databaseNames() {
    return TestDatabases.postgresUrl().isEmpty() ? Stream.of("H2") : Stream.of("H2", "PostgreSQL");
  }

  private static HikariDataSource unmigrated(String db, Path home) throws Exception {
    HikariConfig config = new HikariConfig();
    if (db.equals("H2")) {
      Files.createDirectories(home.resolve("db"));
      config.setJdbcUrl(NodeDatabase.defaultUrl(home));
      config.setUsername("bulwark");
      config.setPassword("");
    } else {
      String url = TestDatabases.postgresUrl();
      String schema = "v11_" + UUID.randomUUID().toString().replace("-", "");
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
  @MethodSource("databaseNames")
  void migrationElevenBindsEachDefinitionToTheRowThatBroughtIt(String db, @TempDir Path home)
      throws Exception {
    StixObject kept = releasableTo("DEU");
    StixObject squat = releasableTo("POL");
    StixObject lostToTheSquatter = sameIdOtherList(squat, "NATO");
    StixObject deleted = releasableTo("LVA");
    try (HikariDataSource ds = unmigrated(db, home)) {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .target("10")
          .load()
          .migrate();
      try (Connection c = ds.getConnection()) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "INSERT INTO collections (id, title, description, default_nations, created_us)"
                  + " VALUES ('intel', 'Intel', 'test', '', 1)");
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO stix_objects (date_added_us, collection_id, object_id, id_key, object_type, version,"
                    + " version_us, spec_version, origin_nation, added_by, marking_refs, json)"
                    + " VALUES (?, 'intel', ?, ?, 'marking-definition', ?, 0, '2.1', ?, ?, '', ?)")) {
          Object[][] rows = {
            {kept, "EST", "analyst-est"},
            {squat, "EST", "squatter"},
            {lostToTheSquatter, "FIN", "peer:fin"},
            {StixObject.of(tlpCopy()), "EST", "analyst-est"},
          };
          long added = 1_000;
          for (Object[] r : rows) {
            StixObject o = (StixObject) r[0];
            s.setLong(1, added++);
            s.setString(2, o.id());
            s.setLong(3, ObjectKey.of(o.id()));
            s.setString(4, CREATED);
            s.setString(5, (String) r[1]);
            s.setString(6, (String) r[2]);
            s.setString(7, o.toJson());
            s.addBatch();
          }
          s.executeBatch();
        }
        // what the old first-wins table held: one per id, whoever came first
        try (PreparedStatement s =
            c.prepareStatement("INSERT INTO marking_definitions (id, json) VALUES (?, ?)")) {
          for (StixObject o : List.of(kept, squat, deleted, StixObject.of(tlpCopy()))) {
            s.setString(1, o.id());
            s.setString(2, o.toJson());
            s.addBatch();
          }
          s.executeBatch();
        }
      }

      NodeDatabase.migrate(ds);

      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      assertThat(
              store.markingDefinitionsHeld(
                  List.of(kept.id(), squat.id(), deleted.id(), Tlp.GREEN.markingDefinitionId())))
          .containsExactlyInAnyOrder(
              new ObjectStore.MarkingDefinition(kept.id(), "EST", "analyst-est", kept.toJson()),
              new ObjectStore.MarkingDefinition(squat.id(), "EST", "squatter", squat.toJson()),
              new ObjectStore.MarkingDefinition(
                  squat.id(), "FIN", "peer:fin", lostToTheSquatter.toJson()));
      // never replaced after the migration either
      store.add("intel", NewObject.from(sameIdOtherList(kept, "UKR")), EST);
      assertThat(store.markingDefinition(kept.id(), "EST")).hasValue(kept.toJson());
    }
  }

  private static ObjectNode tlpCopy() {
    ObjectNode json = releasableTo("UKR").json();
    json.put("id", Tlp.GREEN.markingDefinitionId());
    return json;
  }
}
