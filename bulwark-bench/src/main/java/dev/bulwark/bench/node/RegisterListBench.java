package dev.bulwark.bench.node;

import dev.bulwark.bench.TempDirs;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.campaign.SyntheticRegister;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.incidents.IncidentCollections;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.markings.Tlp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The register's list API over real HTTP at {@code n} incidents (issue 16: p99 under 100 ms at
 * 100,000 with filters). Not JMH: it measures a server. The incidents are the library's synthetic
 * register (5 years, the Baltic and the eastern flank, every kind), marked TLP:GREEN (60 %), AMBER
 * (30 %) and AMBER+STRICT (10 %), originated by EST (60 %) and FIN (40 %), stored straight into the
 * collection; an EST analyst then asks for filtered pages ({@code limit=100}): by kind, by a year,
 * by a bounding box, by origin, and all at once. The first request (which builds the reader's view
 * through the gate) is timed apart; then {@code requests} timed requests give p50, p99 and max.
 *
 * <pre>
 * java -cp "$(cat cp.txt):bulwark-bench/target/classes" dev.bulwark.bench.node.RegisterListBench
 *     [incidents=100000] [requests=500]</pre>
 *
 * Not thread-safe (a main).
 */
public final class RegisterListBench {
  private static final List<String> QUERIES =
      List.of(
          "kind=sabotage-undersea",
          "since=2023-01-01T00:00:00Z&until=2023-12-31T23:59:59Z",
          "bbox=20,57,28,61",
          "origin=FIN&kind=cyberattack",
          "kind=gnss-interference&since=2022-01-01T00:00:00Z&bbox=18,55,30,62&status=reported",
          "offset=2000");

  private RegisterListBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Path home = Files.createTempDirectory("bulwark-register-bench-");
    ConfigurableApplicationContext node = null;
    try {
      node =
          BulwarkNodeApplication.start(
              "--server.port=0",
              "--bulwark.home=" + home,
              "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
              "--logging.level.root=WARN",
              "--bulwark.nation=EST",
              "--bulwark.maritime.enabled=false",
              "--bulwark.federation.enabled=false",
              "--bulwark.security.pbkdf2-iterations=1000");
      String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      long loaded = load(node.getBean(ObjectStore.class), n);
      String token =
          node.getBean(PrincipalStore.class)
              .add(
                  "est-analyst",
                  "EST",
                  EnumSet.of(Role.READER, Role.CONTRIBUTOR),
                  Optional.empty(),
                  0L,
                  Optional.empty())
              .token();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(("est-analyst:" + token).getBytes(StandardCharsets.UTF_8));
      HttpClient http = HttpClient.newHttpClient();
      long t0 = System.nanoTime();
      String first = get(http, base, auth, QUERIES.get(0));
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      for (int i = 0; i < 30; i++) {
        get(http, base, auth, QUERIES.get(i % QUERIES.size()));
      }
      long[] nanos = new long[requests];
      for (int i = 0; i < requests; i++) {
        long s = System.nanoTime();
        get(http, base, auth, QUERIES.get(i % QUERIES.size()));
        nanos[i] = System.nanoTime() - s;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "register list API: %d incidents stored in %d ms; first request (builds the reader's"
              + " view) %d ms, %s%n",
          n, loaded, firstMs, first.substring(0, Math.min(60, first.length())));
      System.out.printf(
          "  %d filtered requests (limit=100): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          requests,
          nanos[requests / 2] / 1e6,
          nanos[(int) Math.min(requests - 1, Math.ceil(requests * 0.99) - 1)] / 1e6,
          nanos[requests - 1] / 1e6);
    } finally {
      if (node != null) {
        node.close();
      }
      TempDirs.deleteTree(home);
    }
  }

  /** Stores the synthetic register straight into the collection; returns the time taken. */
  private static long load(ObjectStore store, int n) {
    long t0 = System.nanoTime();
    IncidentCollections.ensure(store, new Provenance("EST", "bench"));
    List<Incident> incidents = SyntheticRegister.incidents(n, 16L);
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    List<NewObject> est = new ArrayList<>();
    List<NewObject> fin = new ArrayList<>();
    for (int i = 0; i < incidents.size(); i++) {
      Incident s = incidents.get(i);
      int m = i % 10;
      Tlp tlp = m < 6 ? Tlp.GREEN : m < 9 ? Tlp.AMBER : Tlp.AMBER_STRICT;
      Incident marked =
          new Incident(
              s.id(),
              s.name(),
              s.description(),
              s.details(),
              s.status(),
              s.determination(),
              s.firstSeen(),
              s.location(),
              s.entities(),
              s.history(),
              s.evidenceRefs(),
              List.of(tlp.markingDefinitionId()),
              s.createdBy(),
              s.source());
      (i % 5 < 3 ? est : fin).add(NewObject.from(IncidentStix.firstVersion(marked, now)));
      flush(store, est, "EST", false);
      flush(store, fin, "FIN", false);
    }
    flush(store, est, "EST", true);
    flush(store, fin, "FIN", true);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void flush(ObjectStore store, List<NewObject> rows, String nation, boolean all) {
    if (rows.size() >= 5_000 || (all && !rows.isEmpty())) {
      store.addAll(IncidentCollections.INCIDENTS, rows, new Provenance(nation, "bench"));
      rows.clear();
    }
  }

  private static String get(HttpClient http, String base, String auth, String query)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/incidents?limit=100&" + query))
                .header("Authorization", auth)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(query + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
