package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/**
 * {@code bulwark maritime ...}: the undersea-infrastructure detection engine on files, without
 * starting the node. Not thread-safe.
 */
@Command(
    name = "maritime",
    mixinStandardHelpOptions = true,
    description =
        "Watch undersea infrastructure: scan AIS files for anchor drags, loitering, going dark, "
            + "spoofing, encounters, watch-listed vessels; write scenarios; evaluate the detectors.",
    subcommands = {
      MaritimeScanCommand.class,
      MaritimeScenarioCommand.class,
      MaritimeEvalCommand.class
    })
final class MaritimeCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
