package dev.bulwark.node.cli;

import dev.bulwark.support.csv.RowError;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the support commands share: turning failures into a message on stderr and an exit code, and
 * writing output to a file or stdout. Not thread-safe.
 */
abstract class SupportBase implements Callable<Integer> {

  protected final PrintStream out = System.out;
  protected final PrintStream err = System.err;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (SupportFailure f) {
      err.println(f.getMessage());
      return f.exitCode;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot read or write: " + e.getMessage());
      return 2;
    }
  }

  protected abstract int execute() throws IOException;

  /** Reports refused rows; returns the exit code 1 so callers can {@code return errors(...)}. */
  protected int errors(String what, List<RowError> errors) {
    err.println(
        what
            + ": "
            + errors.size()
            + " bad row"
            + (errors.size() == 1 ? "" : "s")
            + "; nothing was imported:");
    errors.stream().limit(200).forEach(e -> err.println("  " + e));
    if (errors.size() > 200) {
      err.println("  ... and " + (errors.size() - 200) + " more");
    }
    return 1;
  }

  protected static Path readable(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new SupportFailure(2, file + ": no such file or not readable");
    }
    return file;
  }

  /** A writer on the file, or on stdout (left open) when the file is null. */
  protected Writer output(Path file) throws IOException {
    if (file == null) {
      return new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream o) {
      super(o);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
