package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bulwark principal revoke NAME}: its token stops working at once. Not thread-safe. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke a principal: its token and certificate stop working at once.",
    footer = "Exit status: 0 revoked, 1 no such active principal, 2 store unreadable.")
final class PrincipalRevokeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    try (NodeStores stores = new NodeStores()) {
      if (!stores.principals.revoke(name)) {
        System.out.printf("no active principal %s%n", name);
        return 1;
      }
      stores.record("principal.revoke", "", AuditEntry.Decision.ALLOW, List.of(), name);
      System.out.printf("principal %s revoked%n", name);
      return 0;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark principal revoke: cannot open the node's store: "
              + StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
