package dev.bulwark.misp.stix;

import dev.bulwark.stix.StixObject;
import java.util.List;

/**
 * One MISP event as STIX 2.1. Immutable.
 *
 * @param eventUuid the MISP event
 * @param eventTimestamp its timestamp (epoch seconds), for cursors
 * @param objects the STIX objects, marking-definitions included (store them all)
 * @param loss what was not carried
 * @param mappings the STIX id ⇄ MISP uuid rows of this event
 * @param attributes how many MISP attributes were carried (inside and outside objects)
 * @param objectsConverted how many MISP objects were carried
 */
public record EventConversion(
    String eventUuid,
    long eventTimestamp,
    List<StixObject> objects,
    LossReport loss,
    List<UuidMapping> mappings,
    int attributes,
    int objectsConverted) {
  /** Copies the lists. */
  public EventConversion {
    objects = List.copyOf(objects);
    mappings = List.copyOf(mappings);
  }
}
