package dev.bulwark.bench.store;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a STIX 2.1 bundle of realistic, valid objects of several kinds (indicators with patterns,
 * malware, threat actors, identities, relationships between them), marked with TLP 2.0 markings.
 * The same seed gives the same bytes. Stateless; thread-safe.
 */
public final class SyntheticBundle {
  private static final String[] TLP = {
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", // CLEAR
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", // GREEN
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", // AMBER
  };

  private SyntheticBundle() {}

  /** A bundle of {@code count} objects as UTF-8 JSON. */
  public static byte[] of(int count, long seed) {
    Random random = new Random(seed);
    StringBuilder json = new StringBuilder(count * 520);
    json.append("{\"type\":\"bundle\",\"id\":\"bundle--")
        .append(uuid(random))
        .append("\",\"objects\":[");
    String identity = "identity--" + uuid(random);
    String lastMalware = null;
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      String created =
          String.format(
              "2024-%02d-%02dT%02d:%02d:%02d.%03dZ",
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(1000));
      String marking = TLP[random.nextInt(TLP.length)];
      int kind = i == 0 ? 0 : 1 + random.nextInt(4);
      switch (kind) {
        case 0 -> identity(json, identity, created);
        case 1, 2 -> indicator(json, random, identity, created, marking, i);
        case 3 -> lastMalware = malware(json, random, identity, created, marking, i);
        default ->
            relationship(
                json,
                random,
                identity,
                created,
                marking,
                lastMalware != null ? lastMalware : identity);
      }
    }
    json.append("]}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void identity(StringBuilder json, String identity, String created) {
    json.append("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"")
        .append(identity)
        .append("\",\"created\":\"")
        .append(created)
        .append("\",\"modified\":\"")
        .append(created)
        .append("\",\"name\":\"Bulwark benchmark CERT\",\"identity_class\":\"organization\"}");
  }

  private static void indicator(
      StringBuilder json, Random random, String identity, String created, String marking, int i) {
    json.append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--")
        .append(uuid(random))
        .append("\",\"created_by_ref\":\"")
        .append(identity)
        .append("\",\"created\":\"")
        .append(created)
        .append("\",\"modified\":\"")
        .append(created)
        .append("\",\"name\":\"C2 address ")
        .append(i)
        .append(
            "\",\"indicator_types\":[\"malicious-activity\"],\"pattern\":\"[ipv4-addr:value = '")
        .append(10 + random.nextInt(200))
        .append('.')
        .append(random.nextInt(256))
        .append('.')
        .append(random.nextInt(256))
        .append('.')
        .append(random.nextInt(256))
        .append("']\",\"pattern_type\":\"stix\",\"valid_from\":\"")
        .append(created)
        .append("\",\"object_marking_refs\":[\"")
        .append(marking)
        .append("\"]}");
  }

  /** Appends a malware family; its identifier, for the relationships that follow. */
  private static String malware(
      StringBuilder json, Random random, String identity, String created, String marking, int i) {
    String lastMalware = "malware--" + uuid(random);
    json.append("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"")
        .append(lastMalware)
        .append("\",\"created_by_ref\":\"")
        .append(identity)
        .append("\",\"created\":\"")
        .append(created)
        .append("\",\"modified\":\"")
        .append(created)
        .append("\",\"name\":\"Wiper family ")
        .append(i)
        .append("\",\"malware_types\":[\"wiper\"],\"is_family\":true,\"object_marking_refs\":[\"")
        .append(marking)
        .append("\"]}");
    return lastMalware;
  }

  private static void relationship(
      StringBuilder json,
      Random random,
      String identity,
      String created,
      String marking,
      String target) {
    json.append("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--")
        .append(uuid(random))
        .append("\",\"created_by_ref\":\"")
        .append(identity)
        .append("\",\"created\":\"")
        .append(created)
        .append("\",\"modified\":\"")
        .append(created)
        .append("\",\"relationship_type\":\"related-to\",\"source_ref\":\"")
        .append(identity)
        .append("\",\"target_ref\":\"")
        .append(target)
        .append("\",\"object_marking_refs\":[\"")
        .append(marking)
        .append("\"]}");
  }

  private static String uuid(Random random) {
    return new UUID(
            (random.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
            (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L)
        .toString();
  }
}
