package dev.bulwark.bench.federation;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.bench.TempDirs;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Federation between two real node processes (EST and FIN) on loopback, from the executable jar:
 * (1) the time FIN takes to pull N objects that EST holds (objects/s), and (2) the lag of a single
 * new object added at EST, until it is readable at FIN, while EST's analyst adds objects at a
 * steady rate. Run from the repository root after {@code ./mvnw install -DskipTests}: {@code java
 * -cp "$(cat cp.txt):bulwark-bench/target/classes" dev.bulwark.bench.federation.FederationSyncBench
 * 100000}
 */
public final class FederationSyncBench {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FederationSyncBench() {}

  public static void main(String[] args) throws Exception {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path jar = Path.of("bulwark-node/target/bulwark-node-0.1.0-exec.jar");
    Path root = Files.createTempDirectory("bulwark-fed-bench-");
    Path est = root.resolve("EST");
    Path fin = root.resolve("FIN");
    int estPort = freePort();
    int finPort = freePort();
    String[] tokens = setUp(est, "EST", objects);
    String[] finTokens = setUp(fin, "FIN", 0);
    // EST's token for FIN's node is tokens[1]; FIN's token for EST's node is finTokens[1].
    peerEachOther(est, fin, estPort, finPort, tokens[1], finTokens[1]);
    Process estNode = start(jar, est, estPort);
    awaitUp(estPort);
    long t0 = System.nanoTime();
    Process finNode = start(jar, fin, finPort);
    try {
      awaitUp(finPort);
      long up = System.nanoTime();
      long synced;
      // one pool for the whole wait: opening one per poll would load FIN's database and skew the
      // figure
      try (HikariDataSource finDb =
          NodeDatabase.open(NodeDatabase.defaultUrl(fin), "bulwark", "", 2)) {
        while (count(finDb) < objects) {
          Thread.sleep(500);
        }
        // the node's own few objects (e.g. marking definitions) are in that count too: settle it
        // exactly
        while ((synced = countIntel(finDb)) < objects) {
          Thread.sleep(100);
        }
      }
      long t1 = System.nanoTime();
      double seconds = (t1 - up) / 1e9;
      System.out.printf(
          "initial sync: %d objects in %.1f s after FIN was up = %.0f objects/s (FIN start took %.1f s)%n",
          synced, seconds, synced / seconds, (up - t0) / 1e9);

      // EST's push walks the same objects (FIN already holds them: duplicates to FIN); the lag is
      // measured
      // in steady state, once that walk is through, and how long it took is reported
      try (HikariDataSource estDb =
          NodeDatabase.open(NodeDatabase.defaultUrl(est), "bulwark", "", 2)) {
        while (!pushCaughtUp(estDb)) {
          Thread.sleep(500);
        }
      }
      System.out.printf(
          "EST's push to FIN through the same objects: done %.1f s after the initial sync%n",
          (System.nanoTime() - t1) / 1e9);

      lagProbes(tokens, finTokens, estPort, finPort);
    } finally {
      finNode.destroy();
      estNode.destroy();
      finNode.waitFor(30, TimeUnit.SECONDS);
      estNode.waitFor(30, TimeUnit.SECONDS);
      // two node homes with 100,000 objects each: not left behind (the node logs go with them)
      TempDirs.deleteTree(root);
    }
  }

  /**
   * Makes a home with an analyst, a peer principal for the other node and optional content; returns
   * tokens.
   */
  private static String[] setUp(Path home, String nation, int objects) throws Exception {
    Files.createDirectories(home);
    Files.writeString(home.resolve("bulwark.properties"), "bulwark.nation=" + nation + "\n");
    try (HikariDataSource ds = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 2)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      store.ensureCollection(new CollectionInfo("intel", "Intel", "bench", Set.of()));
      PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
      String identity = "identity--" + UUID.randomUUID();
      String analyst =
          principals
              .add(
                  "analyst",
                  nation,
                  Set.of(Role.CONTRIBUTOR, Role.READER),
                  Optional.of(identity),
                  0,
                  Optional.empty())
              .token();
      String other = nation.equals("EST") ? "FIN" : "EST";
      String peer =
          principals
              .add(
                  "node-" + other.toLowerCase(),
                  other,
                  Set.of(Role.PEER),
                  Optional.empty(),
                  0,
                  Optional.empty())
              .token();
      List<NewObject> batch = new ArrayList<>();
      for (int i = 0; i < objects; i++) {
        batch.add(
            NewObject.from(
                StixObject.of(
                    (ObjectNode)
                        JsonMapper.builder()
                            .build()
                            .readTree(indicator(identity, UUID.randomUUID().toString())))));
        if (batch.size() == 5_000) {
          store.addAll("intel", batch, new Provenance(nation, "analyst"));
          batch.clear();
        }
      }
      store.addAll("intel", batch, new Provenance(nation, "analyst"));
      return new String[] {analyst, peer, identity};
    }
  }

  private static String indicator(String identity, String uuid) {
    String now = MILLIS.format(Instant.now());
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
        + uuid
        + "\",\"created_by_ref\":\""
        + identity
        + "\",\"created\":\""
        + now
        + "\",\"modified\":\""
        + now
        + "\",\"name\":\"bench\","
        + "\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":\"stix\",\"valid_from\":\""
        + now
        + "\",\"object_marking_refs\":[\""
        + Tlp.GREEN.markingDefinitionId()
        + "\"]}";
  }

  private static long countIntel(HikariDataSource ds) throws Exception {
    return queryLong(ds, "SELECT COUNT(*) FROM stix_objects WHERE collection_id = 'intel'");
  }

  /**
   * Whether EST's push cursor to FIN stands at EST's newest object in intel (the node has a few of
   * its own elsewhere).
   */
  private static boolean pushCaughtUp(HikariDataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT (SELECT MAX(date_added_us) FROM stix_objects WHERE collection_id = 'intel'),"
                    + " (SELECT position FROM federation_cursors WHERE direction = 'push')");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      String position = rs.getString(2);
      return position != null && Long.parseLong(position) >= rs.getLong(1);
    }
  }

  /**
   * About how many objects FIN holds: besides collection intel only a few of its own. H2 answers a
   * COUNT(*) without a condition from the table's row count, where counting the rows of one
   * collection would walk an index of up to 100,000 entries inside FIN's process every poll and
   * slow down the sync being measured.
   */
  private static long count(HikariDataSource ds) throws Exception {
    return queryLong(ds, "SELECT COUNT(*) FROM stix_objects");
  }

  private static long queryLong(HikariDataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Starts a node. System property {@code bench.nodeJvmArgs} adds JVM options to both nodes, e.g. a
   * flight recording: {@code
   * -Dbench.nodeJvmArgs=-XX:StartFlightRecording=filename=node.jfr,settings=profile} (each node
   * writes into its own home, which is the working directory).
   */
  /** FIN pulls from EST, EST pushes to FIN, every 200 ms; each with the token the other gave it. */
  private static void peerEachOther(
      Path est, Path fin, int estPort, int finPort, String estToken, String finToken)
      throws Exception {
    try (HikariDataSource ds = NodeDatabase.open(NodeDatabase.defaultUrl(fin), "bulwark", "", 2)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "est",
                  "EST",
                  URI.create("http://127.0.0.1:" + estPort + "/bulwark/"),
                  "",
                  estToken,
                  "",
                  "",
                  List.of("intel"),
                  List.of(),
                  Duration.ofMillis(200)));
    }
    try (HikariDataSource ds = NodeDatabase.open(NodeDatabase.defaultUrl(est), "bulwark", "", 2)) {
      new PeerStore(ds)
          .put(
              new Peer(
                  "fin",
                  "FIN",
                  URI.create("http://127.0.0.1:" + finPort + "/bulwark/"),
                  "",
                  finToken,
                  "",
                  "",
                  List.of(),
                  List.of("intel"),
                  Duration.ofMillis(200)));
    }
  }

  /**
   * The lag of one new object at EST until FIN's TAXII answers it, 20 probes, each after a batch of
   * 50 objects of steady load.
   */
  private static void lagProbes(String[] tokens, String[] finTokens, int estPort, int finPort)
      throws Exception {
    TaxiiClient estAnalyst = TaxiiClient.builder().basic("analyst", tokens[0]).build();
    TaxiiClient finAnalyst = TaxiiClient.builder().basic("analyst", finTokens[0]).build();
    URI estRoot = URI.create("http://127.0.0.1:" + estPort + "/bulwark/");
    URI finRoot = URI.create("http://127.0.0.1:" + finPort + "/bulwark/");
    List<Double> lags = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // steady load: a batch of 50 objects every round, then the probe object
      List<String> batch = new ArrayList<>();
      for (int b = 0; b < 50; b++) {
        batch.add(indicator(tokens[2], UUID.randomUUID().toString()));
      }
      estAnalyst.add(estRoot, "intel", batch);
      String probeId = UUID.randomUUID().toString();
      estAnalyst.add(estRoot, "intel", List.of(indicator(tokens[2], probeId)));
      long added = System.nanoTime();
      while (finAnalyst
          .objects(
              finRoot,
              "intel",
              TaxiiQuery.all().withIds(List.of("indicator--" + probeId)),
              Optional.empty())
          .objects()
          .isEmpty()) {
        Thread.sleep(20);
        if (System.nanoTime() - added > TimeUnit.SECONDS.toNanos(60)) {
          throw new IllegalStateException("probe object not seen at FIN within 60 s");
        }
      }
      lags.add((System.nanoTime() - added) / 1e6);
    }
    double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "lag of one new object (push, 200 ms interval), 20 probes under load: p50 %.0f ms, max %.0f ms%n",
        sorted[sorted.length / 2], sorted[sorted.length - 1]);
    System.out.println("all lags ms: " + Arrays.toString(sorted));
  }

  private static Process start(Path jar, Path home, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
    String extra = System.getProperty("bench.nodeJvmArgs", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(Arrays.asList(extra.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            jar.toAbsolutePath().toString(),
            "serve",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--bulwark.home=" + home.toAbsolutePath()));
    return new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("node.log").toFile())
        .start();
  }

  private static void awaitUp(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 1200; i++) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("node on port " + port + " did not start");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
