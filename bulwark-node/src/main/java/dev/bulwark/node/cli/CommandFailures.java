package dev.bulwark.node.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a person sees when a command fails unexpectedly: one line, {@code bulwark COMMAND: what
 * happened}, in words, never a stack trace or a library's class name (set {@code BULWARK_DEBUG=1}
 * for the trace). A busy port says which and how to choose another. Every command gets it through
 * {@link BulwarkMain}; a command that wants the same words for an error it catches itself calls
 * {@link #explain}. Stateless; thread-safe.
 */
final class CommandFailures implements IExecutionExceptionHandler {
  private static final Pattern CLASS_PREFIX =
      Pattern.compile("^(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + explain(e));
    if (System.getenv("BULWARK_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return 2;
  }

  /**
   * The failure in words: a busy port with the hint, else the innermost message without a class.
   */
  static String explain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PortInUseException p) {
        return "port "
            + p.getPort()
            + " is in use by another program: stop it, or give another port with"
            + " --server.port=PORT (or server.port in BULWARK_HOME/bulwark.properties)";
      }
      if (t instanceof BindException) {
        return "the port is in use by another program: stop it, or give another port with"
            + " --server.port=PORT";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
    return message == null ? "failed (" + words(root) + ")" : plain(message);
  }

  /** A message without a leading {@code java.x.FooException: }. */
  static String plain(String message) {
    String m = message;
    for (Matcher x = CLASS_PREFIX.matcher(m); x.find(); x = CLASS_PREFIX.matcher(m)) {
      m = m.substring(x.end());
    }
    return m;
  }

  /** {@code NoSuchFileException} as "no such file". */
  private static String words(Throwable t) {
    return t.getClass()
        .getSimpleName()
        .replaceAll("(Exception|Error)$", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
  }
}
