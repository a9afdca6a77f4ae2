package dev.bulwark.bench.stix;

import dev.bulwark.stix.pattern.IndicatorEntry;
import dev.bulwark.stix.pattern.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A realistic indicator set and sensor-like observations for the pattern index benchmark: real
 * domains (Tranco top 10k) and VPN address blocks (MISP warninglists, CC0) plus synthetic values;
 * 25 % IPv4 addresses, 15 % CIDR blocks, 25 % domains, 15 % URLs, 15 % file hashes and 5 % complex
 * patterns (AND, OR, LIKE, MATCHES, FOLLOWEDBY, WITHIN). Observations are network flows, DNS
 * answers, HTTP requests and files, about 1 % of them carrying an indicator's value. Deterministic
 * for a seed. Not thread-safe.
 */
final class PatternWorkload {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long T0 = 1_700_000_000_000_000L;

  final List<IndicatorEntry> indicators = new ArrayList<>();
  final List<Observation> observations = new ArrayList<>();
  private final List<String> ips = new ArrayList<>();
  private final List<String> domains = new ArrayList<>();
  private final List<String> urls = new ArrayList<>();
  private final List<String> hashes = new ArrayList<>();
  private final SplittableRandom random;

  PatternWorkload(int indicatorCount, int observationCount, long seed) {
    this.random = new SplittableRandom(seed);
    List<String> tranco = list("/misp/tranco10k.json.gz");
    List<String> blocks = list("/misp/vpn-ipv4.json.gz");
    for (int i = 0; i < indicatorCount; i++) {
      indicators.add(
          IndicatorEntry.of("indicator--" + i, pattern(i, tranco, blocks), Instant.EPOCH));
    }
    for (int i = 0; i < observationCount; i++) {
      observations.add(observation(i));
    }
  }

  private static List<String> list(String resource) {
    try (InputStream in =
        new GZIPInputStream(PatternWorkload.class.getResourceAsStream(resource))) {
      List<String> out = new ArrayList<>();
      JSON.readTree(in).get("list").forEach(n -> out.add(n.stringValue()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String ip() {
    return (1 + random.nextInt(223))
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256);
  }

  private String domain(List<String> tranco) {
    String base = tranco.get(random.nextInt(tranco.size()));
    return random.nextBoolean() ? base : "x" + random.nextInt(1_000_000) + "." + base;
  }

  private String hash(int bytes) {
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return HexFormat.of().formatHex(b);
  }

  private String pattern(int i, List<String> tranco, List<String> blocks) {
    int kind = i % 20;
    if (kind < 5) {
      String ip =
          random.nextInt(4) == 0 ? blocks.get(random.nextInt(blocks.size())).split("/")[0] : ip();
      ips.add(ip);
      return "[ipv4-addr:value = '" + ip + "']";
    } else if (kind < 8) {
      String block = blocks.get(random.nextInt(blocks.size()));
      if (!block.contains("/")) {
        block = block + "/32";
      }
      return "[ipv4-addr:value ISSUBSET '" + block + "']";
    } else if (kind < 13) {
      String d = domain(tranco);
      domains.add(d);
      return "[domain-name:value = '" + d + "']";
    } else if (kind < 16) {
      String u = "http://" + domain(tranco) + "/" + Integer.toHexString(random.nextInt());
      urls.add(u);
      return "[url:value = '" + u + "']";
    } else if (kind < 19) {
      String h = hash(kind % 2 == 0 ? 32 : 16);
      hashes.add(h);
      return h.length() == 64
          ? "[file:hashes.'SHA-256' = '" + h + "']"
          : "[file:hashes.MD5 = '" + h + "']";
    }
    String d = domain(tranco);
    return switch (random.nextInt(5)) {
      case 0 -> "[domain-name:value LIKE '%." + d + "']";
      case 1 -> "[url:value MATCHES '^https?://" + d.replace(".", "\\\\.") + "/admin']";
      case 2 ->
          "[network-traffic:dst_ref.value = '" + ip() + "' AND network-traffic:dst_port = 4444]";
      case 3 ->
          "[ipv4-addr:value = '"
              + ip()
              + "'] FOLLOWEDBY [domain-name:value = '"
              + d
              + "'] WITHIN 300 SECONDS";
      default ->
          "([file:hashes.MD5 = '"
              + hash(16)
              + "'] OR [url:value = 'http://"
              + d
              + "/x']) WITHIN 600 SECONDS";
    };
  }

  private String pick(List<String> known, String fresh) {
    return random.nextInt(100) == 0 && !known.isEmpty()
        ? known.get(random.nextInt(known.size()))
        : fresh;
  }

  private Observation observation(int i) {
    Map<String, JsonNode> objects = new LinkedHashMap<>();
    int kind = i % 20;
    if (kind < 10) {
      ObjectNode src = sco("ipv4-addr", i, "s").put("value", ip());
      ObjectNode dst = sco("ipv4-addr", i, "d").put("value", pick(ips, ip()));
      ObjectNode flow = sco("network-traffic", i, "f");
      flow.put("src_ref", src.get("id").stringValue()).put("dst_ref", dst.get("id").stringValue());
      flow.put("dst_port", random.nextInt(5) == 0 ? 4444 : 443).putArray("protocols").add("tcp");
      put(objects, flow, src, dst);
    } else if (kind < 15) {
      ObjectNode ans = sco("ipv4-addr", i, "a").put("value", ip());
      ObjectNode dn =
          sco("domain-name", i, "n").put("value", pick(domains, "h" + i + ".example.org"));
      dn.putArray("resolves_to_refs").add(ans.get("id").stringValue());
      put(objects, dn, ans);
    } else if (kind < 18) {
      put(
          objects,
          sco("url", i, "u").put("value", pick(urls, "http://h" + i + ".example.org/index.html")));
    } else {
      ObjectNode f = sco("file", i, "x").put("name", "f" + i + ".bin");
      String h = pick(hashes, hash(32));
      f.putObject("hashes").put(h.length() == 64 ? "SHA-256" : "MD5", h);
      put(objects, f);
    }
    return Observation.at("observed-data--" + i, T0 + i * 1_000L, objects);
  }

  private static ObjectNode sco(String type, int i, String tag) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", type).put("id", type + "--" + tag + i);
    return o;
  }

  private static void put(Map<String, JsonNode> objects, ObjectNode... scos) {
    for (ObjectNode o : scos) {
      objects.put(o.get("id").stringValue(), o);
    }
  }
}
