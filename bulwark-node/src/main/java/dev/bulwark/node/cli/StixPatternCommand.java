package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark stix pattern ...}: the STIX patterning language. Not thread-safe. */
@Command(
    name = "pattern",
    mixinStandardHelpOptions = true,
    description = "STIX 2.1 patterns: match them against observations.",
    subcommands = {StixPatternMatchCommand.class})
final class StixPatternCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
