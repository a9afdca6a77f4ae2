package dev.bulwark.misp.write;

import dev.bulwark.misp.stix.LossReport;
import dev.bulwark.misp.stix.UuidCollision;
import java.util.List;

/**
 * The MISP events written from a set of STIX objects, and what was not. Immutable.
 *
 * @param events the events
 * @param losses per event (and one for objects outside any event), what was not exported
 * @param collisions uuid collisions met
 * @param attributes attributes written
 * @param notExported STIX objects not exported (TLP:RED, rules MISP cannot express, no mapping)
 */
public record ExportResult(
    List<ExportedEvent> events,
    List<LossReport> losses,
    List<UuidCollision> collisions,
    int attributes,
    int notExported) {
  /** Copies the lists. */
  public ExportResult {
    events = List.copyOf(events);
    losses = List.copyOf(losses);
    collisions = List.copyOf(collisions);
  }
}
