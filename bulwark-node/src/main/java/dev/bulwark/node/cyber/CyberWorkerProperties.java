package dev.bulwark.node.cyber;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the Kafka worker, as {@code bulwark cyber worker --kafka HOST:PORT --topic TOPIC}
 * gives them (the names below are the options' long forms):
 *
 * <pre>
 * bulwark.cyber.worker.kafka=broker:9092          # bootstrap servers
 * bulwark.cyber.worker.topic=sensor-events        # events, keyed by the sensor principal's name
 * bulwark.cyber.worker.group=bulwark-cyber-worker # the consumer group (scale out: more workers)
 * bulwark.cyber.worker.format=eve                 # eve | zeek | stix (a record header may say)
 * bulwark.cyber.worker.max-poll-records=500       # events per batch (bounds memory)
 * bulwark.cyber.worker.poll-timeout=PT0.5S
 * bulwark.cyber.worker.session-timeout=PT10S      # a killed worker's partitions move after this
 * bulwark.cyber.worker.client-id=                 # optional, for the broker's logs
 * bulwark.cyber.worker.instance=0                 # unique per worker of a group: its transactions
 * </pre>
 *
 * Immutable.
 */
public record CyberWorkerProperties(
    String kafka,
    String topic,
    String group,
    String format,
    int maxPollRecords,
    Duration pollTimeout,
    Duration sessionTimeout,
    String clientId,
    String instance) {

  /** Fills the defaults. */
  public CyberWorkerProperties {
    topic = topic == null || topic.isBlank() ? "sensor-events" : topic;
    group = group == null || group.isBlank() ? "bulwark-cyber-worker" : group;
    format = format == null || format.isBlank() ? "eve" : format;
    maxPollRecords = maxPollRecords <= 0 ? 500 : maxPollRecords;
    pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
    // Kafka's 45 s default would keep a killed worker's partitions idle that long
    sessionTimeout = sessionTimeout == null ? Duration.ofSeconds(10) : sessionTimeout;
    instance = instance == null || instance.isBlank() ? "0" : instance;
  }

  /**
   * The worker's transactional id, stable across its restarts: a restarted worker fences its dead
   * self and aborts the transaction it left open at once.
   */
  public String transactionalId() {
    return group + "-" + topic + "-" + instance;
  }

  /** The client id, when one is set. */
  public Optional<String> clientIdSetting() {
    return clientId == null || clientId.isBlank() ? Optional.empty() : Optional.of(clientId);
  }
}
