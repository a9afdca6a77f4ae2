package dev.bulwark.node.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code bulwark} command: the single entry point of the executable jar.
 *
 * <p>Commands that work on files run straight on the pure libraries and never start Spring, so they
 * answer in well under a second plus their work; only {@code serve} and {@code demo} boot the node.
 * The command tree is built lazily ({@link #commandLine}): picocli's reflection over every command
 * class was most of {@code bulwark --version}'s start, so only the command the arguments name is
 * built whole. Not thread-safe; one instance per process.
 */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkVersion.class,
    description = "Bulwark: detect, share and answer hostile hybrid acts, with allies.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      StatusCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      DemoCommand.class,
      StixCommand.class,
      PeerCommand.class,
      TlsCommand.class,
      FederationCommand.class,
      AisCommand.class,
      MaritimeCommand.class,
      CyberCommand.class,
      PrincipalCommand.class,
      AuditCommand.class,
      TaxiiCommand.class,
      SupportCommand.class,
      IncidentCommand.class,
      MigrationCommand.class,
      CampaignCommand.class,
      SanctionsCommand.class,
      ReadinessCommand.class,
      MispCommand.class,
    })
public final class BulwarkMain implements Runnable {

  /** picocli's switch for Groovy closures in annotations, which the commands never use. */
  private static final String NO_CLOSURES = "picocli.disable.closures";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * The file commands print their own results on stdout; the libraries' INFO chatter (connection
   * pools, migrations) would drown them, and a warning on stdout would break {@code audit list >
   * file}. So: warnings and errors only, on stderr, and not Flyway's note that the embedded H2 is
   * newer than it was verified with (it is, and the store tests run on that H2). The node
   * configures logging through Spring Boot instead.
   */
  private static void quietLibraryLogging() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("bulwark: %level %logger{0}: %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    root.addAppender(stderr);
    root.setLevel(Level.WARN);
    context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
  }

  /** Runs the command line and returns the exit code, without exiting (for tests). */
  public static int execute(String... args) {
    if (args.length == 1 && Set.of("--version", "-V").contains(args[0])) {
      // the version needs no command tree: each picocli CommandLine registers its converters by
      // reflection, which is most of what is left of the start (BENCHMARKS.md B19)
      System.out.println(new BulwarkVersion().getVersion()[0]);
      System.out.flush();
      return 0;
    }
    // picocli looks for Groovy's closure class once, for closures in annotations (we have none);
    // the miss opened every jar of the class path, 80 of them: a third of `bulwark --help`
    if (System.getProperty(NO_CLOSURES) == null) {
      System.setProperty(NO_CLOSURES, "true");
    }
    if (!onlyHelp(args) && (args.length == 0 || !Set.of("serve", "demo").contains(args[0]))) {
      quietLibraryLogging();
    }
    return commandLine(args)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUnmatchedOptionsAllowedAsOptionParameters(false)
        .setExecutionExceptionHandler(new CommandFailures())
        .execute(args);
  }

  /**
   * The command tree for these arguments: the command they name (or ask help for) built whole from
   * its annotations, every other one a shallow entry with its name and description, which is all
   * the top-level help and the {@code help} command list. The subcommands stay registered in the
   * {@code @Command} annotation above (one line per command); this only defers reading them.
   */
  static CommandLine commandLine(String... args) {
    Command top = BulwarkMain.class.getAnnotation(Command.class);
    BulwarkMain main = new BulwarkMain();
    CommandSpec root = CommandSpec.wrapWithoutInspection(main);
    main.spec = root;
    root.name(top.name()).mixinStandardHelpOptions(true).versionProvider(new BulwarkVersion());
    root.usageMessage().description(top.description());
    List<String> named = named(args);
    for (Class<?> type : top.subcommands()) {
      Command c = type.getAnnotation(Command.class);
      boolean whole =
          type == CommandLine.HelpCommand.class
              || named.contains(c.name())
              || Arrays.stream(c.aliases()).anyMatch(named::contains);
      root.addSubcommand(c.name(), whole ? new CommandLine(type).getCommandSpec() : shallow(c));
    }
    return new CommandLine(root);
  }

  /** The words that name a command: the first argument, and the one after {@code help}. */
  private static List<String> named(String... args) {
    List<String> words = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      words.add(a);
      if (!a.equals("help")) {
        break;
      }
    }
    return words;
  }

  /** A command as the top-level help lists it, without reading its options or subcommands. */
  private static CommandSpec shallow(Command c) {
    CommandSpec spec = CommandSpec.create().name(c.name()).aliases(c.aliases());
    spec.usageMessage().description(c.description()).header(c.header()).hidden(c.hidden());
    return spec;
  }

  /**
   * Whether the command only prints its help or the version: then nothing logs, and setting up
   * logging (a fifth of {@code bulwark --version}'s start) is skipped.
   */
  private static boolean onlyHelp(String... args) {
    return args.length == 0
        || Arrays.stream(args)
            .anyMatch(a -> Set.of("--help", "-h", "--version", "-V", "help").contains(a));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
