package dev.bulwark.incidents.campaign;

import dev.bulwark.incidents.Incident;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An accepted suggestion as STIX: a {@code campaign} (name, first and last seen of its incidents)
 * and one {@code relationship} {@code associated-with} from the campaign to each incident (the
 * OASIS Incident Extension Suite's relationship table). The incidents themselves are not touched.
 * Stateless and thread-safe.
 */
public final class CampaignStix {

  private CampaignStix() {}

  /**
   * The campaign and its relationships.
   *
   * @param name the campaign's name
   * @param description why the analyst accepted it (the suggestion's reasons, or their own)
   * @param members the incidents, two or more
   * @param markings the markings of the campaign and relationships (at least as tight as the
   *     tightest member's: the caller decides)
   * @param createdBy the author identity, or null
   * @param now when
   * @return the campaign first, then the relationships
   */
  public static List<StixObject> accepted(
      String name,
      String description,
      List<Incident> members,
      List<String> markings,
      String createdBy,
      Instant now) {
    if (members.size() < 2) {
      throw new IllegalArgumentException("a campaign links two or more incidents");
    }
    String ts = StixTimestamps.formatMillis(now);
    String campaignId = StixIds.random("campaign");
    Instant first =
        members.stream().map(Incident::firstSeen).min(Comparator.naturalOrder()).orElseThrow();
    Instant last =
        members.stream().map(Incident::firstSeen).max(Comparator.naturalOrder()).orElseThrow();
    List<StixObject> out = new ArrayList<>();
    StixBuilder c = StixBuilder.of("campaign", campaignId);
    if (createdBy != null) {
      c.createdBy(createdBy);
    }
    c.put("name", name)
        .put("description", description)
        .put("first_seen", StixTimestamps.formatMillis(first))
        .put("last_seen", StixTimestamps.formatMillis(last));
    if (!markings.isEmpty()) {
      c.markings(markings);
    }
    out.add(StixVersions.stamped(c.json(), ts, ts));
    for (Incident i : members) {
      StixBuilder r = StixBuilder.of("relationship", StixIds.random("relationship"));
      if (createdBy != null) {
        r.createdBy(createdBy);
      }
      r.put("relationship_type", "associated-with")
          .put("source_ref", campaignId)
          .put("target_ref", i.id());
      if (!markings.isEmpty()) {
        r.markings(markings);
      }
      out.add(StixVersions.stamped(r.json(), ts, ts));
    }
    return out;
  }
}
