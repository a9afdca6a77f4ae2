package dev.bulwark.bench.node;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.source.LineReader;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.ingest.AisAdapter;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.scenario.AivdmEncoder;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.maritime.MaritimeWatch;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The node's sustained AIS ingest, end to end: a real node (embedded H2, in this JVM) reads a TCP
 * feed of synthetic traffic as fast as it can (decoder on the source thread, detection engine on
 * its own thread), publishes the alerts it raises as STIX into its store, while a console client
 * follows the server-sent events. Then its heap, after a full GC, with every vessel still live.
 *
 * <p>The traffic: {@code vessels} synthetic MMSIs in the Baltic, each reporting once per round (60
 * s of track time apart) for {@code rounds} rounds, with 20 of them lying still across a cable
 * corridor (loitering alerts) and a few MMSIs sent from two places at once (spoofing alerts). The
 * source waits for the engine when it is behind ({@code overflow=block}), so every sentence is
 * processed and the rate measured is the engine-bound rate. Usage: {@code MaritimeNodeIngestBench
 * [vessels=20000] [rounds=60]}. Not a JMH benchmark: it measures a running server, once, and prints
 * its figures.
 */
public final class MaritimeNodeIngestBench {
  private MaritimeNodeIngestBench() {}

  public static void main(String[] args) throws Exception {
    int vessels = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    byte[] feed = traffic(vessels, rounds);
    long sentences = countLines(feed);
    System.out.printf(
        Locale.ROOT,
        "workload: %d vessels x %d rounds = %,d sentences (%,d bytes)%n",
        vessels,
        rounds,
        sentences,
        feed.length);

    ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Path home = Files.createTempDirectory("bulwark-ingest-bench-");
    ConfigurableApplicationContext node = startNode(home, server.getLocalPort());
    MaritimeWatch watch = node.getBean(MaritimeWatch.class);
    String port = node.getEnvironment().getProperty("local.server.port");
    // an admin's console: its stream carries the watch's status events too (they are for admins
    // only)
    String token =
        node.getBean(PrincipalStore.class)
            .add(
                "bench",
                "EST",
                EnumSet.of(Role.READER, Role.CONTRIBUTOR, Role.ADMIN),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    AtomicLong sseBytes = new AtomicLong();
    Thread console = consoleClient("http://localhost:" + port, token, sseBytes);

    for (int i = 0; i < 200 && watch.status().consoleClients() == 0; i++) {
      Thread.sleep(50);
    }
    System.out.println("console clients connected: " + watch.status().consoleClients());
    Socket socket = server.accept();
    long started = System.nanoTime();
    try (OutputStream out = socket.getOutputStream()) {
      out.write(feed);
      out.flush();
      long expectedObservations = sentences; // one position per sentence
      while (watch.engine().processed() + watch.queue().dropped() < expectedObservations) {
        Thread.sleep(5);
      }
      long elapsed = System.nanoTime() - started;
      double seconds = elapsed / 1e9;
      report(watch, sentences, seconds, sseBytes);
      feed = null;
      heap(watch, "after ingest, every vessel live");
    } finally {
      console.interrupt();
      node.close();
      server.close();
    }
    bare(traffic(vessels, rounds));
    System.exit(0);
  }

  /** A node on an H2 file in {@code home} whose one AIS source reads the bench's feed port. */
  private static ConfigurableApplicationContext startNode(Path home, int feedPort) {
    return BulwarkNodeApplication.start(
        "--server.port=0",
        "--bulwark.home=" + home,
        "--spring.datasource.url=jdbc:h2:file:"
            + home
            + "/db/bulwark;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
        "--logging.level.root=WARN",
        "--bulwark.maritime.queue-capacity=65536",
        "--bulwark.maritime.sources.bench.type=tcp",
        "--bulwark.maritime.sources.bench.host=127.0.0.1",
        "--bulwark.maritime.sources.bench.port=" + feedPort,
        "--bulwark.maritime.sources.bench.overflow=block");
  }

  /** What the node did with the feed: throughput, alerts, what the console received. */
  private static void report(
      MaritimeWatch watch, long sentences, double seconds, AtomicLong sseBytes)
      throws InterruptedException {
    MaritimeWatch.Status s = watch.status();
    Thread.sleep(3000); // let the publisher catch up and the console receive a status event
    s = watch.status();
    System.out.printf(
        Locale.ROOT,
        "ingest: %,d sentences in %.2f s = %,.0f sentences/s (engine processed %,d,"
            + " dropped %,d, source errors %d)%n",
        sentences,
        seconds,
        sentences / seconds,
        s.processed(),
        s.queueDropped(),
        s.sources().get(0).errors());
    System.out.printf(
        Locale.ROOT,
        "alerts: %d raised, %d published as STIX (%d failures); console SSE client"
            + " received %,d bytes (%d clients)%n",
        s.alertsRaised(),
        s.alertsPublished(),
        s.publishFailures(),
        sseBytes.get(),
        s.consoleClients());
    Map<String, Long> kinds = new TreeMap<>();
    // every alert the node holds, not a reader's view: the bench reports what was published
    watch
        .ledger()
        .list(anyAlert -> true)
        .forEach(a -> kinds.merge(a.path("kind").asString(""), 1L, Long::sum));
    System.out.println("alert kinds published: " + kinds);
    System.out.println("status: " + s);
  }

  /**
   * The same traffic without the node: decoding alone, then the bare engine alone, one thread each.
   */
  static void bare(byte[] feed) throws IOException {
    List<VesselObservation> obs = new ArrayList<>();
    AisAdapter adapter = new AisAdapter();
    AisDecoder decoder = AisDecoder.builder(d -> adapter.accept(d, obs::add)).build();
    long t0 = System.nanoTime();
    new LineReader(new ByteArrayInputStream(feed)).forEachLine(decoder::accept);
    long t1 = System.nanoTime();
    MaritimeEngine engine =
        MaritimeEngine.withDefaults(GeoJsonInfrastructure.baltic().layer(), (a, c) -> {});
    long t2 = System.nanoTime();
    for (VesselObservation o : obs) {
      engine.accept(o);
    }
    long t3 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "without the node: decoding alone %,.0f sentences/s; bare engine alone %,.0f"
            + " observations/s (%d alerts)%n",
        obs.size() / ((t1 - t0) / 1e9),
        obs.size() / ((t3 - t2) / 1e9),
        engine.alerts().size());
  }

  private static void heap(MaritimeWatch watch, String when) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf(
        Locale.ROOT,
        "heap %s: %d vessels, %.0f MiB used after GC (max %.0f MiB)%n",
        when,
        watch.status().vessels(),
        heap.getUsed() / 1048576.0,
        heap.getMax() / 1048576.0);
  }

  private static Thread consoleClient(String base, String token, AtomicLong bytes) {
    Thread t =
        new Thread(
            () -> {
              HttpRequest r =
                  HttpRequest.newBuilder(URI.create(base + "/api/maritime/events"))
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      ("bench:" + token).getBytes(StandardCharsets.UTF_8)))
                      .header("Accept", "text/event-stream")
                      .build();
              try {
                HttpResponse<InputStream> response =
                    HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                  System.out.println("console client: HTTP " + response.statusCode());
                }
                InputStream in = response.body();
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) >= 0) {
                  bytes.addAndGet(n);
                }
                in.close();
              } catch (IOException e) {
                // the node closed
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-console");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Synthetic traffic, round by round, in time order. */
  static byte[] traffic(int vessels, int rounds) throws IOException {
    AivdmEncoder enc = new AivdmEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream(vessels * rounds * 80);
    long t0 = 1_764_316_800L;
    int loiterers = Math.min(20, vessels / 100);
    int spoofed = 20;
    for (int r = 0; r < rounds; r++) {
      long sec = t0 + r * 60L;
      String tag = AivdmEncoder.tagBlock(sec);
      for (int v = 0; v < vessels; v++) {
        int mmsi = 230_000_000 + v; // Finnish MID, synthetic
        double lat;
        double lon;
        double sog;
        double cog;
        if (v < loiterers) {
          // still, 1.1 km apart on a meridian across the C-Lion1 corridor (central Baltic)
          lat = 56.9 + v * 0.01;
          lon = 19.075;
          sog = 0.3;
          cog = 45;
        } else if (v < loiterers + spoofed && r % 2 == 1) {
          // the same MMSI also reported 60 km away: impossible movement
          lat = 54.2 + (v / 200) * 0.03 + 0.55;
          lon = 12.0 + (v % 200) * 0.05;
          sog = 12;
          cog = 0;
        } else {
          // a grid 3.3 km x 3.2 km apart, everyone northbound at 12 kn
          lat = 54.2 + (v / 200) * 0.03 + r * 0.0033;
          lon = 12.0 + (v % 200) * 0.05;
          sog = 12;
          cog = 0;
        }
        for (String s : enc.type1(mmsi, 0, lat, lon, sog, cog, (int) cog, (int) (sec % 60))) {
          out.write(tag.getBytes(StandardCharsets.US_ASCII));
          out.write(s.getBytes(StandardCharsets.US_ASCII));
          out.write('\n');
        }
      }
    }
    return out.toByteArray();
  }

  private static long countLines(byte[] b) {
    long n = 0;
    for (byte x : b) {
      if (x == '\n') {
        n++;
      }
    }
    return n;
  }
}
