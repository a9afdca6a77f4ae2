package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.misp.MispStore.HeldEvent;
import dev.bulwark.node.misp.MispStore.Loss;
import dev.bulwark.node.misp.MispStore.UuidLink;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.TestDatabases;
import dev.bulwark.stix.StixObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MISP bridge's tables (V40, V41) on H2 and on PostgreSQL (when CI names one): an event's rows
 * written in the caller's transaction, a newer version replacing the event and its loss report
 * while the uuid table keeps its first answer for a STIX id (no merge), links an id carries derived
 * from the objects held instead of stored, and the MISP peers.
 */
class MispStoreOnEachDatabaseTest {
  private static NewObject object(String id) {
    String t = "2026-12-01T00:00:00.000Z";
    String extra =
        id.startsWith("indicator")
            ? ",\"pattern\":\"[domain-name:value = 'a.example']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\""
                + t
                + "\""
            : ",\"first_observed\":\""
                + t
                + "\",\"last_observed\":\""
                + t
                + "\",\"number_observed\":1,\"object_refs\":[\"domain-name--"
                + "6e1f3a2b-0000-5000-8000-000000000001\"]";
    String json =
        "{\"type\":\""
            + id.substring(0, id.indexOf("--"))
            + "\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\""
            + t
            + "\",\"modified\":\""
            + t
            + "\""
            + extra
            + "}";
    return NewObject.from(StixObject.of((ObjectNode) JsonMapper.builder().build().readTree(json)));
  }

  private static int rows(HikariDataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM misp_uuids")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private static void write(HikariDataSource ds, HeldEvent e, List<UuidLink> l, List<Loss> loss)
      throws Exception {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      MispStore.write(c, e, l, loss);
      c.commit();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void eventsLinksAndLossesRoundTrip(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      MispStore misp = new MispStore(ds);
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      store.ensureCollection(new CollectionInfo("c", "c", "", Set.of()));
      String ev = "5e1f3a2b-0000-4000-8000-000000000001";
      String a1 = "5e1f3a2b-0000-4000-8000-0000000000a1";
      String sco = "domain-name--6e1f3a2b-0000-5000-8000-000000000001";
      store.addAll(
          "c",
          List.of(object("indicator--" + a1), object("observed-data--" + a1)),
          new Provenance("EST", "test", List.of()));
      write(
          ds,
          new HeldEvent("c", ev, 100, "CERT-EE", "EST", "report--" + ev, 2, 1, 1),
          List.of(
              new UuidLink("report--" + ev, ev, "report"),
              new UuidLink("indicator--" + a1, a1, "indicator"),
              new UuidLink("observed-data--" + a1, a1, "observed-data"),
              new UuidLink(sco, a1, "domain-name")),
          List.of(new Loss("$.Event.Attribute[1]", "malware-sample: no STIX equivalent")));
      assertThat(misp.held("c")).containsOnlyKeys(ev);
      assertThat(misp.held("other")).isEmpty();
      assertThat(misp.stixIdsOf("c", a1))
          .containsExactly(sco, "indicator--" + a1, "observed-data--" + a1);
      assertThat(misp.stixIdsOf("other", a1)).isEmpty();
      assertThat(rows(ds)).as("links an id carries are derived, not stored").isEqualTo(1);
      assertThat(misp.losses("c", ev))
          .extracting(Loss::path)
          .containsExactly("$.Event.Attribute[1]");

      write(
          ds,
          new HeldEvent("c", ev, 200, "CERT-EE", "EST", "report--" + ev, 3, 1, 0),
          List.of(
              new UuidLink("indicator--" + a1, "other-uuid", "indicator"),
              new UuidLink(sco, "other-uuid", "domain-name")),
          List.of());
      assertThat(misp.event("c", ev).orElseThrow().timestamp()).isEqualTo(200);
      assertThat(misp.losses("c", ev)).as("the newer version's report").isEmpty();
      Map<String, UuidLink> links =
          misp.linksOf("c", List.of("indicator--" + a1, sco, "report--" + ev));
      assertThat(links.get("indicator--" + a1).mispUuid())
          .as("a STIX id keeps its first MISP uuid")
          .isEqualTo(a1);
      assertThat(links.get(sco).mispUuid()).as("a STIX id keeps its first MISP uuid").isEqualTo(a1);
      assertThat(links).as("an object the collection does not hold has no link").hasSize(2);

      MispPeerStore peers = new MispPeerStore(ds);
      MispPeer p =
          new MispPeer(
              "circl",
              MispPeer.Type.FEED,
              "lux",
              URI.create("https://feed.example/osint"),
              "",
              "osint",
              "",
              Duration.ofMinutes(5));
      peers.put(p);
      peers.put(p);
      assertThat(peers.list()).containsExactly(p);
      assertThat(peers.find("circl").orElseThrow().url().toString()).endsWith("/osint/");
      assertThat(peers.remove("circl")).isTrue();
      assertThat(peers.list()).isEmpty();
    }
  }
}
