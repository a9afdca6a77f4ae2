package dev.bulwark.node.cli;

import dev.bulwark.node.misp.MispRefusals;
import dev.bulwark.node.store.NodeSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark misp refusals --collection NAME}: the MISP events a MISP peer sent into the
 * collection that this node refused (untrusted origin, this node's own nation, TLP:RED, unreadable
 * by the peer, a version that widens), with their MISP uuid, version, peer and reason — the
 * operator's reject report of the peers (nothing of these events is stored). Not thread-safe.
 */
@Command(
    name = "refusals",
    mixinStandardHelpOptions = true,
    description =
        "List the MISP events MISP peers sent into a collection that were refused, with the reason.",
    footer = "Exit status: 0 none refused, 1 some refused (listed).")
final class MispRefusalsCommand implements Callable<Integer> {

  @Option(names = "--collection", required = true, paramLabel = "NAME")
  String collection;

  @Override
  public Integer call() {
    try (NodeStores stores = new NodeStores(NodeSettings.load())) {
      List<MispRefusals.Refusal> all = new MispRefusals(stores.dataSource).of(collection);
      for (MispRefusals.Refusal r : all) {
        System.out.printf(
            "%s %d from %s: %s: %s%n",
            r.eventUuid(), r.eventTimestamp(), r.peer(), r.path(), r.reason());
      }
      System.out.printf("%d event version(s) refused in %s%n", all.size(), collection);
      return all.isEmpty() ? 0 : 1;
    }
  }
}
