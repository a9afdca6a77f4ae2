package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/** {@code bulwark ais ...}: decode AIS NMEA captures and describe them. Not thread-safe. */
@Command(
    name = "ais",
    mixinStandardHelpOptions = true,
    description = "Decode AIS (NMEA 0183 !AIVDM/!AIVDO) captures, or summarise them.",
    subcommands = {AisDecodeCommand.class, AisStatsCommand.class})
final class AisCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
