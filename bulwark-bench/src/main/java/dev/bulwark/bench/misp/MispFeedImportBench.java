package dev.bulwark.bench.misp;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.bench.TempDirs;
import dev.bulwark.misp.EventSink;
import dev.bulwark.misp.ImportResult;
import dev.bulwark.misp.MispImport;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.feed.FeedSource;
import dev.bulwark.node.misp.MispEventSink;
import dev.bulwark.node.misp.MispLinkSettings;
import dev.bulwark.node.misp.MispPathImport;
import dev.bulwark.node.misp.MispStore;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issue 21's import goal: a synthetic MISP feed of {@code events} × {@code attributes} (default
 * 10,000 × 100 = 1 M attributes) imported into the node's store (H2 file) through {@code
 * bulwark-misp}'s feed import and the node's {@link MispEventSink} (mapping, validation, objects
 * and MISP rows in one transaction per batch), attributes/s; then an incremental re-import with
 * nothing new from the feed's cursor, and a re-import of the folder without a cursor (every event
 * "already held"). Not JMH: one run of a large input, wall time. Usage: {@code run
 * misp.MispFeedImportBench [events] [attributes]}.
 */
public final class MispFeedImportBench {
  private static final long T0 = 1_765_000_000L;
  private static final int PROGRESS = 1_000;

  private MispFeedImportBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int attributes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path root = Files.createTempDirectory("bulwark-misp-bench-");
    try {
      Path feed = root.resolve("feed");
      long g = System.nanoTime();
      write(feed, events, attributes);
      System.out.printf(
          "feed: %d events x %d attributes written in %.1f s%n",
          events, attributes, (System.nanoTime() - g) / 1e9);
      AudienceSettings settings = MispLinkSettings.of("EST", "FIN,LVA", "CERT-EE=EST");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(root.resolve("home")), "bulwark", "", 4)) {
        ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
        store.ensureCollection(new CollectionInfo("misp", "misp", "bench", Set.of()));
        MispStore misp = new MispStore(ds);
        long cursor = run("first import", store, misp, settings, feed, 0, events * attributes);
        run(
            "incremental re-import from the cursor, nothing new",
            store,
            misp,
            settings,
            feed,
            cursor,
            0);
        run("re-import of the folder without a cursor", store, misp, settings, feed, -1, 0);
        System.out.printf("objects held: %d%n", store.count("misp"));
      }
    } finally {
      TempDirs.deleteTree(root);
    }
  }

  /** One import; {@code cursor} -1 imports the folder as a path (no cursor). */
  private static long run(
      String what,
      ObjectStore store,
      MispStore misp,
      AudienceSettings settings,
      Path feed,
      long cursor,
      long attributes)
      throws IOException {
    long t = System.nanoTime();
    long cpu = cpuNanos();
    ImportResult r;
    try (MispEventSink sink =
        new MispEventSink(store, misp, "misp", "bench", List.of(), settings, "EST")) {
      MispImport i = new MispImport(settings, progress(sink, t, cpu));
      r =
          cursor < 0
              ? new MispPathImport(i, sink).importPaths(List.of(feed))
              : i.importFeed(FeedSource.directory(feed), cursor);
      sink.close();
    }
    double s = (System.nanoTime() - t) / 1e9;
    double cpuS = (cpuNanos() - cpu) / 1e9;
    System.out.printf(
        "%s: %.2f s (process CPU %.2f s); events %d stored / %d held / %d rejected; attributes %d stored / %d held;"
            + " %d losses%s%n",
        what,
        s,
        cpuS,
        r.events().stored(),
        r.events().held(),
        r.events().rejected(),
        r.attributes().stored(),
        r.attributes().held(),
        r.losses().stream().mapToInt(l -> l.size()).sum(),
        attributes > 0
            ? String.format(
                "; %.0f attributes/s, %.0f attributes per CPU-second",
                r.attributes().stored() / s, r.attributes().stored() / cpuS)
            : "");
    return r.cursor();
  }

  /**
   * The sink, printing every {@value #PROGRESS} stored events the attributes stored so far per
   * second and per process CPU-second (a long run shows its figures before it ends).
   */
  private static EventSink progress(MispEventSink sink, long t0, long cpu0) {
    long[] done = new long[2];
    return c -> {
      EventSink.Stored s = sink.accept(c);
      if (s == EventSink.Stored.STORED) {
        done[1] += c.attributes();
        if (++done[0] % PROGRESS == 0) {
          double s0 = (System.nanoTime() - t0) / 1e9;
          double cpuS = (cpuNanos() - cpu0) / 1e9;
          System.out.printf(
              "  %d events converted (%d attributes) in %.1f s: %.0f attributes/s, %.0f per"
                  + " CPU-second, load %.1f%n",
              done[0],
              done[1],
              s0,
              done[1] / s0,
              done[1] / cpuS,
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
      }
      return s;
    };
  }

  /** CPU time of the whole process (every thread, the store's and the collector's included). */
  private static long cpuNanos() {
    return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
  }

  /** The feed: manifest.json and one {uuid}.json per event, as a MISP writes them. */
  static void write(Path dir, int events, int attributes) throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter manifest =
        Files.newBufferedWriter(dir.resolve("manifest.json"), StandardCharsets.UTF_8)) {
      manifest.write("{");
      for (int e = 0; e < events; e++) {
        String uuid = uuid("event " + e);
        long ts = T0 + e;
        if (e > 0) {
          manifest.write(",");
        }
        manifest.write(
            "\""
                + uuid
                + "\":{\"Orgc\":{\"name\":\"CERT-EE\",\"uuid\":\""
                + uuid("org")
                + "\"},\"Tag\":[{\"name\":\"tlp:green\"}],\"info\":\"bench event "
                + e
                + "\",\"date\":\"2026-12-01\",\"analysis\":\"2\",\"threat_level_id\":\"2\","
                + "\"timestamp\":\""
                + ts
                + "\"}");
        try (BufferedWriter w =
            Files.newBufferedWriter(dir.resolve(uuid + ".json"), StandardCharsets.UTF_8)) {
          event(w, e, uuid, ts, attributes);
        }
      }
      manifest.write("}");
    }
  }

  private static void event(BufferedWriter w, int e, String uuid, long ts, int attributes)
      throws IOException {
    w.write(
        "{\"Event\":{\"uuid\":\""
            + uuid
            + "\",\"info\":\"bench event "
            + e
            + "\",\"date\":\"2026-12-01\",\"timestamp\":\""
            + ts
            + "\",\"publish_timestamp\":\""
            + ts
            + "\",\"published\":true,\"threat_level_id\":\"2\",\"analysis\":\"2\","
            + "\"distribution\":\"1\",\"sharing_group_id\":\"0\","
            + "\"Org\":{\"name\":\"CERT-EE\",\"uuid\":\""
            + uuid("org")
            + "\"},"
            + "\"Orgc\":{\"name\":\"CERT-EE\",\"uuid\":\""
            + uuid("org")
            + "\"},"
            + "\"Tag\":[{\"name\":\"tlp:green\"}],\"Object\":[],\"Galaxy\":[],\"Attribute\":[");
    for (int a = 0; a < attributes; a++) {
      if (a > 0) {
        w.write(",");
      }
      int n = e * attributes + a;
      String type;
      String value;
      switch (a % 4) {
        case 0 -> {
          type = "domain";
          value = "d" + n + ".bench.example";
        }
        case 1 -> {
          type = "ip-dst";
          value = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        }
        case 2 -> {
          type = "url";
          value = "https://u" + n + ".bench.example/x";
        }
        default -> {
          type = "sha256";
          value = String.format("%064x", n);
        }
      }
      w.write(
          "{\"uuid\":\""
              + uuid("attribute " + n)
              + "\",\"type\":\""
              + type
              + "\",\"category\":\""
              + (a % 4 == 3 ? "Payload delivery" : "Network activity")
              + "\",\"value\":\""
              + value
              + "\",\"to_ids\":"
              + (a % 2 == 0)
              + ",\"timestamp\":\""
              + ts
              + "\",\"distribution\":\"5\",\"sharing_group_id\":\"0\",\"comment\":\"\","
              + "\"deleted\":false,\"Tag\":[]}");
    }
    w.write("]}}");
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
