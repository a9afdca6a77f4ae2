package dev.bulwark.node.cli;

import dev.bulwark.cyber.match.BatchMatch;
import dev.bulwark.cyber.match.Indicator;
import dev.bulwark.cyber.match.IndicatorFiles;
import dev.bulwark.cyber.match.MatchSummary;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.warninglist.Warninglists;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.pattern.IndexError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark cyber match --indicators FILE... --events FILE... [--format stix|eve|zeek]
 * [--json]}: matches STIX indicators against sensor files and prints the sightings as STIX JSON
 * lines on stdout; a summary (events, matches, held back, sightings, rejected lines per cause,
 * events/s) on stderr. Exit 0 done, 2 unreadable input or no usable indicator. Not thread-safe.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description =
        "Match STIX indicators against sensor events (Suricata EVE JSON, Zeek JSON or TSV logs,"
            + " STIX observed-data; plain or .gz) and print sightings as STIX JSON lines.",
    footer = {
      "A sighting counts the matches of one indicator at this sensor within one window; it",
      "carries the indicator's marking refs and the --tlp of the sensor's owner (both apply).",
      "Exit status: 0 done, 2 unreadable input or no usable indicator."
    })
final class CyberMatchCommand implements Callable<Integer> {
  private static final UUID SENSOR_NAMESPACE =
      UUID.fromString("5e0d1a52-7c39-4b8e-a1f4-2d6c8b9e0f13");

  @Option(
      names = "--indicators",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "STIX indicators: bundles, lists of objects or JSON lines.")
  List<Path> indicatorFiles;

  @Option(
      names = "--events",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Sensor files, read in the order given.")
  List<Path> events;

  @Option(
      names = "--format",
      paramLabel = "stix|eve|zeek",
      description = "The events' format (default: recognised per file from its first line).")
  String format;

  @Option(names = "--json", description = "Print the summary on stderr as one JSON object.")
  boolean json;

  @Option(
      names = "--sensor",
      paramLabel = "NAME",
      defaultValue = "bulwark-cli",
      description =
          "The sensor's name; its identity id derives from it (default: ${DEFAULT-VALUE}).")
  String sensor;

  @Option(
      names = "--tlp",
      paramLabel = "LEVEL",
      defaultValue = "amber",
      description =
          "The sensor owner's TLP for what it sees: clear, green, amber, amber+strict, red"
              + " (default: ${DEFAULT-VALUE}).")
  String tlp;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "PT1H",
      description = "Sighting window, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration window;

  @Option(
      names = "--warninglist",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "MISP warninglist list.json files: indicators naming a listed value have their"
              + " hits held back and counted.")
  List<Path> warninglists = new ArrayList<>();

  @Option(
      names = "--observed-data",
      description = "Also print the observed-data and SCOs each sighting references.")
  boolean observedData;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    try {
      List<Indicator> indicators = indicators(err);
      if (indicators.isEmpty()) {
        err.println("no usable indicator in " + indicatorFiles);
        return 2;
      }
      Warninglists lists = new Warninglists();
      for (Path w : warninglists) {
        try (InputStream in = Files.newInputStream(w)) {
          lists.add(in);
        }
      }
      String sensorRef = "identity--" + StixIds.uuid5(SENSOR_NAMESPACE, sensor);
      BatchMatch match =
          new BatchMatch(
              indicators, lists, sensorRef, List.of(tlp().markingDefinitionId()), window);
      for (IndexError e : match.errors()) {
        err.println(e.indicatorId() + ": " + e.reason());
      }
      List<BatchMatch.Input> inputs = new ArrayList<>();
      List<Reader> open = new ArrayList<>();
      try {
        for (Path f : events) {
          Reader r = reader(f);
          open.add(r);
          inputs.add(new BatchMatch.Input(f.toString(), r, formatOf(f)));
        }
        StixCodec codec = new StixCodec();
        PrintStream out = System.out;
        ReadCounts counts = new ReadCounts();
        MatchSummary s = match.run(inputs, observedData, o -> out.println(codec.write(o)), counts);
        out.flush();
        counts.examples().forEach(e -> err.println("rejected " + e));
        err.print(json ? s.toJson() + "\n" : s.toText());
      } finally {
        for (Reader r : open) {
          r.close();
        }
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private List<Indicator> indicators(PrintStream err) throws IOException {
    IndicatorFiles files = new IndicatorFiles();
    for (Path f : indicatorFiles) {
      try (Reader r = reader(f)) {
        files.read(r, f.toString());
      }
    }
    files.problems().forEach(p -> err.println("indicator left out: " + p));
    return files.indicators();
  }

  private Tlp tlp() {
    return switch (tlp.toLowerCase(Locale.ROOT)) {
      case "clear", "white" -> Tlp.CLEAR;
      case "green" -> Tlp.GREEN;
      case "amber" -> Tlp.AMBER;
      case "amber+strict" -> Tlp.AMBER_STRICT;
      case "red" -> Tlp.RED;
      default -> throw new IllegalArgumentException("unknown TLP level '" + tlp + "'");
    };
  }

  /** The file's characters, gunzipped when it starts with the gzip magic. */
  private static Reader reader(Path f) throws IOException {
    if (!Files.isReadable(f)) {
      throw new IOException(f + ": no such file or not readable");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private SensorFormat formatOf(Path f) throws IOException {
    if (format != null) {
      return SensorFormat.parse(format);
    }
    try (Reader r = reader(f)) {
      char[] buf = new char[4096];
      int n = r.read(buf);
      String head = n <= 0 ? "" : new String(buf, 0, n);
      if (head.startsWith("#separator") || head.contains("\"_path\"") || head.contains("\"ts\"")) {
        return SensorFormat.ZEEK;
      }
      if (head.contains("\"event_type\"")) {
        return SensorFormat.EVE;
      }
      if (head.contains("\"type\"")) {
        return SensorFormat.STIX;
      }
      throw new IOException(f + ": not recognised as EVE, Zeek or STIX; say --format");
    }
  }
}
