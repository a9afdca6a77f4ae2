package dev.bulwark.misp.model;

import java.util.List;
import java.util.Map;

/**
 * One cluster of a MISP galaxy (a threat actor, a technique, ...). Immutable.
 *
 * @param uuid the cluster's uuid
 * @param type the galaxy type it belongs to ({@code threat-actor}, ...)
 * @param value its name
 * @param tagName its tag ({@code misp-galaxy:threat-actor="APT 28"})
 * @param description free text
 * @param meta the cluster's meta values, each as a list of strings
 */
public record MispCluster(
    String uuid,
    String type,
    String value,
    String tagName,
    String description,
    Map<String, List<String>> meta) {
  /** Copies the map. */
  public MispCluster {
    meta = Map.copyOf(meta);
  }
}
