package dev.bulwark.node.cyber;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A compacted topic read whole into a map (key to latest value; a tombstone removes the key) and
 * then followed. No consumer group: every reader reads every partition from the start. A topic that
 * does not exist yet reads as empty until it appears. Not thread-safe (one owner thread).
 */
final class CompactedTable implements AutoCloseable {
  private final String topic;
  private final KafkaConsumer<String, String> consumer;
  private final Map<String, String> values = new HashMap<>();
  private boolean assigned;

  CompactedTable(String bootstrap, String topic) {
    this.topic = topic;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
  }

  /** Reads up to the topic's current end; answers whether anything changed. */
  boolean catchUp(Duration budget) {
    if (!assigned && !assign()) {
      return false;
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    boolean changed = false;
    long until = System.nanoTime() + budget.toNanos();
    while (!reached(end) && System.nanoTime() < until) {
      changed |= apply(consumer.poll(Duration.ofMillis(100)));
    }
    return changed;
  }

  /**
   * Takes what the topic holds now (one request for the end offsets, then reads up to them);
   * answers whether anything changed. What was published before this call is seen after it.
   */
  boolean follow() {
    return catchUp(Duration.ofSeconds(5));
  }

  /** The current key-to-value map (live view; read it on the owner thread). */
  Map<String, String> values() {
    return Collections.unmodifiableMap(values);
  }

  private boolean assign() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
    if (infos == null || infos.isEmpty()) {
      return false;
    }
    List<TopicPartition> tps = new ArrayList<>();
    infos.forEach(i -> tps.add(new TopicPartition(topic, i.partition())));
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
    assigned = true;
    return true;
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private boolean apply(Iterable<ConsumerRecord<String, String>> records) {
    boolean changed = false;
    for (ConsumerRecord<String, String> r : records) {
      if (r.key() == null) {
        continue;
      }
      changed = true;
      if (r.value() == null) {
        values.remove(r.key());
      } else {
        values.put(r.key(), r.value());
      }
    }
    return changed;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
