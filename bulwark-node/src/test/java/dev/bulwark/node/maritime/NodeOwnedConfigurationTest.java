package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.store.NodeDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A node will not start with its alerts collection open to writers other than itself and its peers.
 */
class NodeOwnedConfigurationTest {
  Path home;

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory("bulwark-node-owned-");
  }

  @AfterEach
  void clean() throws IOException {
    FileSystemUtils.deleteRecursively(home);
  }

  void start(String... more) {
    String[] args = {
      "--server.port=0",
      "--bulwark.home=" + home,
      "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
      "--logging.level.root=OFF"
    };
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    BulwarkNodeApplication.start(all).close();
  }

  @Test
  void aMaritimeCollectionThatIsNotNodeOwnedStopsTheStart() {
    assertThatThrownBy(() -> start("--bulwark.maritime.collection=alerts-open"))
        .rootCause()
        .hasMessageContaining("bulwark.maritime.collection=alerts-open must be node-owned");
  }

  @Test
  void grantingContributorsWriteToANodeOwnedCollectionStopsTheStart() {
    assertThatThrownBy(
            () -> start("--bulwark.taxii.collections.maritime-alerts.write=contributor@EST"))
        .rootCause()
        .hasMessageContaining("owned by the node")
        .hasMessageContaining("contributor@EST");
  }
}
