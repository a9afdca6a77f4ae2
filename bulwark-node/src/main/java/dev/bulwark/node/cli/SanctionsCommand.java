package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark sanctions ...}: sanctions proposals from the register. Not thread-safe. */
@Command(
    name = "sanctions",
    mixinStandardHelpOptions = true,
    description = "Export sanctions proposals from the register's evidence.",
    subcommands = {SanctionsExportCommand.class})
final class SanctionsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
