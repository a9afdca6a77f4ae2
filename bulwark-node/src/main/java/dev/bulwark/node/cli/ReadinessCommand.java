package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark readiness ...}: allies' force declarations against the NATO Force Model, in the
 * node's store (BULWARK_HOME), without starting the node. Not thread-safe.
 */
@Command(
    name = "readiness",
    mixinStandardHelpOptions = true,
    description = {
      "Force readiness against the NATO Force Model: import allies' force declarations (CSV) into the node's store and summarise the coverage of tiers 1-3, the time-phased curve and fair shares by GDP.",
      "Declarations are kept in the collection force-declarations of the node's store (BULWARK_HOME, default ~/.bulwark) as STIX objects x-bulwark-force-declaration."
    },
    subcommands = {ReadinessImportCommand.class, ReadinessSummaryCommand.class})
final class ReadinessCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
