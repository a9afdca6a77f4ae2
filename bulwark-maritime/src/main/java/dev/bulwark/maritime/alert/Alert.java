package dev.bulwark.maritime.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One episode of suspicious behaviour, as it stands: raised once, then updated while it develops
 * (the id stays the same, {@code end}, severity and evidence move). Immutable snapshot,
 * thread-safe.
 *
 * @param id stable per episode: kind, MMSI, asset and start
 * @param kind what was detected
 * @param mmsi the vessel
 * @param vesselName its name when known, else ""
 * @param others other vessels involved (the partner of an encounter), possibly empty
 * @param assetId the infrastructure concerned, when any
 * @param assetName its name, when any
 * @param start track time the behaviour began
 * @param end track time of the latest evidence
 * @param raised track time at which the engine first raised it
 * @param severity how urgent
 * @param score the score behind the severity, 0..1
 * @param summary one line for people
 * @param evidence the track and parameters
 * @param revision 0 when raised, +1 at each published update
 */
public record Alert(
    String id,
    AlertKind kind,
    int mmsi,
    String vesselName,
    List<Integer> others,
    Optional<String> assetId,
    Optional<String> assetName,
    Instant start,
    Instant end,
    Instant raised,
    Severity severity,
    double score,
    String summary,
    Evidence evidence,
    int revision) {

  public Alert {
    others = List.copyOf(others);
  }
}
