package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark migration ...}: border-crossing counts and surges. Not thread-safe. */
@Command(
    name = "migration",
    mixinStandardHelpOptions = true,
    description = "Import daily border-crossing counts and raise surges as incidents.",
    subcommands = {MigrationImportCommand.class, MigrationSurgesCommand.class})
final class MigrationCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
