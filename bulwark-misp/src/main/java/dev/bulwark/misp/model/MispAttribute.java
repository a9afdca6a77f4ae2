package dev.bulwark.misp.model;

import java.util.List;
import java.util.Optional;

/**
 * A MISP attribute. Immutable.
 *
 * @param uuid its uuid
 * @param type the MISP type ({@code ip-dst}, {@code domain|ip}, ...)
 * @param category the MISP category ({@code Network activity}, ...)
 * @param value the value, verbatim
 * @param toIds whether it is meant for detection (becomes an indicator)
 * @param timestamp last change (epoch seconds)
 * @param distribution who receives it
 * @param sharingGroup the sharing group when {@code distribution} is 4
 * @param comment free text, may be empty
 * @param objectRelation its relation inside an object, or null outside objects
 * @param firstSeen first seen (ISO 8601), if given
 * @param lastSeen last seen (ISO 8601), if given
 * @param deleted soft-deleted
 * @param tags its own tags
 * @param galaxies its own galaxies
 * @param sightings its sightings
 */
public record MispAttribute(
    String uuid,
    String type,
    String category,
    String value,
    boolean toIds,
    long timestamp,
    Distribution distribution,
    Optional<MispSharingGroup> sharingGroup,
    String comment,
    String objectRelation,
    Optional<String> firstSeen,
    Optional<String> lastSeen,
    boolean deleted,
    List<MispTag> tags,
    List<MispGalaxy> galaxies,
    List<MispSighting> sightings) {
  /** Copies the lists. */
  public MispAttribute {
    tags = List.copyOf(tags);
    galaxies = List.copyOf(galaxies);
    sightings = List.copyOf(sightings);
  }
}
