package dev.bulwark.node.incidents;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.audit.AuditRecord;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.testing.NodeHttp;
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
 * A real node (nation EST) on a random port for the register tests, with principals of several
 * nations; deletes its home folder when closed.
 */
final class RegisterNode implements AutoCloseable {
  ConfigurableApplicationContext context;
  String base;
  private final Path home;
  private final String[] args;

  RegisterNode(String... extra) throws IOException {
    home = Files.createTempDirectory("bulwark-register-test-");
    args =
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
    start();
  }

  private void start() {
    context = BulwarkNodeApplication.start(args);
    base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  /**
   * Stops the node and starts a new one on the same home and database (a real restart: nothing kept
   * in memory survives); clients made before must be made again (the port changes).
   */
  void restart() {
    context.close();
    start();
  }

  NodeHttp as(String name, String nation, Set<Role> roles) {
    String token =
        context
            .getBean(PrincipalStore.class)
            .add(name, nation, roles, Optional.empty(), 0L, Optional.empty())
            .token();
    return new NodeHttp(base, name, token);
  }

  /** A client of this node (as it runs now) for a principal made before. */
  NodeHttp client(String name, String token) {
    return new NodeHttp(base, name, token);
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
