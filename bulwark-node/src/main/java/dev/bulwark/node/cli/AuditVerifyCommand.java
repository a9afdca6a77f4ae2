package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditLog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bulwark audit verify}: walks the hash chain; exit 0 when intact, 1 naming the first tampered
 * record otherwise. Not thread-safe.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Prove the audit log's hash chain intact, or name the first tampered record.",
    footer = "Exit status: 0 intact, 1 tampered, 2 store unreadable.")
final class AuditVerifyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    try (NodeStores stores = new NodeStores()) {
      AuditLog.Verification v = stores.audit.verify(n -> {
        if (n > 0 && n % 100_000 == 0) {
          System.err.printf("  %d records checked%n", n);
        }
      });
      if (v.intact()) {
        System.out.printf("audit log intact: %d record(s), chain verified%n", v.records());
        return 0;
      }
      AuditLog.Break b = v.firstBreak().orElseThrow();
      System.out.printf("audit log TAMPERED: first bad record is #%d (%s); %d record(s) before it are intact%n",
          b.seq(), b.reason(), v.records());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("bulwark audit verify: cannot open the node's store: " + StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
