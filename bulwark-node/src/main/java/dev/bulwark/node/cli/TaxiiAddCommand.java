package dev.bulwark.node.cli;

import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiResources;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark taxii add API_ROOT COLLECTION FILE...}: posts STIX content (bundles, arrays, JSON
 * lines) in envelopes of {@code --batch} objects, with progress and every refusal and its reason.
 * Not thread-safe.
 */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description =
        "Add STIX 2.1 objects from files to a collection, in batches, printing each refusal.",
    footer =
        "Exit status: 0 all accepted, 1 some refused, 2 unreadable input, unreachable or refused request.")
final class TaxiiAddCommand implements Callable<Integer> {
  private static final int SHOWN = 20;

  @Parameters(index = "0", paramLabel = "API_ROOT")
  URI apiRoot;

  @Parameters(index = "1", paramLabel = "COLLECTION")
  String collection;

  @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE", description = "- reads stdin")
  List<String> files;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Objects per request (default ${DEFAULT-VALUE}).")
  int batch;

  @Mixin TaxiiConnection connection;

  private long sent;
  private long accepted;
  private long refused;
  private int shown;

  @Override
  public Integer call() throws Exception {
    TaxiiClient client = connection.client();
    StixCodec codec = new StixCodec();
    boolean unreadable = false;
    try {
      for (String file : files) {
        List<String> pending = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        try (InputStream in = StixValidateCommand.open(file)) {
          codec.read(
              in,
              new StixReadListener() {
                @Override
                public void object(StixObject object, String location) {
                  pending.add(object.toJson());
                  if (pending.size() == batch) {
                    flush(client, pending);
                  }
                }

                @Override
                public void malformed(String location, String message) {
                  malformed.add(location + ": " + message);
                }
              });
        } catch (NoSuchFileException e) {
          System.err.printf("%s: no such file%n", file);
          unreadable = true;
          continue;
        } catch (IOException e) {
          System.err.printf("%s: cannot read: %s%n", file, e.getMessage());
          unreadable = true;
          continue;
        }
        flush(client, pending);
        malformed.forEach(m -> System.err.printf("%s: unreadable %s%n", file, m));
        unreadable |= !malformed.isEmpty();
      }
    } catch (TaxiiClientException e) {
      System.err.println();
      System.err.println("bulwark taxii add: " + e.getMessage());
      return 2;
    }
    System.err.println();
    System.out.printf("%d object(s) sent: %d accepted, %d refused%n", sent, accepted, refused);
    return unreadable ? 2 : refused > 0 ? 1 : 0;
  }

  private void flush(TaxiiClient client, List<String> pending) {
    if (pending.isEmpty()) {
      return;
    }
    TaxiiResources.Status s = client.add(apiRoot, collection, pending);
    sent += pending.size();
    accepted += s.successCount();
    refused += s.failureCount();
    for (TaxiiResources.StatusDetail f : s.failures()) {
      if (shown++ < SHOWN) {
        System.err.printf("\r  refused %s %s: %s%n", f.id(), f.version(), f.message());
      }
    }
    System.err.printf("\r  %d sent, %d accepted, %d refused", sent, accepted, refused);
    pending.clear();
  }
}
