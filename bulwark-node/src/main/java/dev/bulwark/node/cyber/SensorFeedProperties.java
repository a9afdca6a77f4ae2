package dev.bulwark.node.cyber;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sensor logs the node follows itself ({@code bulwark.cyber.feeds.*}), each read as one sensor
 * principal (its nation decides which indicators it is matched against, as for its posts):
 *
 * <pre>
 * bulwark.cyber.feeds.files[0].path=/var/log/suricata/eve.json
 * bulwark.cyber.feeds.files[0].format=eve
 * bulwark.cyber.feeds.files[0].sensor=plant-7         # a principal with the role sensor
 * bulwark.cyber.feeds.files[0].from-start=false       # true: read what the file holds already
 * bulwark.cyber.feeds.tcp[0].port=5514                # JSON lines over TCP (Zeek, Suricata, rsyslog)
 * bulwark.cyber.feeds.tcp[0].bind=127.0.0.1           # loopback unless said: a TCP feed has no login
 * bulwark.cyber.feeds.tcp[0].format=zeek
 * bulwark.cyber.feeds.tcp[0].sensor=plant-7
 * bulwark.cyber.feeds.poll=PT1S                        # how often a file is looked at
 * </pre>
 *
 * Immutable.
 */
@ConfigurationProperties(prefix = "bulwark.cyber.feeds")
public record SensorFeedProperties(List<FileFeed> files, List<TcpFeed> tcp, Duration poll) {

  /** Fills the defaults. */
  public SensorFeedProperties {
    files = files == null ? List.of() : List.copyOf(files);
    tcp = tcp == null ? List.of() : List.copyOf(tcp);
    poll = poll == null ? Duration.ofSeconds(1) : poll;
  }

  /** A log file followed as it grows and rotates. */
  public record FileFeed(String path, String format, String sensor, boolean fromStart) {}

  /** A TCP port taking JSON lines. */
  public record TcpFeed(String bind, int port, String format, String sensor) {
    /** Loopback unless an address is given. */
    public TcpFeed {
      bind = bind == null || bind.isBlank() ? "127.0.0.1" : bind;
    }
  }
}
