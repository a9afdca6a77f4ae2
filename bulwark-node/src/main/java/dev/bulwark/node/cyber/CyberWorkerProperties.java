package dev.bulwark.node.cyber;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the Kafka worker, as {@code bulwark cyber worker} gives them (options, defaults):
 *
 * <pre>
 * kafka                 --kafka HOST:PORT, bootstrap servers
 * topic                 --topic, the events topic, keyed by the sensor principal's name
 * group                 --group (bulwark-cyber-worker), the consumer group
 * format                --format (eve), eve | zeek | stix (a record header may say)
 * maxPollRecords        --max-poll-records (500), events per batch and transaction
 * pollTimeout           PT0.5S
 * sessionTimeout        PT10S, a killed worker's partitions move after this
 * clientId              optional, for the broker's logs
 * instance              --instance (0), unique per worker of a group: its transactional id
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
