package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** {@code bulwark demo} without --home leaves no folder behind. */
class DemoHomeTest {

  @Test
  void theTemporaryFolderIsDeletedOnceTheNodeHasClosed() throws Exception {
    Path dir = Files.createTempDirectory("bulwark-demo-test-");
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/bulwark.mv.db"), "data");
    Files.writeString(dir.resolve("demo-credentials.properties"), "user=demo");
    GenericApplicationContext context = new GenericApplicationContext();
    context.refresh();
    Thread hook = DemoHome.deleteWhenClosed(() -> context, dir);
    hook.start();
    Thread.sleep(200);
    assertThat(dir).as("kept while the node runs").exists();
    context.close();
    hook.join(10_000);
    assertThat(dir).doesNotExist();
  }

  @Test
  void waitsUntilH2HasReleasedTheDatabase() throws Exception {
    Path dir = Files.createTempDirectory("bulwark-demo-test-");
    Path lock = dir.resolve("db/bulwark.lock.db");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "#FileLock");
    GenericApplicationContext context = new GenericApplicationContext();
    context.refresh();
    context.close();
    Thread hook = DemoHome.deleteWhenClosed(() -> context, dir);
    hook.start();
    Thread.sleep(300);
    assertThat(dir).as("kept while H2 still holds its lock file").exists();
    Files.delete(lock); // H2's unlock, the last step of its close
    hook.join(10_000);
    assertThat(dir).doesNotExist();
  }

  @Test
  void aStartNotYetUnderWayLeavesNothingToWaitFor() throws Exception {
    Path dir = Files.createTempDirectory("bulwark-demo-test-");
    Thread hook = DemoHome.deleteWhenClosed(() -> null, dir);
    hook.start();
    hook.join(10_000);
    assertThat(dir).doesNotExist();
  }
}
