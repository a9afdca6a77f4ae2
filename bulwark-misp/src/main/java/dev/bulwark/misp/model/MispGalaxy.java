package dev.bulwark.misp.model;

import java.util.List;

/**
 * A MISP galaxy attached to an event or attribute, with the clusters used. Immutable.
 *
 * @param uuid the galaxy's uuid
 * @param type its type ({@code threat-actor}, {@code mitre-attack-pattern}, ...)
 * @param name its name
 * @param clusters the clusters attached
 */
public record MispGalaxy(String uuid, String type, String name, List<MispCluster> clusters) {
  /** Copies the list. */
  public MispGalaxy {
    clusters = List.copyOf(clusters);
  }
}
