package dev.bulwark.node.cyber;

import dev.bulwark.cyber.match.Indicator;
import dev.bulwark.cyber.match.IndicatorFiles;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.StixTimestamps;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes, for the Kafka workers, the active sensors ({@code TOPIC.sensors}) and, for each nation
 * that has an active sensor, exactly the indicators that nation may read ({@code
 * TOPIC.indicators.<ISO3>}, compacted, keyed by indicator id). The set is what the one read gate
 * serves a reader of that nation without an identity ({@link IndicatorIndexes#served}), so a
 * TLP:RED indicator released to one identity never reaches a nation's topic, and a worker serving a
 * FIN sensor never receives what FIN may not read. An indicator that leaves the set (revoked,
 * expired, its new version narrower, deleted) gets a tombstone. What a topic already holds is read
 * whole at start, so the diff survives node restarts. One thread; checks every {@code
 * publish-interval} when the indicator collections or the sensors changed (and once a minute for
 * expiry). Thread-safe.
 */
final class IndicatorPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndicatorPublisher.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CyberKafkaProperties settings;
  private final CyberTopics topics;
  private final IndicatorIndexes indexes;
  private final PrincipalStore principals;
  private final ObjectStore store;
  private final CyberProperties properties;
  private final Map<String, Map<String, String>> published = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private KafkaProducer<String, String> producer;
  private String lastStamp = "";
  private long lastRun;

  IndicatorPublisher(
      CyberKafkaProperties settings,
      IndicatorIndexes indexes,
      PrincipalStore principals,
      ObjectStore store,
      CyberProperties properties) {
    this.settings = settings;
    this.topics = new CyberTopics(settings.topic());
    this.indexes = indexes;
    this.principals = principals;
    this.store = store;
    this.properties = properties;
    this.thread = new Thread(this::run, "cyber-indicator-publisher");
    thread.setDaemon(true);
  }

  IndicatorPublisher start() {
    thread.start();
    return this;
  }

  private void run() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> pr = new KafkaProducer<>(p)) {
      producer = pr;
      ensureTopic(topics.sightings(), settings.sightingPartitions(), false);
      while (running) {
        try {
          publishIfChanged();
        } catch (RuntimeException e) {
          LOG.warn("cyber publisher: {} (trying again)", e.toString());
        }
        Thread.sleep(settings.publishInterval().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publishes when indicators or sensors changed; answers whether it looked. */
  synchronized boolean publishIfChanged() {
    List<NodePrincipal> sensors = activeSensors();
    StringBuilder stamp = new StringBuilder();
    for (String c : properties.indicatorCollections()) {
      stamp.append(store.lastAddedMicros(c)).append(',');
    }
    sensors.forEach(s -> stamp.append(s.name()).append('@').append(s.nation()).append(','));
    long now = System.currentTimeMillis();
    if (stamp.toString().equals(lastStamp) && now - lastRun < 60_000) {
      return false;
    }
    Map<String, String> sensorValues = new TreeMap<>();
    Set<String> nations = new TreeSet<>();
    for (NodePrincipal s : sensors) {
      ObjectNode v = JSON.createObjectNode();
      v.put("name", s.name());
      v.put("nation", s.nation());
      v.put("identity_ref", CyberIntake.sensorIdentity(s));
      sensorValues.put(s.name(), v.toString());
      nations.add(s.nation());
    }
    // indicators first, so that a worker that learns of a sensor finds its nation's topic
    for (String nation : nations) {
      sync(topics.indicators(nation), indicatorsOf(nation));
    }
    sync(topics.sensors(), sensorValues);
    producer.flush();
    lastStamp = stamp.toString();
    lastRun = now;
    return true;
  }

  private List<NodePrincipal> activeSensors() {
    long now = System.currentTimeMillis() * 1000;
    List<NodePrincipal> out = new ArrayList<>();
    for (NodePrincipal p : principals.list()) {
      if (p.has(Role.SENSOR) && p.activeAt(now)) {
        out.add(p);
      }
    }
    return out;
  }

  /** What a reader of the nation (no identity) is served, minus revoked and expired. */
  Map<String, String> indicatorsOf(String nation) {
    NodePrincipal reader =
        new NodePrincipal(
            "cyber-topic-" + nation, nation, Set.of(Role.SENSOR), Optional.empty(), 0L, 0L, 0L);
    long now = System.currentTimeMillis() * 1000;
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, IndicatorIndexes.Served> e : indexes.served(reader).entrySet()) {
      JsonNode j = JSON.readTree(e.getValue().json());
      if (j.path("revoked").asBoolean(false)) {
        continue;
      }
      Optional<Long> until =
          j.has("valid_until")
              ? StixTimestamps.parseMicros(j.path("valid_until").asString(""))
              : Optional.empty();
      if (until.isPresent() && until.get() <= now) {
        continue;
      }
      ObjectNode v = JSON.createObjectNode();
      v.set("indicator", j);
      v.put("held_back", heldBack(e.getValue().json()));
      out.put(e.getKey(), v.toString());
    }
    return out;
  }

  private boolean heldBack(String json) {
    try {
      List<Indicator> i = new IndicatorFiles().read(new StringReader(json), "x").indicators();
      return !i.isEmpty() && indexes.heldBack(i.get(0));
    } catch (IOException e) {
      return false;
    }
  }

  /** Makes the topic hold exactly {@code want}: changed values, and tombstones for the rest. */
  private void sync(String topic, Map<String, String> want) {
    Map<String, String> held = published.get(topic);
    if (held == null) {
      ensureTopic(topic, 1, true);
      try (CompactedTable t = new CompactedTable(settings.bootstrap(), topic)) {
        t.catchUp(Duration.ofSeconds(30));
        held = new HashMap<>(t.values());
      }
      published.put(topic, held);
    }
    for (Map.Entry<String, String> e : want.entrySet()) {
      if (!e.getValue().equals(held.get(e.getKey()))) {
        producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue()));
        held.put(e.getKey(), e.getValue());
      }
    }
    for (String gone : new ArrayList<>(held.keySet())) {
      if (!want.containsKey(gone)) {
        producer.send(new ProducerRecord<>(topic, gone, null));
        held.remove(gone);
      }
    }
  }

  private void ensureTopic(String topic, int partitions, boolean compacted) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrap()))) {
      NewTopic t = new NewTopic(topic, partitions, (short) 1);
      if (compacted) {
        t.configs(Map.of("cleanup.policy", "compact"));
      }
      admin.createTopics(List.of(t)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(10_000);
  }
}
