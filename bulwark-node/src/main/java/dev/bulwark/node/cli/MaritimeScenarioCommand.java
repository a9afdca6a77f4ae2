package dev.bulwark.node.cli;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.scenario.Expectation;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark maritime scenario [--out FILE] [--start ISO]}: writes the synthetic incident
 * scenarios as tagged {@code !AIVDM} NMEA (see {@link Scenarios}), and lists on stderr what the
 * engine must detect in them. Exit 0 written, 2 bad option or unwritable file. Not thread-safe.
 */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description =
        "Write synthetic scenarios (Eagle S-like and Yi Peng 3-like anchor drags, a rendezvous, a spoofed track) "
            + "as NMEA !AIVDM with \\c: tag-block times, to mix into real traffic.",
    footer = "Exit status: 0 written, 2 bad option or unwritable file.")
final class MaritimeScenarioCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: stdout).")
  Path out;

  @Option(
      names = "--start",
      paramLabel = "ISO",
      defaultValue = "2024-12-25T08:00:00Z",
      description = "Track time of the start, ISO-8601 UTC (default: ${DEFAULT-VALUE}).")
  String start;

  @Override
  public Integer call() {
    Instant t0;
    try {
      t0 = Instant.parse(start);
    } catch (DateTimeParseException e) {
      System.err.println("--start: not an ISO-8601 instant such as 2024-12-25T08:00:00Z: " + start);
      return 2;
    }
    ScenarioSet set = Scenarios.generate(t0.toEpochMilli(), GeoJsonInfrastructure.baltic().layer());
    try {
      if (out == null) {
        Writer w = new OutputStreamWriter(System.out, StandardCharsets.US_ASCII);
        set.write(w);
      } else {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
          set.write(w);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println(out + ": cannot write: " + e.getMessage());
      return 2;
    }
    System.err.println(
        set.lines().size()
            + " lines"
            + (out == null ? "" : " written to " + out)
            + "; expected alerts:");
    for (Expectation e : set.expectations()) {
      System.err.println(
          "  "
              + e.scenario()
              + ": "
              + e.kind().slug()
              + " mmsi "
              + e.mmsi()
              + " on "
              + e.asset().orElse("(no asset)")
              + " from "
              + Instant.ofEpochMilli(e.onsetMillis())
              + " - "
              + e.description());
    }
    return 0;
  }
}
