package dev.bulwark.node.cyber;

import dev.bulwark.cyber.match.Indicator;
import dev.bulwark.cyber.match.IndicatorFiles;
import dev.bulwark.cyber.match.PatternIndicatorMatcher;
import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.sensor.SensorReader;
import dev.bulwark.cyber.sighting.ObservedData;
import dev.bulwark.cyber.sighting.Sighting;
import dev.bulwark.cyber.sighting.SightingAggregator;
import dev.bulwark.stix.pattern.LiveIndex;
import dev.bulwark.stix.pattern.PatternIndex;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matcher as a Kafka consumer ({@code bulwark cyber worker}); it needs only Kafka, never the
 * node's database. Topics: {@link CyberTopics}. The sensors and, per sensor nation, the indicators
 * that nation may read are compacted topics the node publishes through its read gate; the worker
 * reads them whole at start and follows them (a changed nation's index is rebuilt and swapped,
 * copy-on-write, while matching goes on). A record whose key names no published sensor is rejected
 * ({@code unknown_sensor}); a sensor is matched only against its nation's topic.
 *
 * <p>Exactly-once: each poll is one Kafka transaction. The batch's matches are aggregated per
 * (indicator, sensor, window) into sighting <em>deltas</em> (count, first and last seen, evidence
 * of this batch), produced to {@code TOPIC.sightings} keyed by sighting id, and the batch's offsets
 * are sent to the same transaction ({@code sendOffsetsToTransaction}) before it commits. A worker
 * killed mid-batch leaves an aborted (or never committed) transaction: the node, reading {@code
 * read_committed}, never sees its deltas, and the next owner of the partitions gets the batch
 * again. The transactional id is stable per worker ({@code group-instance}), so a restarted worker
 * fences its dead self and aborts what it left open at once.
 *
 * <p>Bad records are counted per cause with the first few kept as {@code topic-partition@offset:
 * cause: reason}; the rest of the batch goes on. Memory: one batch, the stream matcher per sensor,
 * the indices of the nations in use. One thread; {@link #close} stops it after the batch in hand.
 * Thread-safe.
 */
public final class CyberWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CyberWorker.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int EXAMPLES = 10;

  /** Points where a test stops the worker as a crash would (no commit, state lost). */
  public interface Faults {
    /** No fault. */
    Faults NONE = new Faults() {};

    /** After a record of a batch was matched, before the batch's deltas are produced. */
    default void afterRecord(long recordsSoFar) {}

    /** After the batch's deltas and offsets went to the transaction, before it commits. */
    default void beforeCommit(long batch) {}
  }

  /** What the worker did so far. */
  public record Stats(
      long records,
      long events,
      long matches,
      long heldBack,
      long deltas,
      long commits,
      Map<String, Long> rejected,
      List<String> examples,
      Optional<String> failure) {}

  /** A published sensor. */
  private record Sensor(String name, String nation, String identityRef) {}

  /** A nation's indicators, as published for it. */
  private record NationIndex(LiveIndex index, Set<String> heldBack) {}

  private final CyberWorkerProperties settings;
  private final CyberTopics topics;
  private final Duration window;
  private final Faults faults;
  private final Thread thread;
  private final Map<String, PatternIndicatorMatcher> matchers = new HashMap<>();
  private final Map<String, LiveIndex> matcherIndex = new HashMap<>();
  private final Map<SensorFormat, SensorReader> readers = new EnumMap<>(SensorFormat.class);
  private final Map<String, CompactedTable> indicatorTables = new HashMap<>();
  private final Map<String, NationIndex> nations = new HashMap<>();
  private final Map<String, Long> rejected = new TreeMap<>();
  private final List<String> examples = new ArrayList<>();
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, String> consumer;
  private CompactedTable sensors;
  private long batches;
  private long records;
  private long events;
  private long matches;
  private long heldBack;
  private long deltas;
  private long commits;
  private String failure;

  /**
   * @param settings the Kafka settings ({@code --kafka}, {@code --topic}, ...)
   * @param window the sighting window (the node's {@code bulwark.cyber.window})
   * @param faults crash points for tests; {@link Faults#NONE} otherwise
   */
  public CyberWorker(CyberWorkerProperties settings, Duration window, Faults faults) {
    this.settings = settings;
    this.topics = new CyberTopics(settings.topic());
    this.window = window;
    this.faults = faults;
    this.thread = new Thread(this::run, "cyber-worker-" + settings.topic());
    SensorFormat.parse(settings.format());
  }

  /** Starts consuming on the worker's own thread. */
  public CyberWorker start() {
    thread.start();
    return this;
  }

  /** Whether the consuming thread is still going. */
  public boolean alive() {
    return thread.isAlive();
  }

  /** Stops after the batch in hand (committed or aborted) and waits. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    thread.join(Duration.ofSeconds(30).toMillis());
  }

  /** A snapshot of the counters. */
  public synchronized Stats stats() {
    return new Stats(
        records,
        events,
        matches,
        heldBack,
        deltas,
        commits,
        Map.copyOf(rejected),
        List.copyOf(examples),
        Optional.ofNullable(failure));
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
    p.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        (int) Math.max(1, settings.sessionTimeout().toMillis() / 3));
    settings.clientIdSetting().ifPresent(id -> p.put(ConsumerConfig.CLIENT_ID_CONFIG, id));
    return p;
  }

  private Properties producerProperties() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // a worker killed with another id blocks read_committed readers at most this long
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }

  private void run() {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties());
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties());
        CompactedTable sensorTable = new CompactedTable(settings.kafka(), topics.sensors())) {
      consumer = c;
      sensors = sensorTable;
      producer.initTransactions();
      sensors.catchUp(Duration.ofSeconds(30));
      c.subscribe(List.of(settings.topic()));
      LOG.info("cyber worker: consuming {} as group {}", settings.topic(), settings.group());
      while (running) {
        ConsumerRecords<String, String> batch = c.poll(settings.pollTimeout());
        follow();
        if (!batch.isEmpty()) {
          producer.beginTransaction();
          List<ProducerRecord<String, String>> out = process(batch);
          out.forEach(producer::send);
          producer.sendOffsetsToTransaction(nextOffsets(batch), c.groupMetadata());
          faults.beforeCommit(++batches);
          producer.commitTransaction();
          synchronized (this) {
            deltas += out.size();
            commits++;
          }
        }
      }
    } catch (WakeupException e) {
      // close() asked: the batch in hand was committed or never started
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        failure = e.toString();
      }
      LOG.error("cyber worker stopped: {}", e.toString());
    } finally {
      indicatorTables.values().forEach(CompactedTable::close);
      LOG.info("cyber worker: stopped, {}", describe(stats()));
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, String> batch) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (TopicPartition tp : batch.partitions()) {
      List<ConsumerRecord<String, String>> rs = batch.records(tp);
      next.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
    }
    return next;
  }

  /** Takes the node's changes to sensors and indicators; rebuilds a changed nation's index. */
  private void follow() {
    sensors.follow();
    for (Map.Entry<String, CompactedTable> e : indicatorTables.entrySet()) {
      if (e.getValue().follow()) {
        rebuild(e.getKey(), e.getValue());
      }
    }
  }

  private NationIndex nation(String nation) {
    NationIndex n = nations.get(nation);
    if (n == null) {
      CompactedTable t = new CompactedTable(settings.kafka(), topics.indicators(nation));
      indicatorTables.put(nation, t);
      t.catchUp(Duration.ofSeconds(30));
      n = rebuild(nation, t);
    }
    return n;
  }

  private NationIndex rebuild(String nation, CompactedTable t) {
    StringBuilder lines = new StringBuilder();
    Set<String> held = new HashSet<>();
    for (Map.Entry<String, String> e : t.values().entrySet()) {
      JsonNode v = JSON.readTree(e.getValue());
      lines.append(v.path("indicator").toString()).append('\n');
      if (v.path("held_back").asBoolean(false)) {
        held.add(e.getKey());
      }
    }
    List<Indicator> indicators;
    try {
      indicators =
          new IndicatorFiles()
              .read(new StringReader(lines.toString()), topics.indicators(nation))
              .indicators();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var entries = indicators.stream().map(Indicator::entry).toList();
    NationIndex old = nations.get(nation);
    LiveIndex live;
    if (old == null) {
      live = new LiveIndex(PatternIndex.build(entries));
    } else {
      live = old.index();
      live.reload(entries);
    }
    NationIndex n = new NationIndex(live, Set.copyOf(held));
    nations.put(nation, n);
    LOG.info("cyber worker: {} indicators for {}", indicators.size(), nation);
    return n;
  }

  private List<ProducerRecord<String, String>> process(ConsumerRecords<String, String> batch) {
    Map<String, SightingAggregator> perSensor = new LinkedHashMap<>();
    Map<String, Sensor> named = new HashMap<>();
    long n = 0;
    for (ConsumerRecord<String, String> r : batch) {
      String where = r.topic() + "-" + r.partition() + "@" + r.offset();
      Optional<Sensor> s = r.key() == null ? Optional.empty() : sensor(r.key());
      Optional<SensorFormat> format = format(r);
      synchronized (this) {
        records++;
      }
      if (s.isEmpty()) {
        bad("unknown_sensor", where, "no active sensor published under the record's key");
      } else if (format.isEmpty()) {
        bad("unsupported_format", where, "the record's format header is not eve, zeek or stix");
      } else {
        named.put(s.get().name(), s.get());
        SightingAggregator a =
            perSensor.computeIfAbsent(s.get().name(), k -> new SightingAggregator(window));
        read(s.get(), a, format.get(), r, where);
      }
      faults.afterRecord(++n);
    }
    List<ProducerRecord<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, SightingAggregator> e : perSensor.entrySet()) {
      Sensor s = named.get(e.getKey());
      for (Sighting d : e.getValue().closeAll()) {
        out.add(new ProducerRecord<>(topics.sightings(), d.id(), delta(s, d)));
      }
    }
    return out;
  }

  /** One sighting delta: what this batch saw of one (indicator, sensor, window). */
  static String delta(Sensor s, Sighting d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("sensor", s.name());
    o.put("nation", s.nation());
    o.put("sighting_id", d.id());
    o.put("indicator_id", d.indicatorId());
    o.put("sensor_ref", d.sensorRef());
    o.put("window_start", d.windowStartMicros());
    o.put("first_seen", d.firstSeenMicros());
    o.put("last_seen", d.lastSeenMicros());
    o.put("count", d.count());
    ArrayNode evidence = o.putArray("observed_data");
    for (ObservedData od : d.observedData()) {
      od.toStix(d.sensorRef(), List.of()).forEach(evidence::add);
    }
    return o.toString();
  }

  private void read(
      Sensor s,
      SightingAggregator a,
      SensorFormat format,
      ConsumerRecord<String, String> r,
      String where) {
    NationIndex nation = nation(s.nation());
    PatternIndicatorMatcher m = matcher(s.name(), nation.index());
    ReadCounts counts = new ReadCounts();
    long[] hits = new long[2];
    try {
      readers
          .computeIfAbsent(format, SensorReader::new)
          .read(
              new StringReader(r.value() == null ? "" : r.value()),
              where,
              o -> match(m, nation, s, a, o, hits),
              counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      events += counts.observations();
      matches += hits[0];
      heldBack += hits[1];
      for (Map.Entry<RejectCause, Long> e : counts.rejectedByCause().entrySet()) {
        rejected.merge(e.getKey().label(), e.getValue(), Long::sum);
      }
      for (String example : counts.examples()) {
        if (examples.size() < EXAMPLES) {
          examples.add(example);
        }
      }
    }
  }

  private static void match(
      PatternIndicatorMatcher m,
      NationIndex nation,
      Sensor s,
      SightingAggregator a,
      Observation o,
      long[] hits) {
    m.match(
        o,
        id -> {
          if (nation.heldBack().contains(id)) {
            hits[1]++;
          } else {
            hits[0]++;
            a.add(id, s.identityRef(), o);
          }
        });
  }

  /** The sensor's stream matcher (kept across batches, so FOLLOWEDBY spans them). */
  private PatternIndicatorMatcher matcher(String sensor, LiveIndex index) {
    if (matcherIndex.get(sensor) != index) {
      matcherIndex.put(sensor, index);
      matchers.put(sensor, new PatternIndicatorMatcher(index));
    }
    return matchers.get(sensor);
  }

  private Optional<Sensor> sensor(String name) {
    String v = sensors.values().get(name);
    if (v == null) {
      return Optional.empty();
    }
    JsonNode j = JSON.readTree(v);
    return Optional.of(
        new Sensor(name, j.path("nation").asString(""), j.path("identity_ref").asString("")));
  }

  private synchronized void bad(String cause, String where, String reason) {
    rejected.merge(cause, 1L, Long::sum);
    if (examples.size() < EXAMPLES) {
      examples.add(where + ": " + cause + ": " + reason);
    }
  }

  private Optional<SensorFormat> format(ConsumerRecord<String, String> r) {
    Header h = r.headers().lastHeader("format");
    String name = h == null ? settings.format() : new String(h.value(), StandardCharsets.UTF_8);
    try {
      return Optional.of(SensorFormat.parse(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The summary line of the counters, for logs and the command's exit. */
  public static String describe(Stats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("records", s.records());
    m.put("events", s.events());
    m.put("matches", s.matches());
    m.put("held_back", s.heldBack());
    m.put("deltas", s.deltas());
    m.put("commits", s.commits());
    m.put("rejected", s.rejected());
    return m.toString();
  }
}
