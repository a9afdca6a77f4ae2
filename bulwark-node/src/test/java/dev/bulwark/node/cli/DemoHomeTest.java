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
    Thread hook = DemoHome.deleteWhenClosed(context, dir);
    hook.start();
    Thread.sleep(200);
    assertThat(dir).as("kept while the node runs").exists();
    context.close();
    hook.join(10_000);
    assertThat(dir).doesNotExist();
  }
}
