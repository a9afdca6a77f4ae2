package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The lease that lets one of a nation's processes over one PostgreSQL run federation: one holder at
 * a time, taken over when the holder's session ends. On PostgreSQL when BULWARK_TEST_POSTGRES_URL
 * is set (.ci/run sets it).
 */
class NodeLeaseTest {

  @Test
  void onTheEmbeddedDatabaseTheOneProcessAlwaysHoldsIt() {
    try (NodeLease lease =
        new NodeLease(NodeDatabase.defaultUrl(Path.of("/nonexistent")), "bulwark", "", "x")) {
      assertThat(lease.held()).isTrue();
    }
  }

  @Test
  void onPostgresqlOneHolderAtATimeAndTheOtherTakesOverWhenItGoes() {
    String url = TestDatabases.postgresUrl();
    assumeFalse(url.isEmpty(), "BULWARK_TEST_POSTGRES_URL is not set");
    String name = "lease-test-" + System.nanoTime();
    try (NodeLease first = new NodeLease(url, null, null, name);
        NodeLease second = new NodeLease(url, null, null, name);
        NodeLease other = new NodeLease(url, null, null, name + "-other")) {
      assertThat(first.held()).isTrue();
      assertThat(second.held()).isFalse();
      assertThat(first.held()).isTrue();
      assertThat(other.held()).as("another name is another lease").isTrue();
      first.close(); // as when its process is killed: the session ends
      assertThat(second.held()).isTrue();
      assertThat(first.held()).isFalse();
    }
  }
}
