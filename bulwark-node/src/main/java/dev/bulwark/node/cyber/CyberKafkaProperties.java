package dev.bulwark.node.cyber;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The node's side of the Kafka scale-out ({@code bulwark.cyber.kafka.*}; off unless {@code
 * bootstrap} is set): it publishes the sensors and each sensor nation's readable indicators to
 * compacted topics, and stores the sighting deltas the workers write ({@link CyberTopics}).
 *
 * <pre>
 * bulwark.cyber.kafka.bootstrap=broker:9092
 * bulwark.cyber.kafka.topic=sensor-events            # the events topic the workers consume
 * bulwark.cyber.kafka.group=bulwark-node-sightings   # the node's consumer group on TOPIC.sightings
 * bulwark.cyber.kafka.publish-interval=PT2S          # how often indicators and sensors are checked
 * bulwark.cyber.kafka.sighting-partitions=3          # when the node creates TOPIC.sightings
 * </pre>
 *
 * Immutable.
 */
@ConfigurationProperties(prefix = "bulwark.cyber.kafka")
public record CyberKafkaProperties(
    String bootstrap,
    String topic,
    String group,
    Duration publishInterval,
    int sightingPartitions) {

  /** Fills the defaults. */
  public CyberKafkaProperties {
    topic = topic == null || topic.isBlank() ? "sensor-events" : topic;
    group = group == null || group.isBlank() ? "bulwark-node-sightings" : group;
    publishInterval = publishInterval == null ? Duration.ofSeconds(2) : publishInterval;
    sightingPartitions = sightingPartitions <= 0 ? 3 : sightingPartitions;
  }
}
