package dev.bulwark.incidents.campaign;

import dev.bulwark.stix.StixIds;
import java.util.List;
import java.util.UUID;

/**
 * A suggested campaign: the incidents it would link (ids, sorted), a score in [0, 1] and the
 * reasons (e.g. {@code same IMO 9329760}, {@code 12 km apart}, {@code 3 days apart}). A suggestion
 * changes nothing until an analyst accepts it. Immutable.
 *
 * @param incidents the incident ids, sorted
 * @param score how strongly they hang together, 0..1
 * @param reasons why, strongest first
 */
public record Suggestion(List<String> incidents, double score, List<String> reasons) {

  private static final UUID NAMESPACE = UUID.fromString("4e8b1f2a-7c3d-4a5e-9f60-1b2c3d4e5f6a");

  /** Copies the lists. */
  public Suggestion {
    incidents = List.copyOf(incidents);
    reasons = List.copyOf(reasons);
  }

  /** A stable id of the suggestion (from its incidents), for accepting or rejecting it. */
  public String id() {
    return "suggestion--" + StixIds.uuid5(NAMESPACE, String.join("|", incidents));
  }
}
