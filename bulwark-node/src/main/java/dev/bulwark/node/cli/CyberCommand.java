package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/**
 * {@code bulwark cyber ...}: indicator matching on sensor files, without starting the node. Not
 * thread-safe.
 */
@Command(
    name = "cyber",
    mixinStandardHelpOptions = true,
    description =
        "Protect cyber infrastructure: match STIX indicators against Suricata EVE, Zeek or STIX"
            + " observed-data and write sightings.",
    subcommands = {CyberMatchCommand.class, CyberWorkerCommand.class})
final class CyberCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
