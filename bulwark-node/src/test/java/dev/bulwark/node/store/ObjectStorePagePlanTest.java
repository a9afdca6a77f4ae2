package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A TAXII page must cost the same at the end of a collection of millions as at its start: the page
 * statement has to read rows in index order instead of sorting every row after the cursor (which
 * made H2 pages take seconds on a large collection: its plan sorted the rest of the collection into
 * a temporary result for every page). Asks each database for the plan of the statements {@link
 * ObjectStore#page} runs, and checks that several {@code match[type]} values, read as one index
 * range per type and merged, still page in date_added order exactly once.
 */
class ObjectStorePagePlanTest {
  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  static NewObject object(String type, int n) {
    String id = type + "--00000000-0000-4000-8000-" + String.format("%012d", n);
    String json =
        "{\"type\":\""
            + type
            + "\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"x\"}";
    return new NewObject(
        id,
        type,
        "2024-01-01T00:00:00.000Z",
        NewObject.micros("2024-01-01T00:00:00.000Z"),
        "2.1",
        List.of(),
        json);
  }

  private static List<String> plan(Connection c, String sql, boolean postgres, Object... params)
      throws Exception {
    List<String> lines = new ArrayList<>();
    if (postgres) {
      // with sorting and sequential scans priced out, a plan without Sort proves index order is
      // usable
      try (Statement s = c.createStatement()) {
        s.execute("SET enable_sort = off");
        s.execute("SET enable_seqscan = off");
      }
    }
    try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    return lines;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void pageStatementsReadInIndexOrder(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open();
        Connection c = ds.getConnection()) {
      boolean postgres = db.name().equals("PostgreSQL");
      ObjectQuery all = ObjectQuery.all("intel", 1000);
      ObjectQuery indicators =
          new ObjectQuery("intel", 0L, Set.of("indicator"), Set.of(), Set.of(), 1000);
      List<String> whole = plan(c, ObjectStore.pageSql(Set.of(), all), postgres, "intel", 0L, 1001);
      List<String> typed =
          plan(
              c,
              ObjectStore.pageSql(Set.of("indicator"), indicators),
              postgres,
              "intel",
              "indicator",
              0L,
              1001);
      for (List<String> p : List.of(whole, typed)) {
        String text = String.join("\n", p);
        if (postgres) {
          assertThat(text).as(text).contains("Index").doesNotContain("Sort");
        } else {
          assertThat(text).as(text).contains("/* index sorted */");
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void severalTypesPageInDateAddedOrderExactlyOnce(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      store.ensureCollection(new CollectionInfo("intel", "Intel", "test", Set.of()));
      List<NewObject> objects = new ArrayList<>();
      String[] types = {
        "indicator", "malware", "campaign", "malware", "indicator", "indicator", "campaign"
      };
      for (int i = 0; i < 140; i++) {
        objects.add(object(types[i % types.length], i));
      }
      List<AddOutcome> stored = store.addAll("intel", objects, new Provenance("EST", "analyst-1"));
      // date_added order (within the one transaction, identifier-key order, not the order sent)
      List<String> expected =
          stored.stream()
              .sorted(Comparator.comparingLong(AddOutcome::dateAddedMicros))
              .map(AddOutcome::objectId)
              .filter(id -> !id.startsWith("campaign--"))
              .toList();

      for (int limit : new int[] {1, 7, 40, 1000}) {
        List<String> walked = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        int pages = 0;
        while (more) {
          Page page =
              store.page(
                  new ObjectQuery(
                      "intel", cursor, Set.of("indicator", "malware"), Set.of(), Set.of(), limit),
                  ReadFilter.SYSTEM);
          page.items().forEach(o -> walked.add(o.objectId()));
          assertThat(page.items().size()).isLessThanOrEqualTo(limit);
          cursor = page.scannedUpToMicros();
          more = page.more();
          pages++;
        }
        assertThat(walked).as("limit " + limit).containsExactlyElementsOf(expected);
        // more is false on the last full page: no empty page after it
        assertThat(pages).as("limit " + limit).isEqualTo((expected.size() + limit - 1) / limit);
      }
    }
  }
}
