package dev.bulwark.node.security;

import dev.bulwark.stix.markings.NationGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One grant of a collection: a role, optionally limited to a nation or a group of nations ({@code
 * reader}, {@code peer@NATO}, {@code contributor@EST}). Immutable.
 */
public record Grant(Role role, Optional<String> nations) {

  /** Whether the principal holds the role and belongs to the nations, if any are named. */
  public boolean admits(NodePrincipal p) {
    return p.has(role)
        && nations.map(n -> NationGroups.expand(n).contains(p.nation())).orElse(true);
  }

  /** Parses {@code role} or {@code role@NATION}. */
  public static Grant parse(String text) {
    String t = text.trim();
    int at = t.indexOf('@');
    if (at < 0) {
      return new Grant(Role.parse(t), Optional.empty());
    }
    String nation = t.substring(at + 1).toUpperCase(Locale.ROOT);
    if (!NationGroups.isKnown(nation)) {
      throw new IllegalArgumentException("unknown nation or group in grant '" + text + "'");
    }
    return new Grant(Role.parse(t.substring(0, at)), Optional.of(nation));
  }

  /** Parses a comma-separated list of grants; blanks are skipped. */
  public static List<Grant> parseList(String csv) {
    List<Grant> out = new ArrayList<>();
    for (String part : csv.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return role.label() + nations.map(n -> "@" + n).orElse("");
  }
}
