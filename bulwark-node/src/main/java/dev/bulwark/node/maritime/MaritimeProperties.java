package dev.bulwark.node.maritime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live maritime watch's configuration, under {@code bulwark.maritime.*}. Immutable.
 *
 * <pre>
 * bulwark.maritime.sources.dma.type=tcp          # tcp | udp | file | csv
 * bulwark.maritime.sources.dma.host=ais.example
 * bulwark.maritime.sources.dma.port=4001
 * bulwark.maritime.sources.radio.type=udp
 * bulwark.maritime.sources.radio.port=10110      # bind address: .bind (default 0.0.0.0)
 * bulwark.maritime.sources.capture.type=file     # NMEA, plain or gzip
 * bulwark.maritime.sources.capture.path=/data/capture.nmea.gz
 * bulwark.maritime.sources.capture.pace=10       # 10x recorded speed; 0 = as fast as possible
 * bulwark.maritime.sources.capture.loop=true
 * </pre>
 *
 * @param enabled whether the live watch runs at all
 * @param collection the store collection alerts are published in
 * @param queueCapacity observations held between the sources and the engine; beyond it the oldest
 *     are dropped (and counted)
 * @param infrastructure a GeoJSON file of infrastructure; empty = the shipped Baltic layer
 * @param markingRefs marking-definition ids put on every published object; empty = TLP plus a
 *     releasability marking made from {@code tlp} and {@code releasableTo}
 * @param tlp the TLP level of the default marking (clear, green, amber, amber+strict, red)
 * @param releasableTo nations or groups of the default releasability marking (comma-separated)
 * @param sources the configured AIS sources by name
 */
@ConfigurationProperties(prefix = "bulwark.maritime")
public record MaritimeProperties(
    Boolean enabled,
    String collection,
    Integer queueCapacity,
    String infrastructure,
    String markingRefs,
    String tlp,
    String releasableTo,
    Map<String, Source> sources) {

  public MaritimeProperties {
    enabled = enabled == null || enabled;
    collection = collection == null || collection.isBlank() ? "maritime-alerts" : collection;
    queueCapacity = queueCapacity == null || queueCapacity < 16 ? 65_536 : queueCapacity;
    infrastructure = infrastructure == null ? "" : infrastructure.trim();
    markingRefs = markingRefs == null ? "" : markingRefs.trim();
    tlp = tlp == null || tlp.isBlank() ? "amber" : tlp.trim().toLowerCase(Locale.ROOT);
    releasableTo = releasableTo == null ? "NATO" : releasableTo.trim();
    sources = sources == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(sources));
  }

  /** The configured marking refs, split. */
  public List<String> markingRefList() {
    return split(markingRefs);
  }

  /** The nations of the default releasability marking, split and upper-cased. */
  public List<String> releasableToList() {
    return split(releasableTo).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
  }

  static List<String> split(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * One AIS source.
   *
   * @param type tcp, udp, file or csv
   * @param host TCP host
   * @param port TCP port to connect to, or UDP port to listen on
   * @param bind UDP bind address
   * @param path file or CSV path
   * @param pace replay speed of a file (1 = recorded pace); 0 = as fast as possible
   * @param loop whether a file starts again at its end
   * @param overflow when the engine is behind: {@code drop-oldest} (default for tcp and udp: a live
   *     watch wants the newest positions) or {@code block} (default for file and csv: wait, which
   *     slows the reader and, over TCP, the sender)
   */
  public record Source(
      String type,
      String host,
      Integer port,
      String bind,
      String path,
      Double pace,
      Boolean loop,
      String overflow) {
    public Source {
      type = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
      host = host == null ? "localhost" : host.trim();
      port = port == null ? 0 : port;
      bind = bind == null || bind.isBlank() ? "0.0.0.0" : bind.trim();
      path = path == null ? "" : path.trim();
      pace = pace == null || pace < 0 ? 0.0 : pace;
      loop = loop != null && loop;
      overflow =
          overflow == null || overflow.isBlank()
              ? (type.equals("tcp") || type.equals("udp") ? "drop-oldest" : "block")
              : overflow.trim().toLowerCase(Locale.ROOT);
      if (!overflow.equals("drop-oldest") && !overflow.equals("block")) {
        throw new IllegalArgumentException("overflow must be drop-oldest or block: " + overflow);
      }
    }

    /** Whether the source waits for the engine rather than dropping. */
    public boolean blocks() {
      return overflow.equals("block");
    }
  }
}
