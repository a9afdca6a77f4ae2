package dev.bulwark.node.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka scale-out against a real Kafka broker (KRaft, one combined controller and broker
 * started inside this JVM) and a real node (H2) that publishes the sensors and each nation's
 * indicators and stores the workers' sighting deltas; the worker itself has no database. Events
 * produced become sightings in the store; a worker that dies mid-batch, and one that dies after
 * producing its deltas but before committing its transaction, are followed by a worker that
 * finishes the topic, and every count is exact (nothing lost, nothing counted twice, one sighting
 * per window); bad records are counted with where and why and the rest goes on. The attacker's
 * view: a nation's indicator topic holds nothing that nation may not read.
 */
class CyberWorkerKafkaTest {
  static final String GREEN = "indicator--11111111-1111-4111-8111-111111111111";
  static final JsonMapper JSON = JsonMapper.builder().build();

  static KafkaClusterTestKit kafka;
  static CyberApiTest.ConfigurableApplicationContextHolder node =
      new CyberApiTest.ConfigurableApplicationContextHolder();
  static NodePrincipal sensor;

  @BeforeAll
  static void start() throws Exception {
    kafka =
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
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("sensor-events", 2, (short) 1))).all().get();
    }
    Path home = Files.createTempDirectory("bulwark-cyber-kafka-test-");
    node.home = home;
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bulwark.home=" + home,
                "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
                "--logging.level.root=WARN",
                "--bulwark.nation=EST",
                "--bulwark.security.pbkdf2-iterations=1000",
                // only a change of the indicators reloads them, not the time-to-live
                "--bulwark.cyber.index-ttl=PT1H"));
    // the node's side: publish sensors and indicators, store the workers' deltas
    args.addAll(
        List.of(
            "--server.port=0",
            "--bulwark.cyber.kafka.bootstrap=" + kafka.bootstrapServers(),
            "--bulwark.cyber.kafka.topic=sensor-events",
            "--bulwark.cyber.kafka.publish-interval=PT0.2S",
            "--bulwark.maritime.enabled=false"));
    node.context = BulwarkNodeApplication.start(args.toArray(String[]::new));
    ObjectStore store = node.context.getBean(ObjectStore.class);
    store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
    store.add(
        "intel",
        NewObject.from(
            new StixCodec()
                .parseObject(
                    CyberApiTest.indicator(
                        GREEN,
                        "[ipv4-addr:value = '54.230.202.37']",
                        Tlp.GREEN.markingDefinitionId()))),
        new Provenance("EST", "est-analyst"));
    sensor =
        node.context
            .getBean(PrincipalStore.class)
            .add(
                "est-sensor",
                "EST",
                EnumSet.of(Role.SENSOR),
                Optional.empty(),
                0L,
                Optional.empty())
            .principal();
    // a worker learns of sensors and indicators from the node's topics: wait for them
    await(
        () ->
            topic("sensor-events.sensors").containsKey("est-sensor")
                && topic("sensor-events.indicators.EST").containsKey(GREEN),
        "the node to publish the sensor and EST's indicators");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    if (kafka != null) {
      kafka.close();
    }
  }

  /** An HTTP flow of the real surevego capture to the indicator's address, at hour:minute. */
  static String event(int hour, int minute, int second) {
    String at = String.format("2017-01-30T%02d:%02d:%02d.000000+0000", hour, minute, second);
    return CyberApiTest.http(at).strip();
  }

  static void produce(String topic, List<ProducerRecord<String, String>> records) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (ProducerRecord<String, String> r : records) {
        producer.send(r).get();
      }
    }
  }

  static Optional<JsonNode> sighting(int hour) {
    return SightingCounts.sighting(node.context.getBean(ObjectStore.class), GREEN, sensor, hour);
  }

  static long count(int hour) {
    return count(GREEN, hour);
  }

  static long count(String indicator, int hour) {
    return SightingCounts.count(node.context.getBean(ObjectStore.class), indicator, sensor, hour);
  }

  static void await(BooleanSupplier done, String what) throws InterruptedException {
    SightingCounts.await(done, what);
  }

  /**
   * A worker as `bulwark cyber worker --kafka ... --topic sensor-events` runs it; one at a time, in
   * one group, so each test goes on where the last committed.
   */
  static CyberWorker worker(CyberWorker.Faults faults) {
    return new CyberWorker(
            new CyberWorkerProperties(
                kafka.bootstrapServers(),
                "sensor-events",
                "main",
                "eve",
                10,
                null,
                null,
                null,
                "0"),
            Duration.ofHours(1),
            faults)
        .start();
  }

  @Test
  void eventsProducedBecomeSightingsAndBadRecordsAreCountedWhileTheRestGoesOn() throws Exception {
    List<ProducerRecord<String, String>> rs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rs.add(new ProducerRecord<>("sensor-events", "est-sensor", event(4, i, 7)));
    }
    rs.add(new ProducerRecord<>("sensor-events", "est-sensor", "{not json"));
    rs.add(new ProducerRecord<>("sensor-events", "nobody", event(4, 30, 0)));
    for (int i = 0; i < 5; i++) {
      rs.add(new ProducerRecord<>("sensor-events", "est-sensor", event(5, i, 7)));
    }
    produce("sensor-events", rs);
    CyberWorker w = worker(CyberWorker.Faults.NONE);
    CyberWorker.Stats s;
    try {
      await(
          () -> count(4) == 12 && count(5) == 5 && w.stats().rejected().size() >= 2, "19 records");
      s = w.stats();
    } finally {
      w.close();
    }
    assertThat(s.rejected()).containsEntry("not_json", 1L).containsEntry("unknown_sensor", 1L);
    assertThat(s.examples())
        .anySatisfy(e -> assertThat(e).matches("sensor-events-\\d@\\d+:1: not_json: .*"))
        .anySatisfy(e -> assertThat(e).matches("sensor-events-\\d@\\d+: unknown_sensor: .*"));
    JsonNode four = sighting(4).orElseThrow();
    assertThat(four.path("first_seen").asString()).isEqualTo("2017-01-30T04:00:07.000000Z");
    assertThat(four.path("last_seen").asString()).isEqualTo("2017-01-30T04:11:07.000000Z");
    assertThat(four.path("sighting_of_ref").asString()).isEqualTo(GREEN);
    // the meet of a GREEN indicator and the owner's default policy (amber): no wider than either
    assertThat(four.path("object_marking_refs").toString())
        .contains(Tlp.AMBER.markingDefinitionId());
  }

  @Test
  void anIndicatorAddedWhileTheWorkerRunsIsMatchedFromTheNextBatch() throws Exception {
    String address = "198.51.100.77";
    String id = "indicator--33333333-3333-4333-8333-333333333333";
    CyberWorker w = worker(CyberWorker.Faults.NONE);
    try {
      addedWhileRunning(address, id);
    } finally {
      w.close();
    }
  }

  private static void addedWhileRunning(String address, String id) throws Exception {
    // the flow, then a marker (a match of the known indicator) behind it in the sensor's partition
    produce(
        "sensor-events",
        List.of(
            new ProducerRecord<>("sensor-events", "est-sensor", flowTo(address, 6)),
            new ProducerRecord<>("sensor-events", "est-sensor", event(6, 6, 0))));
    await(() -> count(GREEN, 6) == 1, "the flow and the marker behind it");
    assertThat(count(id, 6)).isZero();
    node.context
        .getBean(ObjectStore.class)
        .add(
            "intel",
            NewObject.from(
                new StixCodec()
                    .parseObject(
                        CyberApiTest.indicator(
                            id,
                            "[ipv4-addr:value = '" + address + "']",
                            Tlp.GREEN.markingDefinitionId()))),
            new Provenance("EST", "est-analyst"));
    // the node publishes it to EST's topic; the worker takes it before its next batch
    await(
        () -> topic("sensor-events.indicators.EST").containsKey(id),
        "the new indicator in EST's topic");
    produce(
        "sensor-events",
        List.of(new ProducerRecord<>("sensor-events", "est-sensor", flowTo(address, 7))));
    await(() -> count(id, 7) == 1, "the sighting of the new indicator");
  }

  /** A flow of the real capture's shape to an address, at hour:05. */
  static String flowTo(String address, int hour) {
    return event(hour, 5, 0).replace("54.230.202.37", address);
  }

  @Test
  void workersKilledMidBatchAndBeforeTheirCommitLoseAndDuplicateNothing() throws Exception {
    List<ProducerRecord<String, String>> rs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rs.add(new ProducerRecord<>("sensor-events", "est-sensor", event(8 + i / 30, i % 30, i)));
    }
    produce("sensor-events", rs);
    class Crash extends RuntimeException {
      Crash(String what) {
        super(what);
      }
    }
    // 1: produces the deltas of its second batch, dies before committing its transaction
    CyberWorker first =
        worker(
            new CyberWorker.Faults() {
              @Override
              public void beforeCommit(long batch) {
                if (batch == 2) {
                  throw new Crash("killed before the commit");
                }
              }
            });
    await(() -> !first.alive(), "the first worker to die");
    assertThat(first.stats().failure()).hasValueSatisfying(f -> assertThat(f).contains("Crash"));
    await(() -> count(8) + count(9) > 0, "the first worker's committed batch stored");
    Thread.sleep(1500);
    long storedByFirst = count(8) + count(9);
    assertThat(storedByFirst).isGreaterThan(0);
    // 2: dies in the middle of its first batch, before storing anything
    CyberWorker second =
        worker(
            new CyberWorker.Faults() {
              @Override
              public void afterRecord(long n) {
                if (n == 5) {
                  throw new Crash("killed mid-batch");
                }
              }
            });
    await(() -> !second.alive(), "the second worker to die");
    Thread.sleep(1500);
    assertThat(count(8) + count(9)).isEqualTo(storedByFirst);
    // 3: finishes the topic
    CyberWorker third = worker(CyberWorker.Faults.NONE);
    try {
      await(() -> count(8) + count(9) >= 60, "60 matches stored");
      Thread.sleep(1500);
      assertThat(count(8)).isEqualTo(30);
      assertThat(count(9)).isEqualTo(30);
      assertThat(third.stats().events())
          .as("the batch produced but not committed came again")
          .isGreaterThan(40);
      JsonNode eight = sighting(8).orElseThrow();
      assertThat(eight.path("first_seen").asString()).isEqualTo("2017-01-30T08:00:00.000000Z");
      assertThat(eight.path("last_seen").asString()).isEqualTo("2017-01-30T08:29:29.000000Z");
      assertThat(eight.path("observed_data_refs").size()).isEqualTo(10);
      assertThat(eight.path(SightingDeltas.COUNTED_THROUGH).asString())
          .matches("sensor-events\\.sightings-\\d@\\d+");
    } finally {
      third.close();
    }
    // a clean stop: the thread ends, nothing failed
    assertThat(third.alive()).isFalse();
    assertThat(third.stats().failure()).isEmpty();
  }

  static void indicator(String id, String pattern, Tlp tlp, String origin, String extra)
      throws Exception {
    String json =
        CyberApiTest.indicator(id, pattern, tlp.markingDefinitionId())
            .replace("\"name\"", extra + "\"name\"");
    if (!extra.isEmpty()) {
      // a later version
      json =
          json.replace(
              "\"modified\":\"2024-01-01T00:00:00.000Z\"",
              "\"modified\":\"2024-06-01T00:00:00.000Z\"");
    }
    node.context
        .getBean(ObjectStore.class)
        .add(
            "intel",
            NewObject.from(new StixCodec().parseObject(json)),
            new Provenance(origin, origin.toLowerCase(Locale.ROOT) + "-analyst"));
  }

  static Map<String, String> topic(String name) {
    try (CompactedTable t = new CompactedTable(kafka.bootstrapServers(), name)) {
      t.catchUp(Duration.ofSeconds(10));
      return Map.copyOf(t.values());
    }
  }

  @Test
  void aNationsIndicatorTopicHoldsNothingThatNationMayNotRead() throws Exception {
    String finOnly = "indicator--55555555-5555-4555-8555-555555555555";
    String estOnly = "indicator--66666666-6666-4666-8666-666666666666";
    String revoked = "indicator--77777777-7777-4777-8777-777777777777";
    indicator(finOnly, "[ipv4-addr:value = '198.51.100.5']", Tlp.AMBER_STRICT, "FIN", "");
    indicator(estOnly, "[ipv4-addr:value = '198.51.100.6']", Tlp.AMBER_STRICT, "EST", "");
    indicator(revoked, "[ipv4-addr:value = '198.51.100.7']", Tlp.GREEN, "EST", "");
    node.context
        .getBean(PrincipalStore.class)
        .add("fin-sensor", "FIN", EnumSet.of(Role.SENSOR), Optional.empty(), 0L, Optional.empty());
    await(
        () ->
            topic("sensor-events.indicators.FIN").containsKey(revoked)
                && topic("sensor-events.indicators.EST").containsKey(estOnly)
                && topic("sensor-events.sensors").containsKey("fin-sensor"),
        "the FIN and EST topics");
    Map<String, String> fin = topic("sensor-events.indicators.FIN");
    Map<String, String> est = topic("sensor-events.indicators.EST");
    // the attack: a worker serving FIN's sensor reads FIN's topic whole
    assertThat(fin).containsKeys(finOnly, GREEN, revoked).doesNotContainKey(estOnly);
    assertThat(est).containsKeys(estOnly, GREEN, revoked).doesNotContainKey(finOnly);
    assertThat(String.join("\n", fin.values())).doesNotContain("198.51.100.6");
    assertThat(String.join("\n", est.values())).doesNotContain("198.51.100.5");
    // a revoked version leaves every topic (a tombstone)
    indicator(revoked, "[ipv4-addr:value = '198.51.100.7']", Tlp.GREEN, "EST", "\"revoked\":true,");
    await(
        () ->
            !topic("sensor-events.indicators.FIN").containsKey(revoked)
                && !topic("sensor-events.indicators.EST").containsKey(revoked),
        "the tombstones of the revoked indicator");
  }
}
