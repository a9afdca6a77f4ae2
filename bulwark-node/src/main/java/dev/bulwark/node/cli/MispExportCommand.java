package dev.bulwark.node.cli;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.misp.MispFeeds;
import dev.bulwark.node.misp.MispLinkSettings;
import dev.bulwark.node.misp.MispStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.markings.Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark misp export --collection NAME --out DIR [--nation ISO3]}: writes a MISP feed
 * (manifest.json, one {@code {uuid}.json} per event, hashes.csv) of what that nation may read of
 * the collection, through the node's one read gate ({@link AccessPolicy}). Not thread-safe.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a MISP feed (manifest.json, events, hashes.csv) of what a nation may read of a collection.",
    footer = "Exit status: 0 written, 2 no such collection, bad option or unwritable folder.")
final class MispExportCommand implements Callable<Integer> {

  @Option(names = "--collection", required = true, paramLabel = "NAME")
  String collection;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The feed folder (created when missing).")
  Path out;

  @Option(
      names = "--nation",
      paramLabel = "ISO3",
      description = "The nation the feed is for (default: this node's).")
  String nation;

  @Override
  public Integer call() throws IOException {
    NodeSettings settings = NodeSettings.load();
    AudienceSettings link;
    String reader;
    try {
      link = MispLinkSettings.load(settings.nation(), settings::property);
      reader = nation == null ? settings.nation() : Nations.check(nation);
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark misp export: " + e.getMessage());
      return 2;
    }
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      Optional<CollectionInfo> c = store.collection(collection);
      if (c.isEmpty()) {
        System.err.println("bulwark misp export: no collection " + collection);
        return 2;
      }
      AccessPolicy policy = new AccessPolicy(store);
      MispFeeds.Feed feed =
          new MispFeeds(store, policy, new MispStore(stores.dataSource), link)
              .build(
                  c.get(),
                  Reader.of(reader),
                  policy.readFilter(Reader.of(reader), c.get().defaultNations()));
      write(feed);
      stores.record(
          "misp.export",
          collection,
          Decision.ALLOW,
          List.of(),
          String.format(
              "for %s to %s: %d event(s), %d attribute(s), %d not exportable",
              reader, out, feed.events().size(), feed.attributes(), feed.notExported()));
      System.out.printf(
          "%s: %d event(s), %d attribute(s) for %s; %d object(s) MISP cannot carry, not exported%n",
          out, feed.events().size(), feed.attributes(), reader, feed.notExported());
      return 0;
    }
  }

  private void write(MispFeeds.Feed feed) throws IOException {
    Files.createDirectories(out);
    for (Map.Entry<String, String> e : feed.events().entrySet()) {
      if (!e.getKey().matches("[0-9a-fA-F-]{36}")) {
        throw new IOException("not a uuid, not written: " + e.getKey());
      }
      Files.writeString(out.resolve(e.getKey() + ".json"), e.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(out.resolve("manifest.json"), feed.manifest(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("hashes.csv"), feed.hashes(), StandardCharsets.UTF_8);
  }
}
