package dev.bulwark.incidents;

import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActDetails.DailyCount;
import dev.bulwark.incidents.kinds.ActDetails.RemoteId;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One incident of every kind, with every optional field set where the kind has one (tests). */
public final class Samples {

  public static final Instant T0 = Instant.parse("2024-12-25T10:26:00.123Z");

  private Samples() {}

  public static List<ActDetails> everyKind() {
    GeoPoint a = new GeoPoint(59.0, 21.0);
    return List.of(
        new ActDetails.UnderseaSabotage(
            "cable", "Estlink 2", Optional.of("severed"), Optional.of(60)),
        new ActDetails.RailSabotage("Warsaw–Lublin", Optional.of("explosive on track")),
        new ActDetails.EnergySabotage("Balticconnector", Optional.empty()),
        new ActDetails.Cyberattack(
            Optional.of("energy"),
            Optional.of("phishing"),
            List.of("203.0.113.7"),
            List.of("evil.example")),
        new ActDetails.InstrumentalisedMigration(
            List.of("Vaalimaa"),
            List.of(new DailyCount(LocalDate.parse("2023-11-18"), "Vaalimaa", 92))),
        new ActDetails.GnssInterference(
            "jamming",
            List.of(a, new GeoPoint(59.0, 23.0), new GeoPoint(60.0, 23.0), a),
            Optional.of("L1"),
            Optional.of(240),
            Optional.of(1200),
            Optional.of(35)),
        new ActDetails.AirspaceViolation("Su-27", Optional.of(3), Optional.of(2.5)),
        new ActDetails.DroneOverflight(
            "Olkiluoto NPP",
            Optional.of(4),
            List.of(new RemoteId("1581F4XFC22370", Optional.of(new GeoPoint(61.2, 21.4))))),
        new ActDetails.Arson("IKEA Vilnius"),
        new ActDetails.Disinformation(List.of("T0049", "T0087.001"), List.of("telegram")),
        new ActDetails.Espionage("naval base"),
        new ActDetails.OtherAct("balloons carrying contraband"));
  }

  public static Incident of(ActDetails d) {
    return Incident.reported(
        "Act: " + d.kind().label(),
        "synthetic test incident",
        d,
        T0,
        Optional.of(new GeoPoint(59.9, 25.0)),
        new Entities(List.of("9329760"), List.of("518998000"), List.of(), List.of(), List.of()),
        List.of(Tlp.AMBER.markingDefinitionId()),
        "analyst@FIN",
        T0.plusSeconds(60),
        "analyst");
  }
}
