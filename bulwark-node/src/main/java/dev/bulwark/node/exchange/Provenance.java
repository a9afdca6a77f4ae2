package dev.bulwark.node.exchange;

import java.util.Objects;

/**
 * Who adds an object: the nation it originates from (the nation of the principal or peer that first
 * added it, which the access policy uses) and the principal's name, for the record.
 */
public record Provenance(String originNation, String addedBy) {
  public Provenance {
    Objects.requireNonNull(originNation, "originNation");
    Objects.requireNonNull(addedBy, "addedBy");
  }
}
