package dev.bulwark.node.cyber;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * bulwark.cyber.feeds.tcp[0].bind=127.0.0.1           # loopback unless said
 * bulwark.cyber.feeds.tcp[0].format=zeek
 * bulwark.cyber.feeds.tcp[0].sensor=plant-7
 * bulwark.cyber.feeds.tcp[0].auth=token               # first line "AUTH &lt;sensor's token&gt;"; none: loopback only
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

  /**
   * A TCP port taking JSON lines. With {@code auth=token} (the default) each connection's first
   * line is {@code AUTH <token>} of the feed's sensor principal; {@code auth=none} (no sign-in:
   * whoever can connect writes as the sensor) is accepted only on a loopback address.
   */
  public record TcpFeed(String bind, int port, String format, String sensor, String auth) {
    /** Loopback unless an address is given; a token unless {@code none} is said. */
    public TcpFeed {
      bind = bind == null || bind.isBlank() ? "127.0.0.1" : bind;
      auth = auth == null || auth.isBlank() ? "token" : auth.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a connection must sign in with the sensor's token first. */
    public boolean tokenRequired() {
      return !auth.equals("none");
    }
  }
}
