package dev.bulwark.node.cli;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertListener;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.engine.EngineConfig;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.ObservationFiles;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselList;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark maritime scan --ais FILE... [--infra FILE] [--watchlist FILE] [--working FILE]
 * [--json]}: runs every detector over AIS files (NMEA, plain or .gz, or CSV position exports),
 * merged in time order, and prints each alert episode as it finally stands. Exit 0 no alert, 1
 * alerts (or invalid input), 2 unreadable input. Not thread-safe.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description =
        "Run the detectors over AIS files (NMEA .nmea/.txt/.gz or CSV exports) against an infrastructure layer.",
    footer = "Exit status: 0 no alert, 1 alerts raised or invalid input, 2 unreadable input.")
final class MaritimeScanCommand implements Callable<Integer> {

  @Option(
      names = "--ais",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "AIS files; several are merged by time.")
  List<Path> ais;

  @Option(
      names = "--infra",
      paramLabel = "FILE",
      description = "GeoJSON infrastructure layer (default: the shipped schematic Baltic layer).")
  Path infra;

  @Option(
      names = "--watchlist",
      paramLabel = "FILE",
      description = "CSV of vessels of concern (columns mmsi, imo, name, reason).")
  Path watchlist;

  @Option(
      names = "--working",
      paramLabel = "FILE",
      description = "CSV of legitimate cable/survey vessels, not alerted on (same columns).")
  Path working;

  @Option(
      names = "--json",
      description =
          "One JSON object per alert (kind, mmsi, asset, start, end, severity, raised, ...).")
  boolean json;

  @Option(
      names = "--evidence",
      description = "With --json: include the track snippet (GeoJSON) of each alert.")
  boolean evidence;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    long started = System.nanoTime();
    InfrastructureLayer layer;
    VesselList watch;
    VesselList legit;
    try {
      layer = MaritimeInfra.load(infra, err);
      watch = list(watchlist, "watch list", err);
      legit = list(working, "working vessels", err);
    } catch (MaritimeInfra.Failure f) {
      err.println(f.getMessage());
      return f.exitCode;
    }
    List<List<VesselObservation>> inputs = new ArrayList<>();
    for (Path f : ais) {
      if (!Files.isReadable(f)) {
        err.println(f + ": no such file or not readable");
        return 2;
      }
      try {
        ObservationFiles.Read r = ObservationFiles.read(f);
        err.println(r.summary());
        inputs.add(r.observations());
      } catch (UncheckedIOException e) {
        err.println(e.getMessage());
        return 2;
      }
    }
    List<VesselObservation> all =
        inputs.size() == 1 ? inputs.get(0) : ObservationFiles.merge(inputs);
    // Episodes quiet for a day leave the engine's working set (memory stays bounded on long files):
    // keep their final state as they go.
    List<Alert> closed = new ArrayList<>();
    MaritimeEngine engine =
        new MaritimeEngine(
            EngineConfig.DEFAULT,
            layer,
            watch,
            legit,
            MaritimeEngine.defaultDetectors(),
            (a, c) -> {
              if (c == AlertListener.Change.CLOSED) {
                closed.add(a);
              }
            });
    all.forEach(engine::accept);
    engine.finish();
    List<Alert> alerts = new ArrayList<>(closed);
    alerts.addAll(engine.alerts());
    alerts.sort(Comparator.comparing(Alert::raised));
    for (Alert a : alerts) {
      out.println(json ? AlertJson.scan(a, evidence).toString() : text(a));
    }
    var s = engine.stats();
    err.printf(
        Locale.ROOT,
        "%d observations, %d vessels, %.1f vessel-hours, %d alerts (%d high) in %.2f s%n",
        s.positions() + s.statics(),
        s.vessels(),
        engine.vesselHours(),
        alerts.size(),
        alerts.stream().filter(a -> a.severity() == Severity.HIGH).count(),
        (System.nanoTime() - started) / 1e9);
    return alerts.isEmpty() ? 0 : 1;
  }

  private static VesselList list(Path file, String what, PrintStream err)
      throws MaritimeInfra.Failure {
    if (file == null) {
      return VesselList.empty();
    }
    try {
      VesselList l = VesselList.read(file);
      err.println(
          what
              + ": "
              + file
              + ": "
              + l.entries().size()
              + " vessels, "
              + l.problems().size()
              + " rows skipped");
      l.problems().forEach(p -> err.println("  skipped " + p));
      return l;
    } catch (UncheckedIOException e) {
      throw new MaritimeInfra.Failure(e.getMessage(), 2);
    } catch (IllegalArgumentException e) {
      throw new MaritimeInfra.Failure(e.getMessage(), 1);
    }
  }

  private static String text(Alert a) {
    DateTimeFormatter hm = DateTimeFormatter.ISO_INSTANT;
    return String.format(
        Locale.ROOT,
        "%s  %-6s %-15s %9d %-18s %-24s %s .. %s  %s",
        hm.format(a.raised()),
        a.severity().slug(),
        a.kind().slug(),
        a.mmsi(),
        a.vesselName().isEmpty() ? "-" : a.vesselName(),
        a.assetName().orElse("-"),
        a.start(),
        a.end(),
        a.summary());
  }
}
