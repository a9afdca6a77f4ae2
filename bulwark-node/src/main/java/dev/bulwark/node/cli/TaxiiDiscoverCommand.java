package dev.bulwark.node.cli;

import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiResources;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark taxii discover SERVER}: the discovery resource and each API root. Not thread-safe.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = "Show a server's discovery resource and its API roots.",
    footer = "Exit status: 0 ok, 2 unreachable or refused.")
final class TaxiiDiscoverCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SERVER", description = "e.g. https://localhost:8443")
  URI server;

  @Mixin TaxiiConnection connection;

  @Override
  public Integer call() throws Exception {
    TaxiiClient client = connection.client();
    try {
      TaxiiResources.Discovery d = client.discover(server);
      System.out.printf(
          "%s%s%n", d.title(), d.description().isEmpty() ? "" : " - " + d.description());
      d.defaultApiRoot().ifPresent(r -> System.out.printf("default API root: %s%n", r));
      for (String root : d.apiRoots()) {
        try {
          TaxiiResources.ApiRoot a = client.apiRoot(URI.create(root));
          System.out.printf(
              "  %s  %s  versions %s  max_content_length %d%n",
              root, a.title(), a.versions(), a.maxContentLength());
        } catch (TaxiiClientException e) {
          System.out.printf("  %s  (%s)%n", root, e.getMessage());
        }
      }
      return 0;
    } catch (TaxiiClientException e) {
      System.err.println("bulwark taxii discover: " + e.getMessage());
      return 2;
    }
  }
}
