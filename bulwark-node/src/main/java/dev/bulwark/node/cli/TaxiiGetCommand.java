package dev.bulwark.node.cli;

import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark taxii get API_ROOT COLLECTION}: every matching object, page by page, written as
 * JSON lines; progress goes to stderr. Not thread-safe.
 */
@Command(
    name = "get",
    // no standard mixin: its -V/--version would clash with match[version]'s --version, and picocli
    // then dropped --help too (taxii get --help ended in "Missing required parameters", exit 2)
    mixinStandardHelpOptions = false,
    description = "Fetch a collection's objects (following next page by page) as JSON lines.",
    footer = "Exit status: 0 ok, 2 unreachable, refused or unwritable output.")
final class TaxiiGetCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "API_ROOT", description = "The server's API root URL.")
  URI apiRoot;

  @Parameters(index = "1", paramLabel = "COLLECTION", description = "Collection id or alias.")
  String collection;

  @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "match[type]")
  List<String> types = List.of();

  @Option(names = "--id", split = ",", paramLabel = "ID", description = "match[id]")
  List<String> ids = List.of();

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "match[version]: last (default), first, all or a timestamp")
  String version;

  @Option(names = "--added-after", paramLabel = "TIMESTAMP")
  String addedAfter;

  @Option(
      names = "--page-size",
      defaultValue = "1000",
      paramLabel = "N",
      description = "limit per page (default ${DEFAULT-VALUE})")
  int pageSize;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path output;

  @Mixin TaxiiConnection connection;

  @Override
  public Integer call() throws Exception {
    TaxiiQuery q =
        new TaxiiQuery(
            Optional.ofNullable(addedAfter),
            OptionalInt.of(pageSize),
            ids,
            types,
            Optional.ofNullable(version),
            List.of());
    long started = System.nanoTime();
    try (Writer out =
        output == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      long total =
          connection
              .client()
              .forEachObject(
                  apiRoot,
                  collection,
                  q,
                  o -> {
                    try {
                      out.write(o.toJson());
                      out.write('\n');
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  },
                  n -> System.err.printf("\r  %d object(s) fetched", n));
      out.flush();
      System.err.printf(
          "\r%d object(s) fetched in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (TaxiiClientException e) {
      System.err.println();
      System.err.println("bulwark taxii get: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      System.err.println("bulwark taxii get: cannot write: " + e.getMessage());
      return 2;
    }
  }
}
