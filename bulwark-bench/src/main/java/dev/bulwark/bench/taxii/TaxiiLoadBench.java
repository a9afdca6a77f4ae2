package dev.bulwark.bench.taxii;

import dev.bulwark.bench.TempDirs;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectKey;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load benchmark of the TAXII server over real HTTP (not JMH: it measures a server under concurrent
 * clients): POST throughput with N concurrent clients sending envelopes of {@code batch} objects,
 * then the latency of GET pages ({@code limit=1000}) walking the whole collection with {@code
 * next}. Both are measured warm, as a server runs: {@code --warmup N} objects are POSTed (untimed)
 * before the timed POSTs, and the first 50 pages are read once (untimed) before the timed walk.
 *
 * <pre>java -cp "$(cat cp.txt):bulwark-bench/target/classes" dev.bulwark.bench.taxii.TaxiiLoadBench
 *     [--preload N] [--warmup N] [--post N] [--clients 16] [--batch 1000] [--limit 1000] [--jdbc URL] [--time-ordered-ids]
 * </pre>
 *
 * {@code --preload} first puts N objects into the collection's table by JDBC batch inserts (the
 * same rows a POST makes, without HTTP, validation and audit), so that the POST and GET figures are
 * taken on a large collection without waiting for a million objects to go through HTTP. The walk
 * then reads all preload + post objects and checks it saw each exactly once. Without {@code --jdbc}
 * it uses a fresh H2 file database in a temporary folder, deleted at the end; {@code --home DIR}
 * keeps the node's home (and its H2 database) in DIR instead, so that one preloaded database can be
 * copied and reused by later runs ({@code --preload 0}); {@code --skip-get} stops after the POSTs.
 * On H2 the POST line also says how often and how much H2 wrote to its file. Not thread-safe (a
 * main).
 */
public final class TaxiiLoadBench {
  private static final String TAXII = "application/taxii+json;version=2.1";
  private static final String IDENTITY = "identity--7b3f0a52-1c9e-4d8b-a6f2-5e4d3c2b1a09";
  private static final String TLP_GREEN =
      "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  private static final int PRELOAD_BATCH = 10_000;

  /**
   * Pages read once before the timed walk, so that its first pages do not measure the JIT compiler.
   */
  private static final int GET_WARMUP_PAGES = 50;

  private TaxiiLoadBench() {}

  /** The command line. */
  record Options(
      long preload,
      long warmup,
      long post,
      int clients,
      int batch,
      int limit,
      Optional<String> jdbc,
      boolean timeOrderedIds,
      Optional<Path> home,
      boolean skipGet) {
    static Options parse(String[] args) {
      long preload = 0;
      long warmup = 32_000;
      long post = 100_000;
      int clients = 16;
      int batch = 1000;
      int limit = 1000;
      Optional<String> jdbc = Optional.empty();
      boolean timeOrderedIds = false;
      Optional<Path> home = Optional.empty();
      boolean skipGet = false;
      for (int i = 0; i < args.length; i++) {
        String v = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--preload" -> preload = Long.parseLong(v);
          case "--warmup" -> warmup = Long.parseLong(v);
          case "--post" -> post = Long.parseLong(v);
          case "--clients" -> clients = Integer.parseInt(v);
          case "--batch" -> batch = Integer.parseInt(v);
          case "--limit" -> limit = Integer.parseInt(v);
          case "--jdbc" -> jdbc = Optional.of(v);
          case "--time-ordered-ids" -> {
            timeOrderedIds = true;
            i--;
          }
          case "--home" -> home = Optional.of(Path.of(v));
          case "--skip-get" -> {
            skipGet = true;
            i--;
          }
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + "; use --preload N --warmup N --post N --clients N --batch N --limit N --jdbc URL --time-ordered-ids"
                      + " --home DIR --skip-get");
        }
        i++;
      }
      return new Options(
          preload, warmup, post, clients, batch, limit, jdbc, timeOrderedIds, home, skipGet);
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path home =
        o.home().isPresent()
            ? Files.createDirectories(o.home().get())
            : Files.createTempDirectory("bulwark-taxii-bench-");
    String url = o.jdbc().orElse(NodeDatabase.defaultUrl(home));
    ConfigurableApplicationContext ctx =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + url,
            "--spring.datasource.hikari.maximum-pool-size=" + (o.clients() + 4),
            "--logging.level.root=WARN",
            "--bulwark.taxii.collections.bench.title=Benchmark",
            "--bulwark.taxii.max-page-size=" + Math.max(1000, o.limit()),
            "--bulwark.taxii.max-content-length=" + (64L << 20));
    try {
      run(o, ctx, url);
    } finally {
      ctx.close();
      try {
        if (o.home().isEmpty()) {
          TempDirs.deleteTree(home);
        }
      } catch (IOException e) {
        System.err.println("could not delete " + home + ": " + e.getMessage());
      }
      System.exit(0);
    }
  }

  /** The three stages against the started node: preload, POST (warm-up, then timed), GET walk. */
  private static void run(Options o, ConfigurableApplicationContext ctx, String url)
      throws Exception {
    int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    String token =
        ctx.getBean(PrincipalStore.class)
            .add(
                name,
                "EST",
                EnumSet.of(Role.CONTRIBUTOR, Role.READER),
                Optional.of(IDENTITY),
                0L,
                Optional.empty())
            .token();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(o.clients()))
            .build();
    String base = "http://localhost:" + port + "/bulwark/collections/bench/objects/";
    System.out.printf(
        "database: %s%n",
        url.startsWith("jdbc:h2") ? "H2 (file)" : url.replaceAll("password=[^&]*", "password=***"));
    System.out.printf(
        "JVM: %s, collectors: %s (the node's launcher uses the parallel collector: run"
            + " this with -XX:+UseParallelGC to measure as it runs)%n",
        System.getProperty("java.vm.version"),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .toList());
    System.out.printf("load before: %s%n", loadAverage());

    long before = collectionSize(ctx.getBean(DataSource.class));
    if (before > 0) {
      System.out.printf("kept database: %,d objects already in the collection%n", before);
    }
    // ---- preload: plain JDBC batches into the node's table, dated before anything the node adds
    // ----
    if (o.preload() > 0) {
      long t0 = System.nanoTime();
      preload(ctx.getBean(DataSource.class), o.preload(), name, o.timeOrderedIds());
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "preload: %,d objects by JDBC batch insert in %.1f s (%.0f objects/s)%n",
          o.preload(), s, o.preload() / s);
    }

    postStage(o, ctx.getBean(DataSource.class), http, base, token);
    if (o.skipGet()) {
      return;
    }
    long expected = before + o.preload() + o.warmup() + o.post();
    warmPages(http, base, token, o.limit());
    walk(http, base, token, o.limit(), expected);
  }

  /** POSTs a warm-up (untimed: a server runs with its code compiled), then the timed run. */
  private static void postStage(
      Options o, DataSource dataSource, HttpClient http, String base, String token)
      throws Exception {
    if (o.warmup() > 0) {
      double w = post(http, base, token, o.warmup(), o.batch(), o.clients());
      System.out.printf(
          "POST warm-up: %,d objects in %.1f s (%.0f objects/s, not counted)%n",
          o.warmup(), w, o.warmup() / w);
    }
    long[] writesBefore = h2Writes(dataSource);
    double postSeconds = post(http, base, token, o.post(), o.batch(), o.clients());
    if (o.post() > 0) {
      long[] writesAfter = h2Writes(dataSource);
      System.out.printf(
          "POST: %,d objects in %d requests of %d from %d clients: %.1f s, %.0f objects/s (load %s)%s%n",
          o.post(),
          (o.post() + o.batch() - 1) / o.batch(),
          o.batch(),
          o.clients(),
          postSeconds,
          o.post() / postSeconds,
          loadAverage(),
          writesBefore.length == 0
              ? ""
              : String.format(
                  "; H2 wrote %,d times, %,d MB",
                  writesAfter[0] - writesBefore[0], (writesAfter[1] - writesBefore[1]) >> 20));
    }
  }

  /** Reads the first pages once, untimed: a server runs with its read path compiled. */
  private static void warmPages(HttpClient http, String base, String token, int limit) {
    String warm = null;
    for (int page = 0; page < GET_WARMUP_PAGES; page++) {
      HttpResponse<String> resp =
          send(
              http,
              HttpRequest.newBuilder(
                      URI.create(base + "?limit=" + limit + (warm == null ? "" : "&next=" + warm)))
                  .header("Accept", TAXII)
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build());
      String body = resp.body();
      int i = body.indexOf("\"next\":\"");
      warm =
          body.startsWith("{\"more\":true") && i >= 0
              ? body.substring(i + 8, body.indexOf('"', i + 8))
              : null;
      if (warm == null) {
        break;
      }
    }
  }

  /** Walks the whole collection with {@code limit} and {@code next}, timing each page. */
  private static void walk(HttpClient http, String base, String token, int limit, long expected) {
    List<Long> latencies = new ArrayList<>();
    String next = null;
    long seen = 0;
    long walkStart = System.nanoTime();
    do {
      long t0 = System.nanoTime();
      HttpResponse<String> resp =
          send(
              http,
              HttpRequest.newBuilder(
                      URI.create(base + "?limit=" + limit + (next == null ? "" : "&next=" + next)))
                  .header("Accept", TAXII)
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build());
      latencies.add(System.nanoTime() - t0);
      if (resp.statusCode() != 200) {
        throw new IllegalStateException("GET answered " + resp.statusCode());
      }
      String body = resp.body();
      seen += count(body, "\"type\":\"indicator\"");
      int i = body.indexOf("\"next\":\"");
      next =
          body.startsWith("{\"more\":true") && i >= 0
              ? body.substring(i + 8, body.indexOf('"', i + 8))
              : null;
    } while (next != null);
    double walkSeconds = (System.nanoTime() - walkStart) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "GET limit=%d: %d pages, %,d objects in %.1f s; page latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (load %s)%n",
        limit,
        sorted.length,
        seen,
        walkSeconds,
        pct(sorted, 0.50) / 1e6,
        pct(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        loadAverage());
    if (seen != expected) {
      throw new IllegalStateException("walked " + seen + " objects, expected " + expected);
    }
  }

  /**
   * POSTs {@code count} new indicators in envelopes of {@code batch} from {@code clients} threads;
   * returns seconds.
   */
  private static double post(
      HttpClient http, String base, String token, long count, int batch, int clients)
      throws Exception {
    long requests = (count + batch - 1) / batch;
    AtomicLong nextRequest = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                long r;
                while ((r = nextRequest.getAndIncrement()) < requests) {
                  int n = (int) Math.min(batch, count - r * batch);
                  HttpResponse<String> resp =
                      send(
                          http,
                          HttpRequest.newBuilder(URI.create(base))
                              .header("Accept", TAXII)
                              .header("Content-Type", TAXII)
                              .header("Authorization", "Bearer " + token)
                              .timeout(Duration.ofMinutes(5))
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      envelope(n), StandardCharsets.UTF_8))
                              .build());
                  if (resp.statusCode() != 202 || !resp.body().contains("\"failure_count\":0")) {
                    throw new IllegalStateException(
                        "POST answered "
                            + resp.statusCode()
                            + ": "
                            + resp.body().substring(0, Math.min(400, resp.body().length())));
                  }
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"))
          .trim()
          .replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    } catch (IOException e) {
      return "n/a";
    }
  }

  /**
   * Inserts the rows a POST of these indicators would make (same columns, JSON, TLP:GREEN, the
   * bench principal's nation and name), without HTTP, validation or audit, so that a collection of
   * a million objects is there in minutes. Their date_added lies a day in the past, one microsecond
   * apart: before every date the node's clock hands out afterwards (it starts from the newest row
   * and the wall clock), so paging order and uniqueness hold exactly as for objects the node added
   * itself. With {@code timeOrderedIds} the identifiers are version 7 UUIDs (time-ordered, as some
   * producers make them) instead of random version 4 ones: every index then grows at its end, which
   * H2 inserts many times faster on a busy machine; page reads favour it a little (consecutive
   * identifiers share index pages).
   */
  static void preload(DataSource dataSource, long count, String addedBy, boolean timeOrderedIds)
      throws SQLException {
    long startMillis = System.currentTimeMillis() - 86_400_000L;
    Random random = new Random();
    long version = 1_769_940_000_000_000L; // 2026-02-01T10:00:00Z
    long dateAdded = System.currentTimeMillis() * 1000L - 86_400_000_000L;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO stix_objects (date_added_us, collection_id,"
                    + " object_id, object_type, version, version_us, spec_version, origin_nation, added_by, marking_refs,"
                    + " json, id_key) VALUES (?, 'bench', ?, 'indicator', '2026-02-01T10:00:00.000Z', ?, '2.1', 'EST', ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (long i = 0; i < count; i++) {
        String id =
            "indicator--"
                + (timeOrderedIds
                    ? new UUID(
                        (startMillis + i / 4096) << 16 | 0x7000 | (i % 4096),
                        0x8000000000000000L | (random.nextLong() & 0x3fffffffffffffffL))
                    : UUID.randomUUID());
        s.setLong(1, dateAdded + i);
        s.setString(2, id);
        s.setLong(3, version);
        s.setString(4, addedBy);
        s.setString(5, TLP_GREEN);
        s.setString(6, indicator(id));
        s.setLong(7, ObjectKey.of(id));
        s.addBatch();
        if (i % PRELOAD_BATCH == PRELOAD_BATCH - 1 || i == count - 1) {
          s.executeBatch();
          c.commit();
          if ((i + 1) % 100_000 == 0) {
            System.out.printf("  preloaded %,d%n", i + 1);
          }
        }
      }
    }
  }

  /** H2's count of file writes and bytes written so far, or nothing on another database. */
  private static long[] h2Writes(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
        return new long[0];
      }
      long[] counts = new long[2];
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT setting_name, setting_value FROM information_schema.settings"
                      + " WHERE setting_name IN ('info.FILE_WRITE', 'info.FILE_WRITE_BYTES')");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts[rs.getString(1).endsWith("BYTES") ? 1 : 0] = Long.parseLong(rs.getString(2));
        }
      }
      return counts;
    }
  }

  private static long collectionSize(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM stix_objects WHERE collection_id = 'bench'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static long count(String s, String what) {
    long n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  /** Realistic indicators (about 600 bytes each), authored by the bench principal, TLP:GREEN. */
  static String envelope(int n) {
    StringBuilder b = new StringBuilder(n * 640).append("{\"objects\":[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append(indicator("indicator--" + UUID.randomUUID()));
    }
    return b.append("]}").toString();
  }

  static String indicator(String stixId) {
    UUID id = UUID.fromString(stixId.substring("indicator--".length()));
    String ip =
        (id.getMostSignificantBits() >>> 40 & 0xff)
            + "."
            + (id.getMostSignificantBits() >>> 32 & 0xff)
            + "."
            + (id.getLeastSignificantBits() >>> 40 & 0xff)
            + "."
            + (id.getLeastSignificantBits() >>> 32 & 0xff);
    return new StringBuilder(640)
        .append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"")
        .append(stixId)
        .append("\",\"created_by_ref\":\"")
        .append(IDENTITY)
        .append(
            "\",\"created\":\"2026-02-01T10:00:00.000Z\",\"modified\":\"2026-02-01T10:00:00.000Z\"")
        .append(",\"name\":\"C2 server ")
        .append(ip)
        .append("\",\"description\":\"Command-and-control address seen in")
        .append(
            " traffic to a cable landing station operator.\",\"indicator_types\":[\"malicious-activity\"]")
        .append(",\"pattern\":\"[ipv4-addr:value = '")
        .append(ip)
        .append("']\",\"pattern_type\":\"stix\"")
        .append(",\"valid_from\":\"2026-02-01T10:00:00Z\"")
        .append(",\"object_marking_refs\":[\"")
        .append(TLP_GREEN)
        .append("\"]}")
        .toString();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(r.uri() + ": " + e, e);
    }
  }
}
