package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark incident ...}: the hostile-act register. Not thread-safe. */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "Import and list hostile-act incidents in the node's register.",
    subcommands = {IncidentImportCommand.class, IncidentListCommand.class})
final class IncidentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
