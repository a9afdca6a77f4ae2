package dev.bulwark.node.workbench;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The markings an analyst chose in a form ({@code tlp}, {@code releasable_to}, {@code recipients},
 * {@code object_marking_refs}): the refs the object will carry, the releasability
 * marking-definition to store with it (when nations or recipients are named), and the resolved
 * definitions for the audience preview. A bad choice is refused with the field and the reason.
 * Immutable.
 *
 * @param definition the releasability definition to write before the object, if any
 */
record ChosenMarkings(List<String> refs, Optional<StixObject> definition) {
  /** A fixed creation instant, so that the same choice by the same author is one definition. */
  private static final String CREATED = "2026-12-01T00:00:00.000Z";

  private static final UUID AUTHOR_NAMESPACE =
      UUID.fromString("9b7f4c1e-3d2a-4e6b-8c5d-1a2b3c4d5e6f");

  /** A form field that cannot be used, with its name and the reason. */
  static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final String where;

    Bad(String where, String message) {
      super(message);
      this.where = where;
    }
  }

  static ChosenMarkings of(NodePrincipal p, JsonNode form) throws Bad {
    List<String> refs = new ArrayList<>();
    for (JsonNode r : form.path("object_marking_refs")) {
      if (!r.asString("").startsWith("marking-definition--")) {
        throw new Bad("object_marking_refs", "'" + r.asString("") + "' is not a marking id");
      }
      refs.add(r.asString());
    }
    String level = form.path("tlp").asString("");
    if (!level.isEmpty()) {
      refs.add(tlp(level).markingDefinitionId());
    }
    Set<String> nations = new TreeSet<>();
    for (JsonNode n : form.path("releasable_to")) {
      String code = n.asString("").toUpperCase(Locale.ROOT);
      if (!NationGroups.isKnown(code) && !code.matches("[A-Z]{3}")) {
        throw new Bad("releasable_to", "'" + n.asString("") + "' is not a nation or group code");
      }
      nations.add(code);
    }
    Set<String> recipients = new TreeSet<>();
    for (JsonNode r : form.path("recipients")) {
      if (!r.asString("").startsWith("identity--")) {
        throw new Bad("recipients", "'" + r.asString("") + "' is not an identity id");
      }
      recipients.add(r.asString());
    }
    Optional<StixObject> definition = Optional.empty();
    if (!nations.isEmpty() || !recipients.isEmpty()) {
      StixObject d =
          ReleasabilityMarking.markingDefinition(
              new Releasability(nations, recipients), author(p), CREATED);
      refs.add(d.id());
      definition = Optional.of(d);
    }
    return new ChosenMarkings(List.copyOf(new LinkedHashSet<>(refs)), definition);
  }

  /** The identity the principal authors as: its own, else one of its own name nobody else has. */
  static String author(NodePrincipal p) {
    return p.identityId()
        .orElse("identity--" + StixIds.uuid5(AUTHOR_NAMESPACE, p.nation() + "|" + p.name()));
  }

  private static Tlp tlp(String level) throws Bad {
    String l = level.toLowerCase(Locale.ROOT).replace("tlp:", "");
    for (Tlp t : Tlp.values()) {
      String name = t.definition().json().path("name").asString("").toLowerCase(Locale.ROOT);
      if (name.replace("tlp:", "").equals(l)) {
        return t;
      }
    }
    throw new Bad("tlp", "must be clear, green, amber, amber+strict or red");
  }

  /**
   * The definitions the refs point to, for a principal's own new object; empty when one is unknown.
   */
  Optional<List<StixObject>> resolved(NodePrincipal p, AccessPolicy policy) {
    List<StixObject> out = new ArrayList<>();
    for (String ref : refs) {
      if (definition.isPresent() && definition.get().id().equals(ref)) {
        out.add(definition.get());
        continue;
      }
      Optional<StixObject> m = policy.resolve(ref, p.nation());
      if (m.isEmpty()) {
        return Optional.empty();
      }
      out.add(m.get());
    }
    return Optional.of(out);
  }
}
