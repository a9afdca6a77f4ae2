package dev.bulwark.node.leaks;

import dev.bulwark.node.cli.BulwarkMain;
import dev.bulwark.node.leaks.Truth.Secret;
import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import dev.bulwark.stix.markings.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The MISP paths of the leak suite (issue 21): every caller reads every collection's MISP feed
 * ({@code /misp/feeds/{c}/manifest.json}, {@code hashes.csv}, every event the manifest names, and
 * the event of every corpus secret asked for by uuid), and {@code bulwark misp export --nation}
 * writes each nation's feed of each node. Each answer is scanned for the canaries and ids of what
 * the caller may not read, and, because MISP names things by bare uuid, for the uuid of every
 * secret it may not read. Not vacuous: it counts the readable secrets' uuids it saw (the same probe
 * that would see a hidden one). Thread-safe ({@link #read} runs on the suite's pool).
 */
final class MispLeaks {
  private static final List<String> FEEDS = List.of("intel", "incidents");

  private final World world;
  private final Truth truth;
  private final Verdicts verdicts;
  private final Probes probes;
  private final AtomicInteger events = new AtomicInteger();
  private final Set<String> visibleUuidsSeen = ConcurrentHashMap.newKeySet();

  MispLeaks(World world, Truth truth, Verdicts verdicts, Probes probes) {
    this.world = world;
    this.truth = truth;
    this.verdicts = verdicts;
    this.probes = probes;
  }

  /** One caller reads every MISP feed path of its node. */
  void read(Who w) {
    for (String c : FEEDS) {
      String base = "/misp/feeds/" + c + "/";
      Api.Answer manifest = w.api().get(base + "manifest.json", "application/json");
      scan(w.toString(), w.reader(), base + "manifest.json", manifest.body() + manifest.headers());
      Api.Answer hashes = w.api().get(base + "hashes.csv", "text/csv");
      scan(w.toString(), w.reader(), base + "hashes.csv", hashes.body() + hashes.headers());
      List<String> listed = new ArrayList<>();
      if (manifest.status() == 200) {
        for (Iterator<String> it = Corpus.JSON.readTree(manifest.body()).propertyNames().iterator();
            it.hasNext(); ) {
          listed.add(it.next());
        }
      }
      for (String uuid : listed) {
        Api.Answer e = w.api().get(base + uuid + ".json", "application/json");
        scan(w.toString(), w.reader(), base + uuid + ".json", e.body() + e.headers());
        if (e.status() == 200) {
          events.incrementAndGet();
        }
      }
      // the uuids of secrets asked for straight (every third): denied must answer as missing does
      Api.Answer missing = w.api().get(base + "00000000-0000-4000-8000-000000000000.json", "");
      List<Secret> all = truth.all();
      for (int i = 0; i < all.size(); i += 3) {
        Secret s = all.get(i);
        if (!s.mayBeRead(w.reader()) && s.id().contains("--")) {
          String uuid = uuidOf(s.id());
          Api.Answer a = w.api().get(base + uuid + ".json", "application/json");
          verdicts.check(
              a.status() == missing.status() && a.body().equals(missing.body()),
              Kind.ORACLE,
              "a hidden object's uuid answers otherwise than a missing one",
              w.toString(),
              base + uuid + ".json",
              s.label(),
              "HTTP " + a.status() + " vs " + missing.status());
        }
      }
    }
  }

  /**
   * {@code bulwark misp export --collection C --out DIR --nation N} for every node, collection and
   * reader nation, each written file scanned as that nation reads. Runs alone (it sets the
   * process's {@code bulwark.home}).
   */
  void export(Path root) throws Exception {
    for (String node : World.NODES) {
      Path home = world.nodes.get(node).home;
      for (String nation : World.READER_NATIONS) {
        for (String c : FEEDS) {
          Path out = root.resolve("misp-export-" + node + "-" + nation + "-" + c);
          String previous = System.getProperty("bulwark.home");
          System.setProperty("bulwark.home", home.toString());
          int exit;
          try {
            exit =
                BulwarkMain.execute(
                    "misp",
                    "export",
                    "--collection",
                    c,
                    "--out",
                    out.toString(),
                    "--nation",
                    nation);
          } finally {
            if (previous == null) {
              System.clearProperty("bulwark.home");
            } else {
              System.setProperty("bulwark.home", previous);
            }
          }
          verdicts.check(
              exit == 0,
              Kind.LEAK,
              "misp export failed",
              nation,
              "misp export " + c,
              node,
              "exit " + exit);
          if (!Files.isDirectory(out)) {
            continue;
          }
          try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
              scan(
                  "misp export --nation " + nation + " @" + node,
                  Reader.of(nation),
                  "misp export " + c + "/" + f.getFileName(),
                  Files.readString(f, StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
  }

  private void scan(String caller, Reader reader, String path, String text) {
    probes.scan(caller, reader, path, text, Set.of());
    Map<String, List<Secret>> byUuid = new HashMap<>();
    for (Secret s : truth.all()) {
      // a granular part's secret shares its object's id: the object's own secret decides the uuid
      if (s.id().contains("--") && s.part().isEmpty()) {
        byUuid.computeIfAbsent(uuidOf(s.id()), u -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<String, List<Secret>> e : byUuid.entrySet()) {
      if (!text.contains(e.getKey())) {
        continue;
      }
      // several objects may carry one uuid (an attacker's object under a victim's id): the uuid
      // is hidden only when the reader may read none of them
      if (e.getValue().stream().anyMatch(s -> s.mayBeRead(reader))) {
        visibleUuidsSeen.add(caller + " " + e.getKey());
        continue;
      }
      Secret s = e.getValue().get(0);
      verdicts.fail(
          new Verdicts.Failure(
              Kind.LEAK,
              "the uuid of an object the caller may not see",
              caller,
              path,
              s.label(),
              "uuid " + e.getKey() + " of " + s.label() + " (origin " + s.origin() + ")"));
    }
  }

  private static String uuidOf(String stixId) {
    return stixId.substring(stixId.indexOf("--") + 2);
  }

  /** Events served to some caller through the feed endpoint. */
  int events() {
    return events.get();
  }

  /** Readable secrets' uuids seen in feed answers and exports (the probe is not vacuous). */
  int visibleUuidsSeen() {
    return visibleUuidsSeen.size();
  }
}
