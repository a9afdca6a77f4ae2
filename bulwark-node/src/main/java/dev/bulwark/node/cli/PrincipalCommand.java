package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/** {@code bulwark principal add|list|revoke|update}: who may call the node. Not thread-safe. */
@Command(
    name = "principal",
    mixinStandardHelpOptions = true,
    description = "Manage the node's principals (analysts, sensors, peer nodes) and their tokens.",
    subcommands = {
      PrincipalAddCommand.class,
      PrincipalListCommand.class,
      PrincipalRevokeCommand.class,
      PrincipalUpdateCommand.class
    })
final class PrincipalCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
