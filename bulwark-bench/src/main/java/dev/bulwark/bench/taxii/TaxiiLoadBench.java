package dev.bulwark.bench.taxii;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.storage.NodeDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load benchmark of the TAXII server over real HTTP (not JMH: it measures a server under concurrent
 * clients): POST throughput with N concurrent clients sending envelopes of {@code batch} objects, then
 * the latency of GET pages ({@code limit=1000}) walking the whole collection with {@code next}.
 *
 * <pre>java -cp "$(cat cp.txt):bulwark-bench/target/classes" dev.bulwark.bench.taxii.TaxiiLoadBench
 *     OBJECTS [CLIENTS] [BATCH] [JDBC_URL]</pre>
 *
 * Without a JDBC URL it uses a fresh H2 file database in a temporary folder. Not thread-safe (a main).
 */
public final class TaxiiLoadBench {
  private static final String TAXII = "application/taxii+json;version=2.1";
  private static final String IDENTITY = "identity--7b3f0a52-1c9e-4d8b-a6f2-5e4d3c2b1a09";

  private TaxiiLoadBench() {}

  public static void main(String[] args) throws Exception {
    long objects = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Path home = Files.createTempDirectory("bulwark-taxii-bench-");
    String url = args.length > 3 ? args[3] : NodeDatabase.defaultUrl(home);
    ConfigurableApplicationContext ctx = BulwarkNodeApplication.start(
        "--server.port=0", "--bulwark.home=" + home, "--spring.datasource.url=" + url,
        "--spring.datasource.hikari.maximum-pool-size=" + (clients + 4),
        "--logging.level.root=WARN", "--bulwark.taxii.collections.bench.title=Benchmark",
        "--bulwark.taxii.max-content-length=" + (64L << 20));
    try {
      int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      String token = ctx.getBean(PrincipalStore.class).add("bench-" + UUID.randomUUID().toString().substring(0, 8), "EST",
          EnumSet.of(Role.CONTRIBUTOR, Role.READER), Optional.of(IDENTITY), 0L, Optional.empty()).token();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(clients)).build();
      String base = "http://localhost:" + port + "/bulwark/collections/bench/objects/";
      System.out.printf("database: %s%n", url.startsWith("jdbc:h2") ? "H2 (file)" : url.replaceAll("password=[^&]*", "password=***"));

      // ---- POST ----
      long requests = (objects + batch - 1) / batch;
      AtomicLong nextRequest = new AtomicLong();
      AtomicLong stored = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long started = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          long r;
          while ((r = nextRequest.getAndIncrement()) < requests) {
            int n = (int) Math.min(batch, objects - r * batch);
            HttpResponse<String> resp = send(http, HttpRequest.newBuilder(URI.create(base))
                .header("Accept", TAXII).header("Content-Type", TAXII).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(envelope(n), StandardCharsets.UTF_8)).build());
            if (resp.statusCode() != 202 || !resp.body().contains("\"failure_count\":0")) {
              throw new IllegalStateException("POST answered " + resp.statusCode() + ": " + resp.body().substring(0, Math.min(400, resp.body().length())));
            }
            stored.addAndGet(n);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double postSeconds = (System.nanoTime() - started) / 1e9;
      pool.shutdown();
      System.out.printf("POST: %d objects in %d requests of %d from %d clients: %.1f s, %.0f objects/s%n",
          stored.get(), requests, batch, clients, postSeconds, stored.get() / postSeconds);

      // ---- GET pages ----
      List<Long> latencies = new ArrayList<>();
      String next = null;
      long seen = 0;
      long walkStart = System.nanoTime();
      do {
        long t0 = System.nanoTime();
        HttpResponse<String> resp = send(http, HttpRequest.newBuilder(URI.create(base + "?limit=1000" + (next == null ? "" : "&next=" + next)))
            .header("Accept", TAXII).header("Authorization", "Bearer " + token).GET().build());
        latencies.add(System.nanoTime() - t0);
        if (resp.statusCode() != 200) {
          throw new IllegalStateException("GET answered " + resp.statusCode());
        }
        String body = resp.body();
        seen += count(body, "\"type\":\"indicator\"");
        int i = body.indexOf("\"next\":\"");
        next = body.startsWith("{\"more\":true") && i >= 0 ? body.substring(i + 8, body.indexOf('"', i + 8)) : null;
      } while (next != null);
      double walkSeconds = (System.nanoTime() - walkStart) / 1e9;
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("GET limit=1000: %d pages, %d objects in %.1f s; page latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          sorted.length, seen, walkSeconds, pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
      if (seen != objects) {
        throw new IllegalStateException("walked " + seen + " objects, expected " + objects);
      }
    } finally {
      ctx.close();
      System.exit(0);
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
      UUID id = UUID.randomUUID();
      String ip = (id.getMostSignificantBits() >>> 40 & 0xff) + "." + (id.getMostSignificantBits() >>> 32 & 0xff) + "."
          + (id.getLeastSignificantBits() >>> 40 & 0xff) + "." + (id.getLeastSignificantBits() >>> 32 & 0xff);
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(id)
          .append("\",\"created_by_ref\":\"").append(IDENTITY)
          .append("\",\"created\":\"2026-02-01T10:00:00.000Z\",\"modified\":\"2026-02-01T10:00:00.000Z\"")
          .append(",\"name\":\"C2 server ").append(ip).append("\",\"description\":\"Command-and-control address seen in")
          .append(" traffic to a cable landing station operator.\",\"indicator_types\":[\"malicious-activity\"]")
          .append(",\"pattern\":\"[ipv4-addr:value = '").append(ip).append("']\",\"pattern_type\":\"stix\"")
          .append(",\"valid_from\":\"2026-02-01T10:00:00Z\"")
          .append(",\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}");
    }
    return b.append("]}").toString();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(r.uri() + ": " + e, e);
    }
  }

  static List<String> args(String... a) {
    return Arrays.asList(a);
  }
}
