package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/** {@code bulwark stix ...}: STIX 2.1 validation and import. Not thread-safe. */
@Command(
    name = "stix",
    mixinStandardHelpOptions = true,
    description =
        "Validate STIX 2.1 content, import it into the node's store, or match STIX patterns.",
    subcommands = {StixValidateCommand.class, StixImportCommand.class, StixPatternCommand.class})
final class StixCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
