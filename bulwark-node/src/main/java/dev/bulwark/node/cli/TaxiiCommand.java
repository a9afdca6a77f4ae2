package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/**
 * {@code bulwark taxii discover|collections|get|add}: a TAXII 2.1 client at the terminal. Not
 * thread-safe.
 */
@Command(
    name = "taxii",
    mixinStandardHelpOptions = true,
    description = "Talk to any TAXII 2.1 server (a Bulwark node or another).",
    subcommands = {
      TaxiiDiscoverCommand.class,
      TaxiiCollectionsCommand.class,
      TaxiiGetCommand.class,
      TaxiiAddCommand.class
    })
final class TaxiiCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
