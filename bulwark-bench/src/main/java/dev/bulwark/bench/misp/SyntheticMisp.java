package dev.bulwark.bench.misp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic MISP events (seeded): each with the given number of attributes of mixed types (ip-dst,
 * domain, url, sha256, filename|md5, btc), half of them {@code to_ids}, a sharing group of three
 * organisations on every tenth event, TLP tags. Stateless.
 */
final class SyntheticMisp {
  private static final String[] ORGS = {
    "11111111-1111-4111-8111-111111111111",
    "22222222-2222-4222-8222-222222222222",
    "33333333-3333-4333-8333-333333333333"
  };

  private SyntheticMisp() {}

  /** The events as {@code {"Event": ...}} JSON bytes. */
  static List<byte[]> events(int events, int attributesPerEvent, long seed) {
    Random r = new Random(seed);
    List<byte[]> out = new ArrayList<>(events);
    for (int e = 0; e < events; e++) {
      out.add(event(r, e, attributesPerEvent).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String uuid(Random r) {
    return new UUID(r.nextLong(), r.nextLong()).toString();
  }

  private static String event(Random r, int n, int attrs) {
    StringBuilder b = new StringBuilder(attrs * 260);
    boolean group = n % 10 == 0;
    b.append("{\"Event\":{\"uuid\":\"")
        .append(uuid(r))
        .append("\",\"info\":\"synthetic ")
        .append(n)
        .append("\",\"date\":\"2026-12-07\",\"timestamp\":\"")
        .append(1_796_000_000L + n)
        .append("\",\"distribution\":\"")
        .append(group ? 4 : 3)
        .append('"');
    if (group) {
      b.append(",\"SharingGroup\":{\"uuid\":\"")
          .append(uuid(r))
          .append("\",\"name\":\"g\",\"SharingGroupOrg\":[");
      for (int i = 0; i < ORGS.length; i++) {
        b.append(i == 0 ? "" : ",")
            .append("{\"Organisation\":{\"uuid\":\"")
            .append(ORGS[i])
            .append("\",\"name\":\"o")
            .append(i)
            .append("\"}}");
      }
      b.append("]}");
    }
    b.append(",\"Orgc\":{\"uuid\":\"").append(ORGS[n % 3]).append("\",\"name\":\"org\"}");
    b.append(",\"Tag\":[{\"name\":\"")
        .append(n % 3 == 0 ? "tlp:amber" : "tlp:green")
        .append("\"}],\"Attribute\":[");
    for (int a = 0; a < attrs; a++) {
      b.append(a == 0 ? "" : ",");
      attribute(b, r, a);
    }
    return b.append("]}}").toString();
  }

  private static void attribute(StringBuilder b, Random r, int a) {
    String type;
    String value;
    switch (a % 6) {
      case 0 -> {
        type = "ip-dst";
        value =
            (r.nextInt(223) + 1)
                + "."
                + r.nextInt(256)
                + "."
                + r.nextInt(256)
                + "."
                + r.nextInt(256);
      }
      case 1 -> {
        type = "domain";
        value = "h" + Long.toString(r.nextLong() & 0xffffffffL, 36) + ".example";
      }
      case 2 -> {
        type = "url";
        value = "https://h" + r.nextInt(100000) + ".example/p/" + r.nextInt(1000);
      }
      case 3 -> {
        type = "sha256";
        value =
            String.format(
                Locale.ROOT,
                "%016x%016x%016x%016x",
                r.nextLong(),
                r.nextLong(),
                r.nextLong(),
                r.nextLong());
      }
      case 4 -> {
        type = "filename|md5";
        value =
            "f"
                + r.nextInt(10000)
                + ".exe|"
                + String.format(Locale.ROOT, "%016x%016x", r.nextLong(), r.nextLong());
      }
      default -> {
        type = "btc";
        value = "1" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
      }
    }
    b.append("{\"uuid\":\"")
        .append(uuid(r))
        .append("\",\"type\":\"")
        .append(type)
        .append("\",\"category\":\"Network activity\",\"value\":\"")
        .append(value)
        .append("\",\"to_ids\":")
        .append(a % 2 == 0)
        .append(",\"distribution\":\"5\"")
        .append(",\"timestamp\":\"1796000000\"}");
  }
}
