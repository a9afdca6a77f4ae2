package dev.bulwark.bench.node;

import com.sun.management.OperatingSystemMXBean;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectKey;
import dev.bulwark.node.store.SearchIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workbench over real HTTP at scale (issue 20; not JMH: a server under concurrent readers):
 * {@code N} objects (malware, tools, indicators, threat actors; names from a small vocabulary;
 * three in four TLP:GREEN, one in four TLP:AMBER for EST only) bulk-loaded by JDBC batch inserts
 * into the {@code intel} collection, the search index caught up (timed: the first search), then
 * {@code readers} concurrent readers (EST and FIN alternately) for {@code seconds}: a search
 * ({@code q} one or two vocabulary words, {@code limit=50}, one in four following {@code next} up
 * to five pages deep) or an object page ({@code /api/intel/objects/{id}} of a random loaded
 * object). Prints p50/p99/max of each.
 *
 * <pre>run node.WorkbenchSearchBench [N] [seconds] [readers] [--jdbc URL]</pre>
 *
 * Without {@code --jdbc}: a fresh H2 database (Lucene index) in a temporary home, deleted at the
 * end; with it, that PostgreSQL database (give a fresh one). Not thread-safe (a main).
 */
public final class WorkbenchSearchBench {
  private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  private static final String AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
  private static final String[] WORDS = {
    "poison",
    "ivy",
    "harbour",
    "cable",
    "baltic",
    "phishing",
    "loader",
    "beacon",
    "wiper",
    "sandworm",
    "turla",
    "gnss",
    "drone",
    "rail",
    "ferry",
    "port",
    "grid",
    "proxy",
    "dropper",
    "rat"
  };
  private static final String[] TYPES = {"malware", "tool", "indicator", "threat-actor"};
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private WorkbenchSearchBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int readers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    String jdbc = args.length > 4 && "--jdbc".equals(args[3]) ? args[4] : "";
    Path home = Files.createTempDirectory("bulwark-workbench-bench-");
    String url = jdbc.isEmpty() ? NodeDatabase.defaultUrl(home) : jdbc;
    try (ConfigurableApplicationContext ctx =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + url,
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.federation.enabled=false",
            "--bulwark.security.pbkdf2-iterations=1000")) {
      String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
      PrincipalStore principals = ctx.getBean(PrincipalStore.class);
      List<String> auth = new ArrayList<>();
      for (String nation : List.of("EST", "FIN")) {
        String name = nation.toLowerCase() + "-bench";
        String token =
            principals
                .add(name, nation, EnumSet.of(Role.READER), Optional.empty(), 0, Optional.empty())
                .token();
        auth.add(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8)));
      }
      long t0 = System.nanoTime();
      List<String> ids = load(ctx.getBean(DataSource.class), n);
      System.out.printf(
          "load: %,d objects by JDBC batch in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      // The catch-up in this thread (not behind an HTTP timeout), with its CPU time: on a busy
      // machine the wall time says little.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      t0 = System.nanoTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      int indexed = ctx.getBean(SearchIndex.class).catchUp();
      System.out.printf(
          "index catch-up: %,d rows in %.1f s wall, %.1f s CPU of this thread (%s)%n",
          indexed,
          (System.nanoTime() - t0) / 1e9,
          (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
          url.startsWith("jdbc:postgresql") ? "PostgreSQL" : "Lucene");
      get(base + "/api/intel/search?q=poison&limit=50", auth.get(0));
      run(base, auth, ids, 10, readers); // warm-up
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long processCpu0 = os.getProcessCpuTime();
      List<Long>[] lat = run(base, auth, ids, seconds, readers);
      long processCpu = os.getProcessCpuTime() - processCpu0;
      report("search", lat[0]);
      report("object page", lat[1]);
      System.out.printf(
          "process CPU while measuring: %.1f s for %,d requests, %.2f CPU-ms per request"
              + " (server and the readers' HTTP client together); load average %.1f%n",
          processCpu / 1e9,
          lat[0].size() + lat[1].size(),
          processCpu / 1e6 / Math.max(1, lat[0].size() + lat[1].size()),
          os.getSystemLoadAverage());
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Bulk load: one prepared batch insert, committed every 10,000 rows. */
  static List<String> load(DataSource ds, int n) throws Exception {
    Random random = new Random(42);
    List<String> ids = new ArrayList<>(n);
    long dateAdded = System.currentTimeMillis() * 1000L - 86_400_000_000L;
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO stix_objects (date_added_us, collection_id, object_id, object_type,"
                    + " version, version_us, spec_version, origin_nation, added_by, marking_refs,"
                    + " json, id_key) VALUES (?, 'intel', ?, ?, '2026-02-01T10:00:00.000Z',"
                    + " 1769940000000000, '2.1', 'EST', 'bench', ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < n; i++) {
        String type = TYPES[i % TYPES.length];
        String id = type + "--" + new UUID(random.nextLong(), random.nextLong());
        String marking = i % 4 == 3 ? AMBER : GREEN;
        String name =
            WORDS[random.nextInt(WORDS.length)]
                + " "
                + WORDS[random.nextInt(WORDS.length)]
                + " "
                + i;
        String json =
            "{\"type\":\""
                + type
                + "\",\"spec_version\":\"2.1\",\"id\":\""
                + id
                + "\",\"created\":\"2026-02-01T10:00:00.000Z\",\"modified\":\"2026-02-01T10:00:00.000Z\","
                + "\"name\":\""
                + name
                + "\",\"description\":\"Seen near the "
                + WORDS[random.nextInt(WORDS.length)]
                + " sector\",\"labels\":[\""
                + WORDS[random.nextInt(WORDS.length)]
                + "\"],\"object_marking_refs\":[\""
                + marking
                + "\"]}";
        s.setLong(1, dateAdded + i);
        s.setString(2, id);
        s.setString(3, type);
        s.setString(4, marking);
        s.setString(5, json);
        s.setLong(6, ObjectKey.of(id));
        s.addBatch();
        ids.add(id);
        if (i % 10_000 == 9_999 || i == n - 1) {
          s.executeBatch();
          c.commit();
        }
      }
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  static List<Long>[] run(
      String base, List<String> auth, List<String> ids, int seconds, int readers) throws Exception {
    List<Long> search = Collections.synchronizedList(new ArrayList<>());
    List<Long> object = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        String who = auth.get(r % auth.size());
        Random random = new Random(r);
        work.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    if (random.nextBoolean()) {
                      String q = WORDS[random.nextInt(WORDS.length)];
                      if (random.nextBoolean()) {
                        q += "+" + WORDS[random.nextInt(WORDS.length)];
                      }
                      String next = "";
                      int depth = random.nextInt(4) == 0 ? 5 : 1;
                      for (int p = 0; p < depth; p++) {
                        long t = System.nanoTime();
                        JsonNode page =
                            JSON.readTree(
                                get(
                                    base
                                        + "/api/intel/search?limit=50&q="
                                        + q
                                        + (next.isEmpty() ? "" : "&next=" + next),
                                    who));
                        search.add(System.nanoTime() - t);
                        next = page.path("next").asString("");
                        if (next.isEmpty()) {
                          break;
                        }
                      }
                    } else {
                      long t = System.nanoTime();
                      get(base + "/api/intel/objects/" + ids.get(random.nextInt(ids.size())), who);
                      object.add(System.nanoTime() - t);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new List[] {search, object};
  }

  static String get(String url, String auth) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", auth)
                  .timeout(Duration.ofSeconds(120))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 && r.statusCode() != 404) {
        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.statusCode() == 200 ? r.body() : "{}";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void report(String what, List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    if (s.isEmpty()) {
      System.out.println(what + ": no requests");
      return;
    }
    System.out.printf(
        "%s: %,d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what,
        s.size(),
        s.get(s.size() / 2) / 1e6,
        s.get((int) Math.min(s.size() - 1, Math.ceil(s.size() * 0.99) - 1)) / 1e6,
        s.get(s.size() - 1) / 1e6);
  }
}
