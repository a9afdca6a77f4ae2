package dev.bulwark.node.maritime.alerts;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The markings the node puts on what the maritime watch publishes: either the marking refs
 * configured ({@code bulwark.maritime.marking-refs}), or a TLP level plus a releasability marking
 * to the configured nations ({@code bulwark.maritime.tlp}, {@code bulwark.maritime.releasable-to};
 * out of the box TLP:AMBER releasable to NATO). The releasability marking-definition is made by the
 * node (name-based id, so the same one every start) and stored with the alerts. Immutable.
 *
 * @param refs the marking-definition ids
 * @param definitions marking-definitions the node must store for the refs to resolve
 */
public record NodeMarkings(List<String> refs, List<StixObject> definitions) {
  public NodeMarkings {
    refs = List.copyOf(refs);
    definitions = List.copyOf(definitions);
  }

  /**
   * The markings from the configuration, the releasability authored by {@code identity}.
   *
   * @param markingRefs {@code bulwark.maritime.marking-refs}: when not empty, exactly these
   * @param tlp {@code bulwark.maritime.tlp}: the TLP level otherwise
   * @param releasableTo {@code bulwark.maritime.releasable-to}: nations of the releasability
   *     marking
   * @param identity who authors the releasability marking-definition
   * @return the markings
   */
  public static NodeMarkings of(
      List<String> markingRefs, String tlp, List<String> releasableTo, String identity) {
    if (!markingRefs.isEmpty()) {
      return new NodeMarkings(markingRefs, List.of());
    }
    List<String> refs = new ArrayList<>();
    List<StixObject> defs = new ArrayList<>();
    refs.add(tlp(tlp).markingDefinitionId());
    if (!releasableTo.isEmpty()) {
      StixObject m =
          ReleasabilityMarking.markingDefinition(
              new Releasability(Set.copyOf(releasableTo), Set.of()),
              identity,
              "2026-11-28T00:00:00.000Z");
      refs.add(m.id());
      defs.add(m);
    }
    return new NodeMarkings(refs, defs);
  }

  static Tlp tlp(String level) {
    return switch (level.toLowerCase(Locale.ROOT).replace("tlp:", "")) {
      case "clear", "white" -> Tlp.CLEAR;
      case "green" -> Tlp.GREEN;
      case "amber" -> Tlp.AMBER;
      case "amber+strict", "amber-strict" -> Tlp.AMBER_STRICT;
      case "red" -> Tlp.RED;
      default ->
          throw new IllegalArgumentException(
              "bulwark.maritime.tlp: unknown TLP level '"
                  + level
                  + "' (clear, green, amber, amber+strict, red)");
    };
  }
}
