package dev.bulwark.bench.node;

import dev.bulwark.bench.TempDirs;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka worker's throughput and its recovery after a kill (issue 17, row B18). A KRaft broker
 * runs in this JVM, and a node (H2) holds {@code indicators} IPv4 indicators and a sensor
 * principal; it publishes them to the compacted topics and stores the workers' sighting deltas
 * ({@code bulwark.cyber.kafka.*}). {@code events} Suricata flow events (one in {@code 1/hitEvery}
 * to an indicator's address, over four hours of event time) are produced to a topic of two
 * partitions, keyed by the sensor. Then {@code bulwark cyber worker} runs as a child process with
 * Kafka only (no database): when half the events are committed it is killed ({@code SIGKILL}), a
 * second worker process is started, and the bench reports
 *
 * <ul>
 *   <li>each worker's rate (events committed per second of wall time, and per CPU-second of the
 *       worker process, JVM start and index build included);
 *   <li>the recovery: from the kill to the first offset committed beyond the first worker's (a new
 *       JVM, the group's session timeout for the dead member, the rebalance);
 *   <li>whether the stored sighting counts add up to exactly the matching events (no loss, nothing
 *       counted twice).
 * </ul>
 *
 * <pre>
 * java -cp "$(cat cp.txt):bulwark-bench/target/classes" dev.bulwark.bench.node.CyberWorkerBench
 *     [events=100000] [indicators=10000] [hitEvery=20]</pre>
 *
 * Not JMH: it measures processes. Not thread-safe (a main).
 */
public final class CyberWorkerBench {
  private static final String TOPIC = "bench-events";
  private static final String GROUP = "bench";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CyberWorkerBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int indicators = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int hitEvery = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path home = Files.createTempDirectory("bulwark-cyber-worker-bench-");
    String db = NodeDatabase.defaultUrl(home);
    try (KafkaClusterTestKit kafka = broker();
        ConfigurableApplicationContext node = node(home, db, kafka.bootstrapServers())) {
      ObjectStore store = node.getBean(ObjectStore.class);
      load(store, indicators);
      node.getBean(PrincipalStore.class)
          .add(
              "bench-sensor",
              "EST",
              EnumSet.of(Role.SENSOR),
              Optional.empty(),
              0L,
              Optional.empty());
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        long expected = produce(kafka.bootstrapServers(), events, indicators, hitEvery);
        awaitPublished(admin);
        run(kafka.bootstrapServers(), admin, home, events, expected, store);
      }
    } finally {
      for (String name : List.of("first", "second")) {
        Path log = home.resolve("worker-" + name + ".log");
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log);
          System.out.println("worker " + name + " log, last lines:");
          lines.subList(Math.max(0, lines.size() - 4), lines.size()).forEach(System.out::println);
        }
      }
      TempDirs.deleteTree(home);
    }
  }

  private static void run(
      String bootstrap, Admin admin, Path home, int events, long expected, ObjectStore store)
      throws Exception {
    long start = System.nanoTime();
    Process first = worker(bootstrap, home, "first");
    long firstCommitAt = 0;
    long committedAtFirst = 0;
    long committed = 0;
    while (committed < events / 2) {
      Thread.sleep(100);
      committed = committed(admin);
      if (committed > 0 && firstCommitAt == 0) {
        firstCommitAt = System.nanoTime();
        committedAtFirst = committed;
        System.out.printf(
            "first worker: started to first commit %.1f s%n", (firstCommitAt - start) / 1e9);
      }
    }
    long killAt = System.nanoTime();
    double firstCpu = cpuSeconds(first);
    first.destroyForcibly().waitFor();
    long atKill = committed(admin);
    System.out.printf(
        "first worker: %,d events committed for %.1f CPU-s of its process = %,.0f events per"
            + " CPU-second (JVM start and index build included)%n",
        atKill, firstCpu, atKill / firstCpu);
    System.out.printf(
        "first worker: %,d events committed in %.1f s after its first commit = %,.0f events/s;"
            + " killed (SIGKILL) at %,d committed%n",
        atKill - committedAtFirst,
        (killAt - firstCommitAt) / 1e9,
        (atKill - committedAtFirst) / ((killAt - firstCommitAt) / 1e9),
        atKill);
    Process second = worker(bootstrap, home, "second");
    long resumeAt = 0;
    long resumedFrom = 0;
    try {
      while ((committed = committed(admin)) < events) {
        if (resumeAt == 0 && committed > atKill) {
          resumeAt = System.nanoTime();
          resumedFrom = committed;
          System.out.printf(
              "recovery: kill to the second worker's first commit %.1f s%n",
              (resumeAt - killAt) / 1e9);
        }
        Thread.sleep(100);
      }
      long doneAt = System.nanoTime();
      double secondCpu = cpuSeconds(second);
      System.out.printf(
          "second worker: %,d events for %.1f CPU-s of its process = %,.0f events per CPU-second%n",
          events - atKill, secondCpu, (events - atKill) / secondCpu);
      if (resumeAt != 0 && doneAt > resumeAt) {
        System.out.printf(
            "second worker: %,d events in %.1f s = %,.0f events/s%n",
            events - resumedFrom,
            (doneAt - resumeAt) / 1e9,
            (events - resumedFrom) / ((doneAt - resumeAt) / 1e9));
      }
      // the node stores the committed deltas behind the workers: wait until it has them all
      long counted = 0;
      for (int i = 0; i < 600 && counted != expected; i++) {
        Thread.sleep(100);
        counted = sightingCounts(store);
      }
      System.out.printf(
          "node caught up %.1f s after the last commit%n", (System.nanoTime() - doneAt) / 1e9);
      System.out.printf(
          "sightings: counts add up to %,d, matching events produced %,d: %s%n",
          counted, expected, counted == expected ? "exact" : "MISMATCH");
    } finally {
      second.destroy();
      second.waitFor();
    }
  }

  private static KafkaClusterTestKit broker() throws Exception {
    KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setDeleteOnClose(true)
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    return kafka;
  }

  private static ConfigurableApplicationContext node(Path home, String db, String kafka) {
    return BulwarkNodeApplication.start(
        "--server.port=0",
        "--bulwark.home=" + home,
        "--spring.datasource.url=" + db,
        "--logging.level.root=WARN",
        "--bulwark.nation=EST",
        "--bulwark.maritime.enabled=false",
        "--bulwark.federation.enabled=false",
        "--bulwark.security.pbkdf2-iterations=1000",
        "--bulwark.cyber.kafka.bootstrap=" + kafka,
        "--bulwark.cyber.kafka.topic=" + TOPIC,
        "--bulwark.cyber.kafka.publish-interval=PT0.5S");
  }

  /** Waits until the node published the sensor (after its nation's indicators). */
  private static void awaitPublished(Admin admin) throws Exception {
    TopicPartition sensors = new TopicPartition(TOPIC + ".sensors", 0);
    long t0 = System.nanoTime();
    while (true) {
      try {
        long end =
            admin
                .listOffsets(Map.of(sensors, OffsetSpec.latest()))
                .all()
                .get()
                .get(sensors)
                .offset();
        if (end > 0) {
          break;
        }
      } catch (ExecutionException e) {
        // the topic is not there yet
      }
      Thread.sleep(200);
    }
    System.out.printf(
        "node published indicators and sensor in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /** The CPU time the process used so far. */
  private static double cpuSeconds(Process p) {
    return p.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  private static Process worker(String bootstrap, Path home, String name) throws Exception {
    Process p = start(bootstrap, home, name);
    // a bench stopped early must not leave a worker process behind
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    return p;
  }

  private static Process start(String bootstrap, Path home, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx768m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.bulwark.node.cli.BulwarkMain",
            "cyber",
            "worker",
            "--kafka",
            bootstrap,
            "--topic",
            TOPIC,
            "--group",
            GROUP,
            // the same instance: the second worker fences the killed one's transaction at once
            "--instance",
            "w0")
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("worker-" + name + ".log").toFile())
        .start();
  }

  private static String address(int i) {
    return "198.18." + ((i >> 8) & 0xff) + "." + (i & 0xff);
  }

  private static void load(ObjectStore store, int n) throws Exception {
    store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
    StixCodec codec = new StixCodec();
    List<NewObject> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("indicator--00000000-0000-4000-8000-%012d", i);
      batch.add(
          NewObject.from(
              codec.parseObject(
                  "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
                      + id
                      + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                      + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"pattern_type\":\"stix\","
                      + "\"valid_from\":\"2016-01-01T00:00:00Z\",\"pattern\":\"[ipv4-addr:value = '"
                      + address(i)
                      + "']\",\"object_marking_refs\":[\""
                      + Tlp.GREEN.markingDefinitionId()
                      + "\"]}")));
      if (batch.size() == 1000) {
        store.addAll("intel", batch, new Provenance("EST", "est-analyst"));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      store.addAll("intel", batch, new Provenance("EST", "est-analyst"));
    }
  }

  /** Produces the events; returns how many go to an indicator's address. */
  private static long produce(String bootstrap, int events, int indicators, int hitEvery)
      throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    long hits = 0;
    long t0 = System.nanoTime();
    long base = Instant.parse("2017-01-30T00:00:00Z").getEpochSecond();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      Future<RecordMetadata> last = null;
      for (int i = 0; i < events; i++) {
        boolean hit = i % hitEvery == 0;
        hits += hit ? 1 : 0;
        String dest = hit ? address((i / hitEvery) % indicators) : "203.0.113." + (i % 250);
        Instant at = Instant.ofEpochSecond(base + (long) i * 4 * 3600 / events);
        String line =
            "{\"timestamp\":\""
                + at.toString().replace("Z", ".000000+0000")
                + "\",\"flow_id\":"
                + (1_000_000L + i)
                + ",\"event_type\":\"flow\",\"src_ip\":\"10.1."
                + (i % 200)
                + ".7\",\"src_port\":"
                + (30000 + i % 30000)
                + ",\"dest_ip\":\""
                + dest
                + "\",\"dest_port\":443,\"proto\":\"TCP\",\"flow\":{\"pkts_toserver\":6,"
                + "\"pkts_toclient\":5,\"bytes_toserver\":900,\"bytes_toclient\":4200,"
                + "\"start\":\""
                + at.toString().replace("Z", ".000000+0000")
                + "\",\"end\":\""
                + at.toString().replace("Z", ".000000+0000")
                + "\",\"state\":\"closed\"}}";
        // sensors are keys: two sensor names would spread over both partitions, one keeps order
        last = producer.send(new ProducerRecord<>(TOPIC, "bench-sensor", line));
      }
      last.get();
    }
    System.out.printf(
        "produced %,d events (%,d to indicators) in %.1f s%n",
        events, hits, (System.nanoTime() - t0) / 1e9);
    return hits;
  }

  private static long committed(Admin admin) throws Exception {
    Map<?, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
    long sum = 0;
    for (OffsetAndMetadata o : offsets.values()) {
      sum += o == null ? 0 : o.offset();
    }
    return sum;
  }

  /** The latest version's count of every stored sighting, summed. */
  private static long sightingCounts(ObjectStore store) {
    Map<String, JsonNode> latest = new HashMap<>();
    long after = 0;
    while (true) {
      Page page =
          store.page(
              new ObjectQuery("sightings", after, Set.of("sighting"), Set.of(), Set.of(), 1000),
              ReadFilter.SYSTEM);
      for (StoredObject o : page.items()) {
        JsonNode s = JSON.readTree(o.json());
        latest.merge(
            o.objectId(),
            s,
            (a, b) ->
                a.path("modified").asString().compareTo(b.path("modified").asString()) >= 0
                    ? a
                    : b);
      }
      if (!page.more()) {
        break;
      }
      after = page.scannedUpToMicros();
    }
    return latest.values().stream().mapToLong(s -> s.path("count").asLong()).sum();
  }
}
