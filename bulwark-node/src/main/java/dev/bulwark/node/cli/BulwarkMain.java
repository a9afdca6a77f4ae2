package dev.bulwark.node.cli;

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
    })
public final class BulwarkMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
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
