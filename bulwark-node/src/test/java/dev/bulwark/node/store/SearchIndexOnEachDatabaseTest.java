package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.store.SearchQuery.Hit;
import dev.bulwark.node.store.SearchQuery.Order;
import dev.bulwark.stix.StixCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workbench search on each database through its one interface: Lucene beside H2, PostgreSQL's
 * full text on PostgreSQL. Both find the same objects by name, description, pattern value, label,
 * alias, external id and observable value, filter, page by keyset without skipping or repeating,
 * keep one document per object at its newest version, follow every write and rebuild from nothing.
 */
class SearchIndexOnEachDatabaseTest {
  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private static final StixCodec CODEC = new StixCodec();

  static SearchIndex engineFor(HikariDataSource ds) throws Exception {
    ObjectRows rows = new ObjectRows(ds);
    if (ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      return new PostgresSearchIndex(rows);
    }
    Path folder = TempDirs.create("bulwark-test-search-");
    return new LuceneSearchIndex(rows, Optional.of(folder));
  }

  static NewObject object(String json) throws Exception {
    return NewObject.from(CODEC.parseObject(json));
  }

  static final String MALWARE =
      "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--6b616fc1-1505-48e3-8b2c-0d19337bff38\","
          + "\"created\":\"2025-01-01T00:00:00.000Z\",\"modified\":\"2025-01-01T00:00:00.000Z\","
          + "\"name\":\"Poison Ivy\",\"is_family\":true,\"aliases\":[\"Darkmoon\"],"
          + "\"labels\":[\"remote-access-trojan\"],"
          + "\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\"S0012\"}]}";

  static final String INDICATOR =
      "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
          + "\"created\":\"2025-01-02T00:00:00.000Z\",\"modified\":\"2025-01-02T00:00:00.000Z\","
          + "\"name\":\"C2 address\",\"description\":\"Beacons seen at the harbour authority\","
          + "\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":\"stix\","
          + "\"valid_from\":\"2025-01-02T00:00:00Z\"}";

  static final String VULNERABILITY =
      "{\"type\":\"vulnerability\",\"spec_version\":\"2.1\",\"id\":\"vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\","
          + "\"created\":\"2025-01-03T00:00:00.000Z\",\"modified\":\"2025-01-03T00:00:00.000Z\","
          + "\"name\":\"Log4Shell\",\"external_references\":[{\"source_name\":\"cve\",\"external_id\":\"CVE-2021-44228\"}]}";

  static final String DOMAIN =
      "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5\","
          + "\"value\":\"evil.example.org\"}";

  static final String RELATIONSHIP =
      "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad\","
          + "\"created\":\"2025-01-04T00:00:00.000Z\",\"modified\":\"2025-01-04T00:00:00.000Z\","
          + "\"relationship_type\":\"indicates\","
          + "\"source_ref\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
          + "\"target_ref\":\"malware--6b616fc1-1505-48e3-8b2c-0d19337bff38\"}";

  static List<String> ids(ObjectRows rows, List<Long> keys) {
    return rows.byDateAdded(keys, ReadFilter.SYSTEM).stream().map(StoredObject::objectId).toList();
  }

  static List<String> find(SearchIndex index, ObjectRows rows, SearchQuery q) {
    return ids(rows, index.search(q, 100).stream().map(Hit::dateAddedMicros).toList());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theEngineFindsObjectsByEveryIndexedFieldAndFollowsEveryWrite(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open();
        SearchIndex index = engineFor(ds)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      ObjectRows rows = new ObjectRows(ds);
      store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
      store.addAll(
          "intel",
          List.of(object(MALWARE), object(INDICATOR), object(VULNERABILITY), object(DOMAIN)),
          new Provenance("EST", "test"));
      assertThat(index.catchUp()).isEqualTo(4);
      String malware = "malware--6b616fc1-1505-48e3-8b2c-0d19337bff38";
      assertThat(find(index, rows, SearchQuery.all("Poison Ivy"))).containsExactly(malware);
      assertThat(find(index, rows, SearchQuery.all("poison"))).containsExactly(malware);
      assertThat(find(index, rows, SearchQuery.all("darkmoon"))).containsExactly(malware);
      assertThat(find(index, rows, SearchQuery.all("S0012"))).containsExactly(malware);
      assertThat(find(index, rows, SearchQuery.all("remote-access-trojan")))
          .containsExactly(malware);
      assertThat(find(index, rows, SearchQuery.all("198.51.100.7")))
          .containsExactly("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
      assertThat(find(index, rows, SearchQuery.all("harbour")))
          .containsExactly("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
      assertThat(find(index, rows, SearchQuery.all("CVE-2021-44228")))
          .containsExactly("vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
      assertThat(find(index, rows, SearchQuery.all("evil.example.org")))
          .containsExactly("domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5");
      assertThat(find(index, rows, SearchQuery.all("poison harbour"))).isEmpty();
      assertThat(find(index, rows, SearchQuery.all(""))).hasSize(4);

      // a write after the first catch-up is found after the next one; the relationship points in
      store.add("intel", object(RELATIONSHIP), new Provenance("EST", "test"));
      assertThat(index.catchUp()).isEqualTo(1);
      assertThat(ids(rows, index.referencing(malware, 10)))
          .containsExactly("relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad");
      assertThat(ids(rows, index.namesStartingWith("poi", 10))).containsExactly(malware);

      // a newer version replaces the older one's document; the older arriving later does not
      store.add(
          "intel",
          object(
              MALWARE
                  .replace("2025-01-01T00:00:00.000Z\",\"name", "2025-02-01T00:00:00.000Z\",\"name")
                  .replace("Poison Ivy", "Poison Ivy RAT")),
          new Provenance("EST", "test"));
      index.catchUp();
      assertThat(find(index, rows, SearchQuery.all("rat"))).containsExactly(malware);
      assertThat(find(index, rows, SearchQuery.all(""))).hasSize(5);

      assertThat(index.rebuild()).isEqualTo(5);
      assertThat(find(index, rows, SearchQuery.all("rat"))).containsExactly(malware);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void filtersAndKeysetPagesVisitEachObjectOnceInEveryOrder(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open();
        SearchIndex index = engineFor(ds)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
      List<NewObject> batch = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String day = String.format("2025-03-%02dT00:00:00.000Z", 1 + (i % 20));
        batch.add(
            object(
                "{\"type\":\""
                    + (i % 3 == 0 ? "tool" : "malware")
                    + "\",\"spec_version\":\"2.1\",\"id\":\""
                    + (i % 3 == 0 ? "tool" : "malware")
                    + "--00000000-0000-4000-8000-0000000000"
                    + String.format("%02d", i)
                    + "\",\"created\":\""
                    + day
                    + "\",\"modified\":\""
                    + day
                    + "\",\"name\":\"sample "
                    + i
                    + "\",\"is_family\":false"
                    + (i % 2 == 0
                        ? ",\"created_by_ref\":\"identity--11111111-1111-4111-8111-111111111111\""
                        : "")
                    + "}"));
      }
      store.addAll("intel", batch, new Provenance(db.name().equals("H2") ? "EST" : "FIN", "t"));
      index.catchUp();
      for (Order order : Order.values()) {
        SearchQuery q = withOrder(SearchQuery.all("sample"), order);
        Set<Long> seen = new HashSet<>();
        long previous = order.descending() ? Long.MAX_VALUE : Long.MIN_VALUE;
        while (true) {
          List<Hit> page = index.search(q, 7);
          for (Hit h : page) {
            assertThat(seen.add(h.dateAddedMicros())).as("each once, " + order).isTrue();
            long key = order.byModified() ? h.modifiedMicros() : h.dateAddedMicros();
            assertThat(order.descending() ? key <= previous : key >= previous).isTrue();
            previous = key;
          }
          if (page.size() < 7) {
            break;
          }
          q = q.continuingAfter(page.get(page.size() - 1));
        }
        assertThat(seen).hasSize(60);
      }
      SearchQuery tools =
          new SearchQuery(
              "sample",
              Set.of("intel"),
              Set.of("tool"),
              Set.of(),
              Set.of(),
              Set.of("identity--11111111-1111-4111-8111-111111111111"),
              0,
              Long.MAX_VALUE,
              0,
              Long.MAX_VALUE,
              Order.ADDED_DESC,
              Optional.empty());
      assertThat(index.search(tools, 100)).hasSize(10); // i % 6 == 0
      SearchQuery otherOrigin =
          new SearchQuery(
              "",
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of("LVA"),
              Set.of(),
              0,
              Long.MAX_VALUE,
              0,
              Long.MAX_VALUE,
              Order.ADDED_DESC,
              Optional.empty());
      assertThat(index.search(otherOrigin, 100)).isEmpty();
    }
  }

  static SearchQuery withOrder(SearchQuery q, Order order) {
    return new SearchQuery(
        q.words(),
        q.collections(),
        q.types(),
        q.markings(),
        q.origins(),
        q.authors(),
        q.addedAfter(),
        q.addedBefore(),
        q.modifiedAfter(),
        q.modifiedBefore(),
        order,
        Optional.empty());
  }
}
