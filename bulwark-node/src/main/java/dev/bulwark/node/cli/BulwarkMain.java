package dev.bulwark.node.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bulwark} command: the single entry point of the executable jar.
 *
 * <p>Commands that work on files run straight on the pure libraries and never start Spring, so they
 * answer in well under a second plus their work; only {@code serve} and {@code demo} boot the node.
 * Not thread-safe; one instance per process.
 */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkVersion.class,
    description = "Bulwark: detect, share and answer hostile hybrid acts, with allies.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      StixCommand.class,
      PeerCommand.class,
      FederationCommand.class,
      AisCommand.class,
      MaritimeCommand.class,
      PrincipalCommand.class,
      AuditCommand.class,
      TaxiiCommand.class,
      SupportCommand.class,
      IncidentCommand.class,
      MigrationCommand.class,
      CampaignCommand.class,
      SanctionsCommand.class,
    })
public final class BulwarkMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length == 0 || !(args[0].equals("serve") || args[0].equals("demo"))) {
      quietLibraryLogging();
    }
    System.exit(execute(args));
  }

  /**
   * The file commands print their own results; the libraries' INFO chatter (connection pools,
   * migrations) would drown them. The node configures logging through Spring Boot instead.
   */
  private static void quietLibraryLogging() {
    Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  /** Runs the command line and returns the exit code, without exiting (for tests). */
  public static int execute(String... args) {
    return new CommandLine(new BulwarkMain())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUnmatchedOptionsAllowedAsOptionParameters(false)
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
