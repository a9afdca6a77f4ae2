package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/** {@code bulwark audit verify|list|anchors|rotate-key}: the keyed audit chain. Not thread-safe. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check or read the node's append-only audit log.",
    subcommands = {
      AuditVerifyCommand.class,
      AuditListCommand.class,
      AuditAnchorsCommand.class,
      AuditRotateKeyCommand.class
    })
final class AuditCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
