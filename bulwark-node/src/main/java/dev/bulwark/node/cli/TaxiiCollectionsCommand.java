package dev.bulwark.node.cli;

import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiResources;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark taxii collections API_ROOT}: the collections the caller may see. Not thread-safe.
 */
@Command(
    name = "collections",
    mixinStandardHelpOptions = true,
    description = "List the collections of an API root that you may read or write.",
    footer = "Exit status: 0 ok, 2 unreachable or refused.")
final class TaxiiCollectionsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "API_ROOT", description = "e.g. https://localhost:8443/bulwark/")
  URI apiRoot;

  @Mixin TaxiiConnection connection;

  @Override
  public Integer call() throws Exception {
    try {
      System.out.printf("%-36s %-20s %-5s %-5s %s%n", "ID", "ALIAS", "READ", "WRITE", "TITLE");
      for (TaxiiResources.Collection c : connection.client().collections(apiRoot)) {
        System.out.printf(
            "%-36s %-20s %-5s %-5s %s%n",
            c.id(), c.alias().orElse("-"), c.canRead(), c.canWrite(), c.title());
      }
      return 0;
    } catch (TaxiiClientException e) {
      System.err.println("bulwark taxii collections: " + e.getMessage());
      return 2;
    }
  }
}
