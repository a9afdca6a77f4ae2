package dev.bulwark.node.misp;

import dev.bulwark.misp.ImportResult;
import dev.bulwark.misp.MispImport;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.markings.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's MISP step: imports misp-stix's test events (shipped in {@code classpath:demo/misp/},
 * see its SOURCES.md) into the collection {@value #COLLECTION} as the node's administrator would
 * with {@code bulwark misp import}, and says what the collection's MISP feed serves to the node's
 * own nation. Runs once per start of {@code bulwark demo}; a second run finds every event already
 * held. Thread-safe after start (one load at a time).
 */
@Component
@ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
public class MispDemo {
  /** The demo's MISP collection, served under {@code /misp/feeds/misp-demo/}. */
  public static final String COLLECTION = "misp-demo";

  private static final List<String> FILES =
      List.of("demo/misp/test_events_collection_1.json", "demo/misp/test_events_collection_2.json");

  private final ObjectStore store;
  private final MispStore misp;
  private final MispFeeds feeds;
  private final AccessPolicy policy;
  private final AudienceSettings settings;
  private final String nation;

  public MispDemo(
      ObjectStore store,
      MispStore misp,
      MispFeeds feeds,
      AccessPolicy policy,
      AudienceSettings settings,
      @Value("${bulwark.nation:EST}") String nation) {
    this.store = store;
    this.misp = misp;
    this.feeds = feeds;
    this.policy = policy;
    this.settings = settings;
    this.nation = nation;
  }

  /** Imports the test events; returns the lines the demo prints. */
  public synchronized List<String> load() {
    CollectionInfo info =
        new CollectionInfo(
            COLLECTION, "MISP demo", "misp-stix's test events, imported from MISP", Set.of());
    store.ensureCollection(info);
    List<String> lines = new ArrayList<>();
    Path dir = null;
    try (MispEventSink sink =
        new MispEventSink(store, misp, COLLECTION, "demo", List.of(), settings, nation)) {
      // the import reads files: the shipped events are copied out of the jar first
      dir = Files.createTempDirectory("bulwark-misp-demo-");
      List<Path> files = new ArrayList<>();
      for (String file : FILES) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
          Path f = dir.resolve(file.substring(file.lastIndexOf('/') + 1));
          Files.copy(in, f);
          files.add(f);
        }
      }
      ImportResult r = new MispImport(settings, sink).importPaths(files);
      sink.close();
      lines.add(
          String.format(
              "  MISP (misp-stix test events)  %d events, %d attributes stored, %d already held,"
                  + " %d rejected, %d lost (see bulwark misp import)",
              r.events().stored(),
              r.attributes().stored(),
              r.events().held(),
              r.events().rejected(),
              r.losses().stream().mapToInt(l -> l.entries().size()).sum()));
    } catch (IOException e) {
      throw new UncheckedIOException("demo MISP events missing from the jar", e);
    } finally {
      delete(dir);
    }
    Reader own = Reader.of(nation);
    MispFeeds.Feed feed = feeds.build(info, own, policy.readFilter(own, info.defaultNations()));
    lines.add(
        String.format(
            "  MISP feed of '%s' for %s: %d event(s), %d attribute(s)",
            COLLECTION, nation, feed.events().size(), feed.attributes()));
    return lines;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind does not stop the demo
    }
  }
}
