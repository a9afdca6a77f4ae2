package dev.bulwark.misp.stix;

import dev.bulwark.misp.model.MispCluster;
import dev.bulwark.misp.model.MispGalaxy;
import dev.bulwark.stix.StixIds;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * MISP galaxy types → the STIX SDO type their clusters become (after misp-stix's galaxy mapping).
 * Stateless.
 */
final class Galaxies {
  static final UUID CLUSTER_NAMESPACE = UUID.fromString("0d3c7e1a-5b9f-5c24-8e6a-1f4b2d7c9e08");

  private Galaxies() {}

  /** The SDO type, or empty when no STIX type fits (the cluster's tag is still kept as a label). */
  static Optional<String> sdoType(MispGalaxy g) {
    String t = (g.type() + " " + g.name()).toLowerCase(Locale.ROOT);
    if (t.contains("threat-actor") || t.contains("threat actor")) {
      return Optional.of("threat-actor");
    }
    if (t.contains("attack-pattern")
        || t.contains("disarm-techniques")
        || t.contains("technique")) {
      return Optional.of("attack-pattern");
    }
    if (t.contains("intrusion-set") || t.contains("activity-group")) {
      return Optional.of("intrusion-set");
    }
    if (t.contains("course-of-action") || t.contains("countermeasure")) {
      return Optional.of("course-of-action");
    }
    if (t.contains("tool")) {
      return Optional.of("tool");
    }
    if (t.contains("malware")
        || t.contains("malpedia")
        || t.contains("ransomware")
        || t.contains("backdoor")
        || t.contains("rat")
        || t.contains("botnet")
        || t.contains("stealer")) {
      return Optional.of("malware");
    }
    return Optional.empty();
  }

  static String id(String sdoType, MispCluster c) {
    String uuid =
        c.uuid().isEmpty()
            ? StixIds.uuid5(CLUSTER_NAMESPACE, c.tagName() + "|" + c.value()).toString()
            : c.uuid();
    return sdoType + "--" + uuid;
  }
}
