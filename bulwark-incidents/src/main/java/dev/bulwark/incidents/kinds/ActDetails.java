package dev.bulwark.incidents.kinds;

import dev.bulwark.incidents.GeoPoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a hostile act of each kind records: one record per {@link ActKind}, closed by the sealed
 * interface so that a switch over it is checked complete. Values only; the checks that need a path
 * live in {@link KindFields}. Immutable.
 */
public sealed interface ActDetails
    permits ActDetails.UnderseaSabotage,
        ActDetails.RailSabotage,
        ActDetails.EnergySabotage,
        ActDetails.Cyberattack,
        ActDetails.InstrumentalisedMigration,
        ActDetails.GnssInterference,
        ActDetails.AirspaceViolation,
        ActDetails.DroneOverflight,
        ActDetails.Arson,
        ActDetails.Disinformation,
        ActDetails.Espionage,
        ActDetails.OtherAct {

  /** The kind these details belong to. */
  ActKind kind();

  /** Damage to an undersea cable ({@code cable}) or pipeline ({@code pipeline}). */
  record UnderseaSabotage(
      String assetType, String assetName, Optional<String> damage, Optional<Integer> repairDays)
      implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.UNDERSEA_SABOTAGE;
    }
  }

  /** Sabotage of a rail line. */
  record RailSabotage(String line, Optional<String> damage) implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.RAIL_SABOTAGE;
    }
  }

  /** Sabotage of an energy facility. */
  record EnergySabotage(String facility, Optional<String> damage) implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.ENERGY_SABOTAGE;
    }
  }

  /** A cyberattack: targeted sector, vector, the addresses and domains involved. */
  record Cyberattack(
      Optional<String> sector, Optional<String> vector, List<String> ips, List<String> domains)
      implements ActDetails {
    /** Copies the lists. */
    public Cyberattack {
      ips = List.copyOf(ips);
      domains = List.copyOf(domains);
    }

    @Override
    public ActKind kind() {
      return ActKind.CYBERATTACK;
    }
  }

  /** Migrants pushed to crossing points: the points and the daily counts (the evidence series). */
  record InstrumentalisedMigration(List<String> crossingPoints, List<DailyCount> dailyCounts)
      implements ActDetails {
    /** Copies the lists. */
    public InstrumentalisedMigration {
      crossingPoints = List.copyOf(crossingPoints);
      dailyCounts = List.copyOf(dailyCounts);
    }

    @Override
    public ActKind kind() {
      return ActKind.INSTRUMENTALISED_MIGRATION;
    }
  }

  /** One day's crossings at one point. */
  record DailyCount(LocalDate date, String crossingPoint, int count) {}

  /**
   * GNSS jamming or spoofing ({@code mode}) over an area (a closed ring of points), on a band, for
   * a duration, with the flights and ships affected.
   */
  record GnssInterference(
      String mode,
      List<GeoPoint> area,
      Optional<String> band,
      Optional<Integer> durationMinutes,
      Optional<Integer> affectedFlights,
      Optional<Integer> affectedShips)
      implements ActDetails {
    /** Copies the list. */
    public GnssInterference {
      area = List.copyOf(area);
    }

    @Override
    public ActKind kind() {
      return ActKind.GNSS_INTERFERENCE;
    }
  }

  /** An aircraft inside national airspace: for how long and how deep. */
  record AirspaceViolation(
      String aircraft, Optional<Integer> minutesInside, Optional<Double> depthKm)
      implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.AIRSPACE_VIOLATION;
    }
  }

  /** Drones over a critical site: how many, and their Remote ID broadcasts where known. */
  record DroneOverflight(String site, Optional<Integer> count, List<RemoteId> remoteIds)
      implements ActDetails {
    /** Copies the list. */
    public DroneOverflight {
      remoteIds = List.copyOf(remoteIds);
    }

    @Override
    public ActKind kind() {
      return ActKind.DRONE_OVERFLIGHT;
    }
  }

  /** One drone's Remote ID: its serial and, when broadcast, the operator's position. */
  record RemoteId(String serial, Optional<GeoPoint> operator) {}

  /** Arson against a target. */
  record Arson(String target) implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.ARSON;
    }
  }

  /** Disinformation / FIMI: the DISARM technique ids seen and the channels used. */
  record Disinformation(List<String> disarmTechniques, List<String> channels)
      implements ActDetails {
    /** Copies the lists. */
    public Disinformation {
      disarmTechniques = List.copyOf(disarmTechniques);
      channels = List.copyOf(channels);
    }

    @Override
    public ActKind kind() {
      return ActKind.DISINFORMATION;
    }
  }

  /** Espionage against a target. */
  record Espionage(String target) implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.ESPIONAGE;
    }
  }

  /** Any other hostile act, summarised. */
  record OtherAct(String summary) implements ActDetails {
    @Override
    public ActKind kind() {
      return ActKind.OTHER;
    }
  }
}
