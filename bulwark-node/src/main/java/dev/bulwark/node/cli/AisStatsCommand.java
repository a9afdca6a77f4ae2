package dev.bulwark.node.cli;

import dev.bulwark.ais.AisCounters;
import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.DecodedMessage;
import dev.bulwark.ais.PositionRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark ais stats FILE|-}: messages per type, rejections per cause, vessels, recorded time
 * span and rates of a capture. Exit 0 when the input was read (rejections are reported, not
 * failures), 1 when it holds no AIS sentence at all (not an NMEA capture: zeros would read as an
 * empty capture), 2 when it cannot be read. Not thread-safe.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Summarise an AIS capture: messages per type, rejections per cause, vessels, time span, rate.",
    footer =
        "Exit status: 0 read (rejections are reported), 1 no AIS sentence in it (not an NMEA"
            + " capture), 2 unreadable input.")
final class AisStatsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "Capture to summarise; - reads stdin.")
  String file;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  private final Set<Integer> vessels = new HashSet<>();
  private final Set<Integer> vesselsWithPosition = new HashSet<>();
  private Instant first;
  private Instant last;
  private long timed;

  private void observe(DecodedMessage m) {
    vessels.add(m.message().mmsi());
    if (PositionRecord.from(m).isPresent()) {
      vesselsWithPosition.add(m.message().mmsi());
    }
    m.receivedAt()
        .ifPresent(
            t -> {
              timed++;
              if (first == null || t.isBefore(first)) {
                first = t;
              }
              if (last == null || t.isAfter(last)) {
                last = t;
              }
            });
  }

  /** What one pass over the capture measured; the two printers format the same figures. */
  private record Summary(
      AisCounters.Snapshot counts,
      long headerLines,
      long rejectedLines,
      double wallSeconds,
      Duration span,
      double spanSeconds,
      double rate) {}

  @Override
  public Integer call() {
    AisDecoder decoder = AisDecoder.builder(this::observe).source(file).build();
    long started = System.nanoTime();
    try {
      AisInput.readLines(file, decoder::accept);
      decoder.finish();
    } catch (NoSuchFileException e) {
      System.err.println(file + ": no such file");
      return 2;
    } catch (IOException e) {
      System.err.println(file + ": cannot read: " + e.getMessage());
      return 2;
    }
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    AisCounters.Snapshot c = decoder.counters().snapshot();
    if (c.sentences() == 0) {
      System.err.println(AisInput.notNmea(file, c.lines()));
      return 1;
    }
    Duration span = first == null ? Duration.ZERO : Duration.between(first, last);
    double spanSeconds = span.toMillis() / 1000.0;
    Summary summary =
        new Summary(
            c,
            decoder.counters().headerLines(),
            decoder.counters().rejectedLines(),
            wallSeconds,
            span,
            spanSeconds,
            spanSeconds > 0 ? c.messages() / spanSeconds : 0);
    if (json) {
      System.out.println(json(summary));
    } else {
      printText(System.out, summary);
    }
    return 0;
  }

  private String json(Summary s) {
    AisCounters.Snapshot c = s.counts();
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"file\":\"").append(file.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    sb.append(",\"lines\":")
        .append(c.lines())
        .append(",\"sentences\":")
        .append(c.sentences())
        .append(",\"messages\":")
        .append(c.messages())
        .append(",\"ignored_lines\":")
        .append(c.ignoredLines())
        .append(",\"header_lines\":")
        .append(s.headerLines())
        .append(",\"rejected_lines\":")
        .append(s.rejectedLines());
    sb.append(",\"messages_by_type\":{");
    appendMap(sb, c.messagesByType());
    sb.append("},\"rejections\":{");
    appendMap(sb, c.rejections());
    sb.append("},\"vessels\":")
        .append(vessels.size())
        .append(",\"vessels_with_position\":")
        .append(vesselsWithPosition.size());
    if (first != null) {
      sb.append(",\"first\":\"").append(first).append("\",\"last\":\"").append(last).append('"');
    }
    sb.append(",\"span_seconds\":")
        .append(s.spanSeconds())
        .append(",\"messages_per_second\":")
        .append(String.format(Locale.ROOT, "%.2f", s.rate()))
        .append(",\"decode_seconds\":")
        .append(String.format(Locale.ROOT, "%.3f", s.wallSeconds()))
        .append('}');
    return sb.toString();
  }

  private void printText(PrintStream out, Summary s) {
    AisCounters.Snapshot c = s.counts();
    out.printf(Locale.ROOT, "file:        %s%n", file);
    out.printf(
        Locale.ROOT,
        "lines:       %d (%d AIS sentences, %d header lines, %d rejected lines,"
            + " %d other lines ignored)%n",
        c.lines(),
        c.sentences(),
        s.headerLines(),
        s.rejectedLines(),
        c.ignoredLines());
    out.printf(Locale.ROOT, "messages:    %d%n", c.messages());
    c.messagesByType()
        .forEach((type, n) -> out.printf(Locale.ROOT, "  type %-2d    %d%n", type, n));
    out.printf(Locale.ROOT, "rejections:  %d%n", c.rejectedTotal());
    c.rejections()
        .forEach(
            (cause, n) ->
                out.printf(Locale.ROOT, "  %-26s %d%n", cause.name().toLowerCase(Locale.ROOT), n));
    out.printf(
        Locale.ROOT,
        "vessels:     %d distinct MMSIs (%d with a position report)%n",
        vessels.size(),
        vesselsWithPosition.size());
    if (first != null) {
      out.printf(
          Locale.ROOT,
          "time span:   %s .. %s (%s; %d messages carry a receive time)%n",
          first,
          last,
          s.span(),
          timed);
      out.printf(Locale.ROOT, "rate:        %.2f messages/s over the recorded span%n", s.rate());
    } else {
      out.println("time span:   unknown (no tag-block or $PGHP receive times)");
    }
    out.printf(
        Locale.ROOT,
        "decoded in:  %.3f s (%.0f lines/s)%n",
        s.wallSeconds(),
        s.wallSeconds() > 0 ? c.lines() / s.wallSeconds() : 0.0);
  }

  private static void appendMap(StringBuilder sb, Map<?, Long> map) {
    boolean firstEntry = true;
    for (Map.Entry<?, Long> e : map.entrySet()) {
      if (!firstEntry) {
        sb.append(',');
      }
      firstEntry = false;
      String key =
          e.getKey() instanceof Enum<?> en
              ? en.name().toLowerCase(Locale.ROOT)
              : e.getKey().toString();
      sb.append('"').append(key).append("\":").append(e.getValue());
    }
  }
}
