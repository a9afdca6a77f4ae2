package dev.bulwark.stix.validation;

import dev.bulwark.stix.InternalAccess;
import dev.bulwark.stix.StixObject;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which properties an object cannot do without, per the STIX 2.1 property tables ({@code
 * TypeTable}): for granular-marking redaction, which withholds an object whole rather than release
 * it without one of them. Stateless and thread-safe.
 */
public final class RequiredProperties {

  /** Required by every object the node serves, whatever its type (section 3.2), when present. */
  private static final Set<String> ALWAYS =
      Set.of("type", "spec_version", "id", "created", "modified");

  private RequiredProperties() {}

  /**
   * The top-level properties the object's type requires: its table's required properties (the
   * family's for a custom object), the conditional ones of section 4 that depend on the object
   * itself (a malware family requires {@code name}), and always {@code type}, {@code spec_version},
   * {@code id}, {@code created} and {@code modified}.
   *
   * @param o the object
   * @return property names, unmodifiable
   */
  public static Set<String> of(StixObject o) {
    Set<String> out = new LinkedHashSet<>(ALWAYS);
    TypeSpec spec = TypeTable.TYPES.get(o.type());
    Map<String, Prop> props = spec != null ? spec.props() : TypeTable.commonFor(Category.SDO);
    for (Prop p : props.values()) {
      if (p.required()) {
        out.add(p.name());
      }
    }
    JsonNode tree = InternalAccess.tree(o);
    if (o.type().equals("malware") && tree.path("is_family").asBoolean(false)) {
      out.add("name");
    }
    return Set.copyOf(out);
  }

  /**
   * The properties each element of a list property requires, for the lists of embedded types
   * ({@code external_references}: {@code source_name}; {@code kill_chain_phases}: {@code
   * kill_chain_name} and {@code phase_name}); empty for any other property.
   *
   * @param objectType the object's type
   * @param listProperty a top-level property name
   * @return property names, unmodifiable
   */
  public static Set<String> ofElementsOf(String objectType, String listProperty) {
    TypeSpec spec = TypeTable.TYPES.get(objectType);
    Prop p =
        spec != null
            ? spec.props().get(listProperty)
            : TypeTable.commonFor(Category.SDO).get(listProperty);
    if (p == null) {
      return Set.of();
    }
    String nested =
        switch (p.kind()) {
          case EXTERNAL_REFERENCES -> "external-reference";
          case KILL_CHAIN_PHASES -> "kill-chain-phase";
          default -> null;
        };
    if (nested == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Prop n : TypeTable.NESTED.get(nested).props().values()) {
      if (n.required()) {
        out.add(n.name());
      }
    }
    return Set.copyOf(out);
  }
}
