package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.TestDatabases;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's MISP step imports the shipped misp-stix test events into {@code misp-demo} and reports
 * what the collection's feed serves to the node's nation; a second start finds them held.
 */
class MispDemoTest {
  private HikariDataSource ds;

  @BeforeEach
  void open() throws Exception {
    ds = TestDatabases.freshH2();
  }

  @AfterEach
  void close() {
    ds.close();
  }

  @Test
  void importsTheTestEventsOnceAndShowsTheFeed() {
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    AccessPolicy policy = new AccessPolicy(store);
    AudienceSettings settings = MispLinkSettings.of("EST", "FIN", "");
    MispStore misp = new MispStore(ds);
    MispDemo demo =
        new MispDemo(
            store, misp, new MispFeeds(store, policy, misp, settings), policy, settings, "EST");

    List<String> first = demo.load();
    assertThat(first.get(0)).contains("4 events").contains("0 already held").contains("0 rejected");
    assertThat(first.get(1)).contains("MISP feed of 'misp-demo' for EST: 4 event(s)");
    assertThat(misp.held(MispDemo.COLLECTION)).hasSize(4);

    List<String> again = demo.load();
    assertThat(again.get(0)).contains("0 events").contains("4 already held");
  }
}
