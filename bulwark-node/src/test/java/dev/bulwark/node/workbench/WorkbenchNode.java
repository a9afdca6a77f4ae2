package dev.bulwark.node.workbench;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.audit.AuditRecord;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real node (nation EST) on a random port for the workbench tests, with principals of several
 * nations; deletes its home folder when closed.
 */
final class WorkbenchNode implements AutoCloseable {
  final ConfigurableApplicationContext context;
  final String base;
  private final Path home;

  WorkbenchNode(String... extra) throws IOException {
    home = Files.createTempDirectory("bulwark-workbench-test-");
    String[] args =
        Stream.concat(
                Stream.of(
                    "--server.port=0",
                    "--bulwark.home=" + home,
                    "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
                    "--logging.level.root=WARN",
                    "--bulwark.nation=EST",
                    "--bulwark.maritime.enabled=false",
                    "--bulwark.federation.enabled=false",
                    "--bulwark.security.pbkdf2-iterations=1000"),
                Stream.of(extra))
            .toArray(String[]::new);
    context = BulwarkNodeApplication.start(args);
    base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  WorkbenchHttp as(String name, String nation, Set<Role> roles) {
    return as(name, nation, roles, Optional.empty());
  }

  WorkbenchHttp as(String name, String nation, Set<Role> roles, Optional<String> identity) {
    String token =
        context
            .getBean(PrincipalStore.class)
            .add(name, nation, roles, identity, 0L, Optional.empty())
            .token();
    return new WorkbenchHttp(base, name, token);
  }

  List<AuditRecord> audit(String principal) {
    return context.getBean(AuditLog.class).list(0, 100_000, Optional.of(principal));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() throws IOException {
    context.close();
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
