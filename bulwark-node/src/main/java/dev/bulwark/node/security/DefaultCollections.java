package dev.bulwark.node.security;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The collections every node has from its first start, with their grants ({@link
 * CollectionGrants#defaults()}: readers, contributors and peers read; contributors and peers write;
 * a node-owned collection is written by the node itself and its peers only). A feature that needs a
 * collection of its own adds ONE line to {@link #ALL}; {@code bulwark.taxii.collections.ID.*} still
 * overrides its title and grants, and {@code bulwark.taxii.node-owned} the node-owned list.
 * Immutable; thread-safe.
 */
public final class DefaultCollections {

  /**
   * One default collection.
   *
   * @param id the store id and TAXII alias
   * @param nodeOwned whether only the node (and its peers) write to it
   */
  public record Default(String id, String title, String description, boolean nodeOwned) {}

  /** Every node's collections: add a feature's collection here, one line. */
  public static final List<Default> ALL =
      List.of(
          new Default(
              "intel",
              "Shared intelligence",
              "Hybrid-threat intelligence shared with allies",
              false),
          new Default(
              "maritime-alerts",
              "Maritime alerts",
              "Undersea-infrastructure alerts of the maritime watch, as STIX incidents",
              true),
          new Default(
              "support-reports",
              "Support to Ukraine: published reports",
              "Fair shares, contributions and shortfalls published by this node, TLP:CLEAR",
              true),
          new Default(
              "sightings",
              "Sightings",
              "Indicators seen by this nation's sensors, as STIX sightings",
              true),
          new Default(
              "force-declarations",
              "Force declarations",
              "Allies' force declarations against the NATO Force Model, as STIX objects",
              true),
          new Default(
              "definitions",
              "Bulwark definitions",
              "STIX extension-definitions and marking definitions Bulwark nodes use",
              true));

  private DefaultCollections() {}

  /** The node-owned default collections, comma-separated (the default of the setting). */
  public static String nodeOwnedSetting() {
    return ALL.stream()
        .filter(Default::nodeOwned)
        .map(Default::id)
        .collect(Collectors.joining(","));
  }
}
