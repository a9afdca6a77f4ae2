package dev.bulwark.incidents.migration;

import dev.bulwark.incidents.Determination;
import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.kinds.ActDetails.InstrumentalisedMigration;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.lifecycle.StatusStep;
import dev.bulwark.stix.StixIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A surge as a register incident of kind instrumentalised migration: its crossing point, the
 * evidence series as the kind's daily counts, a name-based id (the point and the first day), so
 * that detecting the same surge again finds the incident already held. Stateless and thread-safe.
 */
public final class SurgeIncidents {

  private static final UUID NAMESPACE = UUID.fromString("0c7e2b19-4d5a-4f3e-8b61-9a2d7c5e1f30");

  private SurgeIncidents() {}

  /** The incident id of a surge (the point and the first day). */
  public static String incidentId(Surge s) {
    return "incident--" + StixIds.uuid5(NAMESPACE, s.crossingPoint() + "|" + s.start());
  }

  /**
   * The incident of a surge, reported by {@code by} (e.g. {@code surge-detector}) at {@code at}.
   *
   * @param s the surge
   * @param markings the incident's markings
   * @param by who reports it
   * @param at when
   * @return the incident
   */
  public static Incident incident(Surge s, List<String> markings, String by, Instant at) {
    String description =
        String.format(
            Locale.ROOT,
            "Crossings at %s from %s to %s peaked at %d a day against a baseline (56-day median)"
                + " of %.1f; a day surged at %.1f or more. Raised by the surge detector.",
            s.crossingPoint(),
            s.start(),
            s.end(),
            s.peakCount(),
            s.baseline(),
            s.threshold());
    return new Incident(
        incidentId(s),
        "Migration surge at " + s.crossingPoint() + " from " + s.start(),
        description,
        new InstrumentalisedMigration(List.of(s.crossingPoint()), s.series()),
        Status.REPORTED,
        Determination.SUSPECTED,
        s.start().atStartOfDay().toInstant(ZoneOffset.UTC),
        Optional.empty(),
        Entities.NONE,
        List.of(new StatusStep(Status.REPORTED, by, at)),
        List.of(),
        markings,
        Optional.empty(),
        "migration-surge");
  }
}
