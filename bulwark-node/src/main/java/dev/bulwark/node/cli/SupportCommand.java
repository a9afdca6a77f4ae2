package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/**
 * {@code bulwark support ...}: support planning for Ukraine on the pure {@code bulwark-support}
 * library, without starting the node. Contributions live in a file ledger, {@code
 * BULWARK_HOME/support/contributions.csv}, that the import commands append to and the others read.
 * Not thread-safe.
 */
@Command(
    name = "support",
    mixinStandardHelpOptions = true,
    description = {
      "Plan support for Ukraine: fair shares of the EUR 40 bn baseline by GDP, contributions, allocation of offers to needs, forecasts, transparency reports and IATI export.",
      "Contributions are kept in a local ledger, BULWARK_HOME/support/contributions.csv (BULWARK_HOME defaults to ~/.bulwark; --home overrides), "
          + "filled by 'support import' and 'support import-kiel' and read by the other commands."
    },
    subcommands = {
      SupportFairShareCommand.class,
      SupportImportCommand.class,
      SupportImportKielCommand.class,
      SupportReportCommand.class,
      SupportAllocateCommand.class,
      SupportForecastCommand.class,
      SupportIatiCommand.class,
    })
final class SupportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
