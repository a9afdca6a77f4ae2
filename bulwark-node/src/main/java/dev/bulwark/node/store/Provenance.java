package dev.bulwark.node.store;

import java.util.List;
import java.util.Objects;

/**
 * Who adds an object: the nation it originates from (the nation where its author first added it,
 * kept through every relay; the access policy decides on it), the principal's name, for the record,
 * and the nations whose nodes relayed it here, oldest first (empty when it was added here or came
 * straight from its origin's node). Immutable.
 */
public record Provenance(String originNation, String addedBy, List<String> relayedVia) {
  public Provenance {
    Objects.requireNonNull(originNation, "originNation");
    Objects.requireNonNull(addedBy, "addedBy");
    relayedVia = List.copyOf(relayedVia);
  }

  /** An object added on this node (or received from its origin's own node): no relays. */
  public Provenance(String originNation, String addedBy) {
    this(originNation, addedBy, List.of());
  }
}
