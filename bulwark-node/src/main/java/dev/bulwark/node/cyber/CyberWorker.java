package dev.bulwark.node.cyber;

import dev.bulwark.cyber.match.PatternIndicatorMatcher;
import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.sensor.SensorReader;
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
import dev.bulwark.stix.pattern.LiveIndex;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matcher as a Kafka consumer ({@code bulwark cyber worker}): sensor events from a topic, keyed
 * by the sensor principal's name, one event (a line of EVE, Zeek JSON/TSV or STIX) per record,
 * matched against the indicators that sensor's nation may read and written as sightings through the
 * same path as {@code POST /api/cyber/events} ({@link IndicatorIndexes}, {@link SightingWriter}:
 * markings no wider than the indicator's and the owner's policy, one gate).
 *
 * <p>Delivery: each poll is one batch; after the batch every changed sighting is written to the
 * store, and only then are the batch's offsets committed (at-least-once). A redelivery after a
 * crash between the write and the commit counts nothing twice: each stored sighting names the last
 * event it counted ({@link SightingLedger}), and a restarted worker adds to the stored count rather
 * than starting afresh. Sighting ids are deterministic, so two workers or two runs never make two
 * sightings of one (indicator, sensor, window).
 *
 * <p>Bad records (no such sensor, an unknown format header, a line the readers reject) are counted
 * per cause with the first few kept as {@code topic-partition@offset: cause: reason}; the rest of
 * the batch goes on. Indicators are reloaded when a collection they come from changes. Memory: one
 * batch ({@code max-poll-records}, each record within the reader's line bound), the open windows of
 * each sensor. One thread; {@link #close} stops it after the batch in hand. Thread-safe.
 */
final class CyberWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CyberWorker.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int EXAMPLES = 10;

  /** Points where a test stops the worker as a crash would (no commit, state lost). */
  interface Faults {
    Faults NONE = new Faults() {};

    /** After a record of a batch was matched, before the batch's sightings are written. */
    default void afterRecord(long recordsSoFar) {}

    /** After the batch's sightings were written, before its offsets are committed. */
    default void beforeCommit(long batch) {}
  }

  /** What the worker did so far. */
  record Stats(
      long records,
      long events,
      long matches,
      long heldBack,
      long redeliveredSkipped,
      long sightings,
      long commits,
      Map<String, Long> rejected,
      List<String> examples,
      Optional<String> failure) {}

  private final CyberWorkerProperties settings;
  private final CyberProperties properties;
  private final IndicatorIndexes indexes;
  private final SightingWriter writer;
  private final CyberIntake intake;
  private final PrincipalStore principals;
  private final ObjectStore store;
  private final AccessPolicy policy;
  private final Faults faults;
  private final Map<String, SensorStream> streams = new HashMap<>();
  private final Map<SensorFormat, SensorReader> readers = new EnumMap<>(SensorFormat.class);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, String> consumer;
  private long indicatorStamp = Long.MIN_VALUE;
  private long batches;
  private final Map<String, Long> rejected = new TreeMap<>();
  private final List<String> examples = new ArrayList<>();
  private long records;
  private long events;
  private long heldBack;
  private long sightings;
  private long commits;
  private String failure;

  CyberWorker(
      CyberWorkerProperties settings,
      CyberProperties properties,
      IndicatorIndexes indexes,
      SightingWriter writer,
      CyberIntake intake,
      PrincipalStore principals,
      ObjectStore store,
      AccessPolicy policy,
      Faults faults) {
    this.settings = settings;
    this.properties = properties;
    this.indexes = indexes;
    this.writer = writer;
    this.intake = intake;
    this.principals = principals;
    this.store = store;
    this.policy = policy;
    this.faults = faults;
    this.thread = new Thread(this::run, "cyber-worker-" + settings.topic());
    SensorFormat.parse(settings.format());
  }

  /** Starts consuming on the worker's own thread. */
  CyberWorker start() {
    thread.start();
    return this;
  }

  /** Whether the consuming thread is still going. */
  boolean alive() {
    return thread.isAlive();
  }

  /** Stops after the batch in hand (its sightings written and offsets committed) and waits. */
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
  synchronized Stats stats() {
    long matches = 0;
    long skipped = 0;
    for (SensorStream s : streams.values()) {
      matches += s.aggregator.matches();
      skipped += s.ledger.skipped();
    }
    return new Stats(
        records,
        events,
        matches + closedMatches,
        heldBack,
        skipped + closedSkipped,
        sightings,
        commits,
        Map.copyOf(rejected),
        List.copyOf(examples),
        Optional.ofNullable(failure));
  }

  private long closedMatches;
  private long closedSkipped;

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

  private void run() {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties())) {
      consumer = c;
      c.subscribe(List.of(settings.topic()), new Rebalance());
      LOG.info("cyber worker: consuming {} as group {}", settings.topic(), settings.group());
      while (running) {
        ConsumerRecords<String, String> batch = c.poll(settings.pollTimeout());
        reloadIfIndicatorsChanged();
        if (!batch.isEmpty()) {
          process(batch);
          faults.beforeCommit(++batches);
          try {
            c.commitSync(nextOffsets(batch));
            synchronized (this) {
              commits++;
            }
          } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partitions moved on during the batch: its sightings are stored, the next owner
            // gets the records again and the ledger skips what was counted
            LOG.warn("cyber worker: commit refused ({}), records will come again", e.toString());
          }
        }
      }
    } catch (WakeupException e) {
      // close() asked: the batch in hand was finished or never started
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        failure = e.toString();
      }
      LOG.error("cyber worker stopped: {}", e.toString());
    } finally {
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

  private void process(ConsumerRecords<String, String> batch) {
    Map<String, Optional<NodePrincipal>> sensors = new HashMap<>();
    Set<SensorStream> touched = new LinkedHashSet<>();
    long n = 0;
    for (ConsumerRecord<String, String> r : batch) {
      String where = r.topic() + "-" + r.partition() + "@" + r.offset();
      Optional<NodePrincipal> p =
          r.key() == null ? Optional.empty() : sensors.computeIfAbsent(r.key(), this::sensor);
      Optional<SensorFormat> format = format(r);
      synchronized (this) {
        records++;
      }
      if (p.isEmpty()) {
        bad("unknown_sensor", where, "no active sensor principal named by the record's key");
      } else if (format.isEmpty()) {
        bad("unsupported_format", where, "the record's format header is not eve, zeek or stix");
      } else {
        SensorStream s = streams.computeIfAbsent(p.get().name(), k -> new SensorStream(p.get()));
        if (touched.add(s)) {
          s.refresh();
        }
        read(s, format.get(), r, where);
      }
      faults.afterRecord(++n);
    }
    for (SensorStream s : touched) {
      s.flush();
    }
  }

  private void read(
      SensorStream s, SensorFormat format, ConsumerRecord<String, String> r, String where) {
    ReadCounts counts = new ReadCounts();
    String partition = r.topic() + "-" + r.partition();
    try {
      readers
          .computeIfAbsent(format, SensorReader::new)
          .read(
              new StringReader(r.value() == null ? "" : r.value()),
              where,
              o -> s.accept(o, partition, r.offset()),
              counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      events += counts.observations();
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

  private synchronized void bad(String cause, String where, String reason) {
    rejected.merge(cause, 1L, Long::sum);
    if (examples.size() < EXAMPLES) {
      examples.add(where + ": " + cause + ": " + reason);
    }
  }

  private Optional<NodePrincipal> sensor(String name) {
    long now = System.currentTimeMillis() * 1000;
    return principals.find(name).filter(p -> p.has(Role.SENSOR) && p.activeAt(now));
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

  /** Partitions moved away: what is open was written at the end of the last batch; forget it. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      synchronized (CyberWorker.this) {
        for (SensorStream s : streams.values()) {
          closedMatches += s.aggregator.matches();
          closedSkipped += s.ledger.skipped();
        }
        streams.clear();
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.info("cyber worker: assigned {}", partitions);
    }
  }

  /** One sensor's matching state, as {@link CyberIntake} keeps it per sensor. */
  private final class SensorStream {
    final NodePrincipal principal;
    final SensorPolicy sensorPolicy;
    final SightingAggregator aggregator;
    final SightingLedger ledger;
    final long windowMicros;
    IndicatorIndexes.ReaderIndex index;
    LiveIndex live;
    PatternIndicatorMatcher matcher;
    long maxTime = Long.MIN_VALUE;
    long refreshedAt = Long.MIN_VALUE;

    SensorStream(NodePrincipal principal) {
      this.principal = principal;
      this.sensorPolicy = intake.policy(principal);
      this.aggregator = new SightingAggregator(properties.window());
      this.ledger = new SightingLedger(id -> stored(principal, id));
      this.windowMicros = properties.window().toNanos() / 1000;
    }

    void refresh() {
      // only when the indicators changed, not at every batch: the index's time-to-live would
      // rebuild it every few seconds under a steady stream (the change stamp is what matters here)
      if (index != null && refreshedAt == indicatorStamp) {
        return;
      }
      refreshedAt = indicatorStamp;
      index = indexes.of(principal);
      if (live != index.index()) {
        live = index.index();
        matcher = new PatternIndicatorMatcher(live);
      }
    }

    void accept(Observation o, String partition, long offset) {
      matcher.match(
          o,
          id -> {
            if (index.heldBack().contains(id)) {
              synchronized (CyberWorker.this) {
                heldBack++;
              }
              return;
            }
            long start = Math.floorDiv(o.firstMicros(), windowMicros) * windowMicros;
            String sid = SightingAggregator.idOf(id, sensorPolicy.identityRef(), start);
            if (ledger.count(sid, start, partition, offset)) {
              aggregator.add(id, sensorPolicy.identityRef(), o);
            }
          });
      maxTime = Math.max(maxTime, o.lastMicros());
    }

    void flush() {
      List<Sighting> out =
          maxTime == Long.MIN_VALUE
              ? aggregator.emitChanged()
              : aggregator.closeBefore(maxTime - windowMicros);
      SightingWriter.Written w =
          writer.write(out, indexes, index, sensorPolicy, principal.name(), ledger::finish);
      if (maxTime != Long.MIN_VALUE) {
        ledger.closeBefore(maxTime - windowMicros, windowMicros);
      }
      synchronized (CyberWorker.this) {
        sightings += w.sightings();
        heldBack += w.heldBack();
      }
    }
  }

  /** The summary line of the counters, for logs and the command's exit. */
  static String describe(Stats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("records", s.records());
    m.put("events", s.events());
    m.put("matches", s.matches());
    m.put("held_back", s.heldBack());
    m.put("redelivered_skipped", s.redeliveredSkipped());
    m.put("sightings", s.sightings());
    m.put("commits", s.commits());
    m.put("rejected", s.rejected());
    return m.toString();
  }
}
