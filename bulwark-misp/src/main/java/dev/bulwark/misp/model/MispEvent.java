package dev.bulwark.misp.model;

import java.util.List;
import java.util.Optional;

/**
 * A MISP event. Immutable.
 *
 * @param uuid its uuid
 * @param info its title
 * @param date its date (YYYY-MM-DD)
 * @param timestamp last change (epoch seconds)
 * @param publishTimestamp last publication (epoch seconds, 0 when never)
 * @param published whether published
 * @param threatLevelId 1 high .. 4 undefined
 * @param analysis 0 initial, 1 ongoing, 2 complete
 * @param distribution who receives it (never {@link Distribution#INHERIT})
 * @param sharingGroup the sharing group when {@code distribution} is 4
 * @param org the owner organisation
 * @param orgc the creator organisation
 * @param attributes attributes outside objects
 * @param objects objects
 * @param tags the event's tags
 * @param galaxies the event's galaxies
 * @param reports event reports
 * @param sightings sightings listed at event level
 */
public record MispEvent(
    String uuid,
    String info,
    String date,
    long timestamp,
    long publishTimestamp,
    boolean published,
    int threatLevelId,
    int analysis,
    Distribution distribution,
    Optional<MispSharingGroup> sharingGroup,
    MispOrg org,
    MispOrg orgc,
    List<MispAttribute> attributes,
    List<MispObject> objects,
    List<MispTag> tags,
    List<MispGalaxy> galaxies,
    List<MispEventReport> reports,
    List<MispSighting> sightings) {
  /** Copies the lists. */
  public MispEvent {
    attributes = List.copyOf(attributes);
    objects = List.copyOf(objects);
    tags = List.copyOf(tags);
    galaxies = List.copyOf(galaxies);
    reports = List.copyOf(reports);
    sightings = List.copyOf(sightings);
  }

  /** Attributes outside and inside objects. */
  public int attributeCount() {
    int n = attributes.size();
    for (MispObject o : objects) {
      n += o.attributes().size();
    }
    return n;
  }
}
