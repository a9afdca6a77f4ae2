package dev.bulwark.node.cyber;

import dev.bulwark.stix.markings.Tlp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the cyber feature ({@code bulwark.cyber.*}):
 *
 * <pre>
 * bulwark.cyber.collection=sightings          # where sightings go (node-owned)
 * bulwark.cyber.indicator-collections=intel   # where indicators are read from
 * bulwark.cyber.window=PT1H                   # one sighting per indicator, sensor and window
 * bulwark.cyber.tlp=amber                     # the sensors' owner's widest release ...
 * bulwark.cyber.releasable-to=NATO            # ... and, with amber, to whom beyond the nation
 * bulwark.cyber.max-body-bytes=268435456      # one POST of events at most
 * bulwark.cyber.warninglists=/path/list.json  # MISP warninglists (hits held back)
 * </pre>
 *
 * Immutable.
 */
@ConfigurationProperties(prefix = "bulwark.cyber")
public record CyberProperties(
    String collection,
    List<String> indicatorCollections,
    Duration window,
    String tlp,
    List<String> releasableTo,
    long maxBodyBytes,
    Duration indexTtl,
    List<String> warninglists) {

  /** Fills the defaults. */
  public CyberProperties {
    collection = collection == null || collection.isBlank() ? "sightings" : collection;
    indicatorCollections =
        indicatorCollections == null || indicatorCollections.isEmpty()
            ? List.of("intel")
            : List.copyOf(indicatorCollections);
    window = window == null ? Duration.ofHours(1) : window;
    tlp = tlp == null || tlp.isBlank() ? "amber" : tlp;
    releasableTo = releasableTo == null ? List.of() : List.copyOf(releasableTo);
    maxBodyBytes = maxBodyBytes <= 0 ? 256L * 1024 * 1024 : maxBodyBytes;
    indexTtl = indexTtl == null ? Duration.ofSeconds(10) : indexTtl;
    warninglists = warninglists == null ? List.of() : List.copyOf(warninglists);
  }

  /** The TLP level of the sensors' owner policy. */
  public Tlp tlpLevel() {
    return switch (tlp.toLowerCase(Locale.ROOT)) {
      case "clear", "white" -> Tlp.CLEAR;
      case "green" -> Tlp.GREEN;
      case "amber+strict" -> Tlp.AMBER_STRICT;
      case "red" -> Tlp.RED;
      default -> Tlp.AMBER;
    };
  }
}
