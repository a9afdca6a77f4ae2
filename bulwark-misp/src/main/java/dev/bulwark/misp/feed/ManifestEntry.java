package dev.bulwark.misp.feed;

import dev.bulwark.misp.model.MispOrg;
import java.util.List;

/**
 * One event as a feed's {@code manifest.json} lists it. Immutable.
 *
 * @param uuid the event
 * @param info its title
 * @param date its date
 * @param timestamp last change (epoch seconds): what incremental import compares
 * @param threatLevelId 1..4
 * @param analysis 0..2
 * @param orgc the creator organisation
 * @param tags the event's tag names
 */
public record ManifestEntry(
    String uuid,
    String info,
    String date,
    long timestamp,
    int threatLevelId,
    int analysis,
    MispOrg orgc,
    List<String> tags) {
  /** Copies the list. */
  public ManifestEntry {
    tags = List.copyOf(tags);
  }
}
