package dev.bulwark.node.cli;

import dev.bulwark.node.security.NodePrincipal;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bulwark principal list}: every principal with nation, roles and state. Not thread-safe.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the node's principals.")
final class PrincipalListCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    try (NodeStores stores = new NodeStores()) {
      long now = Instant.now().getEpochSecond() * 1_000_000L;
      System.out.printf(
          "%-24s %-6s %-28s %-9s %s%n", "NAME", "NATION", "ROLES", "STATE", "IDENTITY");
      for (NodePrincipal p : stores.principals.list()) {
        String state = p.revokedMicros() != 0 ? "revoked" : p.activeAt(now) ? "active" : "expired";
        System.out.printf(
            "%-24s %-6s %-28s %-9s %s%n",
            p.name(), p.nation(), p.rolesLabel(), state, p.identityId().orElse("-"));
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark principal list: cannot open the node's store: "
              + StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
