package dev.bulwark.node.cyber;

import dev.bulwark.cyber.sighting.SensorPolicy;
import dev.bulwark.cyber.sighting.Sighting;
import dev.bulwark.cyber.sighting.SightingAggregator;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node's consumer of the workers' sighting deltas ({@code TOPIC.sightings}, {@code
 * read_committed}: only what a worker's transaction committed). Each delta is added to the stored
 * sighting (count, first and last seen, evidence) and written through {@link SightingWriter} as the
 * sensor principal: markings the meet of the indicator's and the owner's policy, held back when
 * they cannot be decided, exactly as {@code POST /api/cyber/events}. The node, not the worker,
 * decides: the sensor must be an active sensor principal of the nation the delta names, and the
 * indicator one its index (the read gate) holds.
 *
 * <p>Idempotent: each stored version names the last delta it counted ({@value #COUNTED_THROUGH} =
 * {@code topic-partition@offset}); deltas of one sighting share a partition (keyed by sighting id),
 * so a redelivered delta (the node stopped between its write and its offset commit) is at or before
 * that position and changes nothing. Offsets are committed after the writes. One thread.
 * Thread-safe.
 */
final class SightingDeltas implements AutoCloseable {
  /** Where in the sightings topic a stored version has counted to. */
  static final String COUNTED_THROUGH = "x_bulwark_counted_through";

  private static final Logger LOG = LoggerFactory.getLogger(SightingDeltas.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CyberKafkaProperties settings;
  private final CyberProperties properties;
  private final IndicatorIndexes indexes;
  private final SightingWriter writer;
  private final CyberIntake intake;
  private final PrincipalStore principals;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final Thread thread;
  private final Map<String, Long> counters = new TreeMap<>();
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, String> consumer;

  SightingDeltas(
      CyberKafkaProperties settings,
      CyberProperties properties,
      IndicatorIndexes indexes,
      SightingWriter writer,
      CyberIntake intake,
      PrincipalStore principals,
      ObjectStore store,
      AccessPolicy policy) {
    this.settings = settings;
    this.properties = properties;
    this.indexes = indexes;
    this.writer = writer;
    this.intake = intake;
    this.principals = principals;
    this.store = store;
    this.policy = policy;
    this.thread = new Thread(this::run, "cyber-sighting-deltas");
  }

  SightingDeltas start() {
    thread.start();
    return this;
  }

  /** Counters: stored, redelivered_skipped, unknown_sensor, held_back, bad_record. */
  synchronized Map<String, Long> stats() {
    return Map.copyOf(counters);
  }

  private synchronized void count(String what) {
    counters.merge(what, 1L, Long::sum);
  }

  private void run() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      consumer = c;
      c.subscribe(List.of(new CyberTopics(settings.topic()).sightings()));
      while (running) {
        ConsumerRecords<String, String> batch = c.poll(Duration.ofMillis(500));
        if (!batch.isEmpty()) {
          reloadIfIndicatorsChanged();
          for (ConsumerRecord<String, String> r : batch) {
            apply(r);
          }
          c.commitSync();
        }
      }
    } catch (WakeupException e) {
      // close() asked
    } catch (RuntimeException e) {
      LOG.error("cyber sighting deltas stopped: {}", e.toString());
    }
  }

  private long indicatorStamp = Long.MIN_VALUE;

  /** The indexes are rebuilt when an indicator collection changed, not at every batch. */
  private void reloadIfIndicatorsChanged() {
    long stamp = 0;
    for (String c : properties.indicatorCollections()) {
      stamp = Math.max(stamp, store.lastAddedMicros(c));
    }
    if (stamp != indicatorStamp) {
      if (indicatorStamp != Long.MIN_VALUE) {
        indexes.invalidate();
      }
      indicatorStamp = stamp;
    }
  }

  private void apply(ConsumerRecord<String, String> r) {
    JsonNode d;
    try {
      d = JSON.readTree(r.value() == null ? "" : r.value());
    } catch (RuntimeException e) {
      count("bad_record");
      return;
    }
    Optional<NodePrincipal> sensor = sensorOf(d);
    if (sensor.isEmpty()) {
      count("unknown_sensor");
      return;
    }
    SensorPolicy sp = intake.policy(sensor.get());
    String id = d.path("sighting_id").asString("");
    String indicator = d.path("indicator_id").asString("");
    long start = d.path("window_start").asLong();
    if (!id.equals(SightingAggregator.idOf(indicator, sp.identityRef(), start))) {
      count("bad_record");
      return;
    }
    String partition = r.topic() + "-" + r.partition();
    Optional<JsonNode> stored = stored(sensor.get(), id);
    if (stored.isPresent() && countedThrough(stored.get(), partition) >= r.offset()) {
      count("redelivered_skipped");
      return;
    }
    long count = d.path("count").asLong();
    long first = d.path("first_seen").asLong();
    long last = d.path("last_seen").asLong();
    long modified = System.currentTimeMillis() * 1000;
    Set<String> evidence = new LinkedHashSet<>();
    if (stored.isPresent()) {
      JsonNode s = stored.get();
      count += s.path("count").asLong();
      first = Math.min(first, micros(s, "first_seen", first));
      last = Math.max(last, micros(s, "last_seen", last));
      modified = Math.max(modified, micros(s, "modified", 0) + 1);
      s.path("observed_data_refs").forEach(x -> evidence.add(x.asString()));
    }
    List<ObjectNode> observed = new ArrayList<>();
    for (JsonNode o : d.path("observed_data")) {
      boolean room = evidence.size() < SightingAggregator.EVIDENCE_PER_SIGHTING;
      if ("observed-data".equals(o.path("type").asString())) {
        if (room) {
          evidence.add(o.path("id").asString());
        }
      }
      if (room && o instanceof ObjectNode on) {
        observed.add(on);
      }
    }
    Sighting merged =
        new Sighting(
            id, indicator, sp.identityRef(), start, first, last, count, List.of(), modified);
    String through = partition + "@" + r.offset();
    boolean written =
        writer.writeMerged(
            merged,
            observed,
            indexes,
            indexes.of(sensor.get()),
            sp,
            sensor.get().name(),
            j -> {
              ArrayNode refs = j.putArray("observed_data_refs");
              evidence.forEach(refs::add);
              if (evidence.isEmpty()) {
                j.remove("observed_data_refs");
              }
              return j.put(COUNTED_THROUGH, through);
            });
    count(written ? "stored" : "held_back");
  }

  /** The delta's sensor: an active sensor principal of the nation the delta names. */
  private Optional<NodePrincipal> sensorOf(JsonNode d) {
    String nation = d.path("nation").asString("");
    return principals
        .find(d.path("sensor").asString(""))
        .filter(
            s ->
                s.has(Role.SENSOR)
                    && s.activeAt(System.currentTimeMillis() * 1000)
                    && s.nation().equals(nation));
  }

  private static long micros(JsonNode s, String field, long otherwise) {
    return StixTimestamps.parseMicros(s.path(field).asString("")).orElse(otherwise);
  }

  private static long countedThrough(JsonNode stored, String partition) {
    String at = stored.path(COUNTED_THROUGH).asString("");
    int i = at.lastIndexOf('@');
    if (i < 0 || !at.substring(0, i).equals(partition)) {
      return -1;
    }
    return Long.parseLong(at.substring(i + 1));
  }

  /** The latest stored version of a sighting, read through the gate as its sensor. */
  private Optional<JsonNode> stored(NodePrincipal sensor, String sightingId) {
    Optional<CollectionInfo> info = store.collection(properties.collection());
    if (info.isEmpty()) {
      return Optional.empty();
    }
    List<StoredObject> versions =
        store.versions(properties.collection(), sightingId, policy.readFilter(sensor, info.get()));
    return versions.isEmpty()
        ? Optional.empty()
        : Optional.of(JSON.readTree(versions.get(versions.size() - 1).json()));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    thread.join(Duration.ofSeconds(30).toMillis());
  }
}
