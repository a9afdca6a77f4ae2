package dev.bulwark.incidents.campaign;

import dev.bulwark.incidents.Determination;
import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.lifecycle.StatusStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A SYNTHETIC register for tests, demos and benchmarks: incidents spread over five years
 * (2021–2025) and the Baltic and Eastern flank (latitude 53–66, longitude 10–31), every kind, with
 * entities drawn from small pools (500 vessels, 2,000 IP addresses, 300 domains, 20 actors) so that
 * some incidents share them. Not real data. Stateless and thread-safe.
 */
public final class SyntheticRegister {

  private static final Instant FROM = Instant.parse("2021-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 5L * 365 * 86_400;

  private SyntheticRegister() {}

  /** {@code n} incidents from a seeded random source. */
  public static List<Incident> incidents(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ActKind[] kinds = ActKind.values();
    List<Incident> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ActKind kind = kinds[r.nextInt(kinds.length)];
      Instant seen = FROM.plusSeconds(r.nextLong(SPAN_SECONDS));
      GeoPoint at = new GeoPoint(53 + r.nextDouble() * 13, 10 + r.nextDouble() * 21);
      List<String> imo = List.of();
      List<String> mmsi = List.of();
      List<String> ip = List.of();
      List<String> domain = List.of();
      if (kind == ActKind.UNDERSEA_SABOTAGE || r.nextInt(20) == 0) {
        int v = r.nextInt(500);
        imo = List.of(String.valueOf(9_000_000 + v * 37));
        mmsi = List.of(String.valueOf(273_000_000 + v));
      }
      if (kind == ActKind.CYBERATTACK || kind == ActKind.DISINFORMATION) {
        ip = List.of("198.51." + r.nextInt(8) + "." + r.nextInt(250));
        domain = List.of("d" + r.nextInt(300) + ".example");
      }
      List<String> actor = r.nextInt(5) == 0 ? List.of("actor-" + r.nextInt(20)) : List.of();
      String id =
          "incident--"
              + new UUID(
                  r.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                  r.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
      out.add(
          new Incident(
              id,
              "Synthetic " + kind.slug() + " " + i,
              "SYNTHETIC",
              details(kind, i),
              Status.REPORTED,
              Determination.SUSPECTED,
              seen,
              Optional.of(at),
              new Entities(imo, mmsi, ip, domain, actor),
              List.of(new StatusStep(Status.REPORTED, "synthetic", seen)),
              List.of(),
              List.of(),
              Optional.empty(),
              "analyst"));
    }
    return out;
  }

  private static ActDetails details(ActKind kind, int i) {
    return switch (kind) {
      case UNDERSEA_SABOTAGE ->
          new ActDetails.UnderseaSabotage(
              "cable", "cable " + (i % 40), Optional.empty(), Optional.empty());
      case RAIL_SABOTAGE -> new ActDetails.RailSabotage("line " + (i % 60), Optional.empty());
      case ENERGY_SABOTAGE ->
          new ActDetails.EnergySabotage("facility " + (i % 80), Optional.empty());
      case CYBERATTACK ->
          new ActDetails.Cyberattack(Optional.of("energy"), Optional.empty(), List.of(), List.of());
      case INSTRUMENTALISED_MIGRATION ->
          new ActDetails.InstrumentalisedMigration(List.of("point " + (i % 12)), List.of());
      case GNSS_INTERFERENCE ->
          new ActDetails.GnssInterference(
              "jamming",
              List.of(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
      case AIRSPACE_VIOLATION ->
          new ActDetails.AirspaceViolation("aircraft", Optional.empty(), Optional.empty());
      case DRONE_OVERFLIGHT ->
          new ActDetails.DroneOverflight("site " + (i % 90), Optional.empty(), List.of());
      case ARSON -> new ActDetails.Arson("target " + i);
      case DISINFORMATION -> new ActDetails.Disinformation(List.of("T0049"), List.of());
      case ESPIONAGE -> new ActDetails.Espionage("target " + i);
      case OTHER -> new ActDetails.OtherAct("other " + i);
    };
  }
}
