package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark campaign ...}: campaigns of hostile acts. Not thread-safe. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description = "Suggest campaigns linking the register's incidents.",
    subcommands = {CampaignSuggestCommand.class})
final class CampaignCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
