package dev.bulwark.incidents.stix;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.lifecycle.Lifecycle;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.stix.StixObject;
import java.time.Instant;

/**
 * A lifecycle step taken on the STIX form: read the latest version, move it, write the next
 * version. The caller stores the result beside the previous versions (nothing is deleted).
 * Stateless and thread-safe.
 */
public final class IncidentVersions {

  private IncidentVersions() {}

  /**
   * The next version of {@code current} with its status moved to {@code to}.
   *
   * @param current the latest version held
   * @param to the new status
   * @param by who moves it
   * @param at when
   * @return the new version
   * @throws IllegalStateException when the move is not allowed
   * @throws dev.bulwark.incidents.IncidentException when {@code current} is no register incident
   */
  public static StixObject transition(StixObject current, Status to, String by, Instant at) {
    Incident moved = Lifecycle.transition(IncidentStix.fromStix(current), to, by, at);
    return IncidentStix.nextVersion(current, moved, at);
  }
}
