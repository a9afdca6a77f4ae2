package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark misp ...}: MISP events into the node's store and collections out as a feed. */
@Command(
    name = "misp",
    mixinStandardHelpOptions = true,
    description =
        "Import MISP events (files, {\"response\": [...]} collections, feed folders) and export"
            + " collections as MISP feeds.",
    subcommands = {MispImportCommand.class, MispExportCommand.class, MispRefusalsCommand.class})
final class MispCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
