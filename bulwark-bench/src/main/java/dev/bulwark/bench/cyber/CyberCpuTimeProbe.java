package dev.bulwark.bench.cyber;

import dev.bulwark.cyber.match.BatchMatch;
import dev.bulwark.cyber.match.Indicator;
import dev.bulwark.cyber.match.MatchSummary;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.warninglist.Warninglists;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end events per CPU second of {@code bulwark cyber match}'s path — read, parse, map to
 * STIX, match, aggregate — on a sensor replay held in memory, against a realistic mix of many
 * indicators built from MISP warninglists (public resolvers as IP equality, VPN ranges as CIDR
 * {@code ISSUBSET}, top sites and dynamic DNS as domains, URLs from them) plus 5 % complex patterns
 * (AND, LIKE, MATCHES, FOLLOWEDBY ... WITHIN). Timed in thread CPU time (the machine is shared);
 * warms up, then the median of the passes. Run: {@code java -cp ...
 * dev.bulwark.bench.cyber.CyberCpuTimeProbe EVENTS_FILE(.gz) eve|zeek WARNINGLISTS_DIR [indicators]
 * [passes] [repeat]} ({@code repeat}: the file replayed that many times over in one pass, for small
 * samples; a file should end with a line break).
 */
public final class CyberCpuTimeProbe {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CyberCpuTimeProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] events = repeat(read(Path.of(args[0])), args.length > 5 ? Integer.parseInt(args[5]) : 1);
    SensorFormat format = SensorFormat.parse(args[1]);
    Path lists = Path.of(args[2]);
    int wanted = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    int passes = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    long t0 = System.nanoTime();
    List<Indicator> indicators = indicators(lists, wanted);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    BatchMatch match =
        new BatchMatch(
            indicators,
            new Warninglists(),
            "identity--0b6a0e4e-2f3c-4c1e-9a55-1b2c3d4e5f60",
            List.of(),
            Duration.ofHours(1));
    System.gc();
    long heapAfter = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        Locale.ROOT,
        "%d indicators (%d refused), index built in %.1f s, heap +%d MiB%n",
        indicators.size(),
        match.errors().size(),
        (System.nanoTime() - t0) / 1e9,
        (heapAfter - heapBefore) >> 20);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] rates = new double[passes];
    MatchSummary last = null;
    for (int r = 0; r < passes * 2; r++) {
      long cpu = mx.getCurrentThreadCpuTime();
      last =
          match.run(
              List.of(
                  new BatchMatch.Input(
                      "replay",
                      new InputStreamReader(
                          new ByteArrayInputStream(events), StandardCharsets.UTF_8),
                      format)),
              false,
              o -> {},
              new ReadCounts());
      cpu = mx.getCurrentThreadCpuTime() - cpu;
      if (r >= passes) {
        rates[r - passes] = last.events() / (cpu / 1e9);
      }
    }
    Arrays.sort(rates);
    System.out.printf(
        Locale.ROOT,
        "%s: %d events, %d matches, %d sightings; median %.0f events per CPU second (min %.0f, max"
            + " %.0f)%n",
        args[0],
        last.events(),
        last.matches(),
        last.sightings(),
        rates[passes / 2],
        rates[0],
        rates[passes - 1]);
  }

  /** The replay as many times over (small samples, such as Zeek TSV logs with their headers). */
  private static byte[] repeat(byte[] once, int times) {
    byte[] out = new byte[once.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(once, 0, out, i * once.length, once.length);
    }
    return out;
  }

  private static byte[] read(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readAllBytes();
      if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(b))) {
          return gz.readAllBytes();
        }
      }
      return b;
    }
  }

  /** The mix: 40 % IPs, 20 % CIDRs, 20 % domains, 15 % URLs, 5 % complex patterns. */
  static List<Indicator> indicators(Path lists, int n) throws IOException {
    List<String> ips = values(lists.resolve("public-dns-v4/list.json"));
    List<String> cidrs = values(lists.resolve("vpn-ipv4/list.json"));
    List<String> domains = new ArrayList<>(values(lists.resolve("tranco10k/list.json")));
    domains.addAll(values(lists.resolve("dynamic-dns/list.json")));
    List<String> patterns = new ArrayList<>(n);
    for (int i = 0; patterns.size() < n; i++) {
      int kind = i % 20;
      String ip = ips.get(i % ips.size()).replaceAll("/32$", "");
      String d = domains.get(i % domains.size()).replaceAll("^\\.", "");
      String p =
          switch (kind) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> "[ipv4-addr:value = '" + ip.replaceAll("/.*", "") + "']";
            case 8, 9, 10, 11 -> "[ipv4-addr:value ISSUBSET '" + cidrs.get(i % cidrs.size()) + "']";
            case 12, 13, 14, 15 -> "[domain-name:value = '" + d + "']";
            case 16, 17, 18 -> "[url:value = 'http://" + d + "/" + i + "/payload.bin']";
            default -> complex(i, ip, d);
          };
      patterns.add(p);
    }
    List<Indicator> out = new ArrayList<>(n);
    Instant from = Instant.parse("2010-01-01T00:00:00Z");
    for (int i = 0; i < patterns.size(); i++) {
      out.add(
          new Indicator(
              String.format("indicator--00000000-0000-4000-8000-%012d", i),
              Optional.empty(),
              patterns.get(i),
              from,
              Optional.empty(),
              false,
              List.of()));
    }
    return out;
  }

  private static String complex(int i, String ip, String d) {
    return switch (i / 20 % 4) {
      case 0 -> "[network-traffic:dst_ref.value = '" + ip + "' AND network-traffic:dst_port = 443]";
      case 1 -> "[url:value LIKE 'http://" + d + "/%/stage" + i + "%']";
      case 2 -> "[domain-name:value MATCHES '^c2-" + i + "\\\\.example\\\\.(com|net)$']";
      default ->
          "[domain-name:value = '"
              + d
              + "'] FOLLOWEDBY [ipv4-addr:value = '"
              + ip
              + "'] WITHIN 60 SECONDS";
    };
  }

  private static List<String> values(Path listJson) throws IOException {
    JsonNode root = JSON.readTree(Files.readAllBytes(listJson));
    List<String> out = new ArrayList<>();
    root.path("list").forEach(v -> out.add(v.asString()));
    return out;
  }
}
