package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.misp.MispStore.HeldEvent;
import dev.bulwark.node.misp.MispStore.Loss;
import dev.bulwark.node.misp.MispStore.UuidLink;
import dev.bulwark.node.store.TestDatabases;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MISP bridge's tables (V40, V41) on H2 and on PostgreSQL (when CI names one): an event's rows
 * written in the caller's transaction, a newer version replacing the event and its loss report
 * while the uuid table keeps its first answer for a STIX id (no merge), and the MISP peers.
 */
class MispStoreOnEachDatabaseTest {
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
      String ev = "5e1f3a2b-0000-4000-8000-000000000001";
      write(
          ds,
          new HeldEvent("c", ev, 100, "CERT-EE", "EST", "report--" + ev, 2, 1, 1),
          List.of(
              new UuidLink("report--" + ev, ev, "report"),
              new UuidLink("indicator--a1", "a1", "indicator"),
              new UuidLink("observed-data--a1", "a1", "observed-data")),
          List.of(new Loss("$.Event.Attribute[1]", "malware-sample: no STIX equivalent")));
      assertThat(misp.held("c")).containsOnlyKeys(ev);
      assertThat(misp.held("other")).isEmpty();
      assertThat(misp.stixIdsOf("c", "a1")).containsExactly("indicator--a1", "observed-data--a1");
      assertThat(misp.losses("c", ev))
          .extracting(Loss::path)
          .containsExactly("$.Event.Attribute[1]");

      write(
          ds,
          new HeldEvent("c", ev, 200, "CERT-EE", "EST", "report--" + ev, 3, 1, 0),
          List.of(new UuidLink("indicator--a1", "other-uuid", "indicator")),
          List.of());
      assertThat(misp.event("c", ev).orElseThrow().timestamp()).isEqualTo(200);
      assertThat(misp.losses("c", ev)).as("the newer version's report").isEmpty();
      assertThat(misp.linksOf("c", List.of("indicator--a1")).get("indicator--a1").mispUuid())
          .as("a STIX id keeps its first MISP uuid")
          .isEqualTo("a1");

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
