package dev.bulwark.node.cli;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The register's typed incidents (latest versions carrying the Bulwark extension) as this node's
 * nation may read them, for the commands that work on incidents rather than STIX. Not thread-safe.
 */
final class RegisterIncidents {

  private RegisterIncidents() {}

  static List<Incident> visible(ObjectStore store, String nation) {
    List<Incident> out = new ArrayList<>();
    for (RegisterView.Held h : RegisterView.latest(store, nation, Set.of("incident"))) {
      if (IncidentStix.isBulwarkIncident(h.object())) {
        try {
          out.add(IncidentStix.fromStix(h.object()));
        } catch (IncidentException e) {
          // stored before the library read it this way; listed by `incident list`, not used here
        }
      }
    }
    return out;
  }
}
