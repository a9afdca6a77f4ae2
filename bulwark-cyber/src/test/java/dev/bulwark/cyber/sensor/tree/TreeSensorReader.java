package dev.bulwark.cyber.sensor.tree;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import dev.bulwark.cyber.sensor.SensorFormat;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tree-based reader as it was before the streaming parse: the oracle of the differential test
 * ({@code StreamingEqualsTreeTest}), kept in test scope only. Reads a sensor stream line by line
 * and hands each {@link Observation} to a consumer, in order. EVE and Zeek are line formats (a Zeek
 * stream may mix JSON records and TSV rows with their headers); STIX input is read by the STIX
 * reader. A line longer than the limit, not JSON, or not mappable is counted under its {@link
 * RejectCause} and skipped; nothing in the input stops the read (only an I/O error does). Memory:
 * one line, plus a Zeek header.
 *
 * <p>Not thread-safe (counts {@link #crashes}).
 */
public final class TreeSensorReader {
  /** The default longest line: 1 MiB of characters (EVE events are a few kilobytes). */
  public static final int DEFAULT_MAX_LINE = 1 << 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SensorFormat format;
  private final int maxLine;
  private final TreeEveMapper eve = new TreeEveMapper();
  private final TreeZeekMapper zeek = new TreeZeekMapper();
  private int crashes;

  /** A reader of one format with the default line limit. */
  public TreeSensorReader(SensorFormat format) {
    this(format, DEFAULT_MAX_LINE);
  }

  /** A reader of one format with a line limit in characters. */
  public TreeSensorReader(SensorFormat format, int maxLine) {
    this.format = format;
    this.maxLine = maxLine;
  }

  /**
   * Lines on which the tree mapping threw (a Jackson conversion), which the original did not catch.
   */
  public int crashes() {
    return crashes;
  }

  /** The format read. */
  public SensorFormat format() {
    return format;
  }

  /**
   * Reads the whole stream.
   *
   * @param in the characters (the caller closes it)
   * @param name the stream's name for rejection messages (a file name)
   * @param sink receives each observation in order
   * @param counts counted into
   * @throws IOException when reading fails
   */
  public void read(Reader in, String name, Consumer<Observation> sink, ReadCounts counts)
      throws IOException {
    if (format == SensorFormat.STIX) {
      throw new IllegalArgumentException("the oracle reads EVE and Zeek only");
    }
    TreeBoundedLines lines = new TreeBoundedLines(in, maxLine);
    TreeZeekTsvHeader header = new TreeZeekTsvHeader();
    String line;
    while ((line = lines.next()) != null) {
      counts.line();
      String where = name + ":" + lines.number();
      if (line == TreeBoundedLines.TOO_LONG) {
        counts.reject(RejectCause.TOO_LONG, where, "longer than " + maxLine + " characters");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      try {
        Observation o = one(line, header);
        if (o != null) {
          counts.observation();
          sink.accept(o);
        }
      } catch (Rejected r) {
        counts.reject(r.cause(), where, r.getMessage());
      } catch (RuntimeException e) {
        crashes++; // the original let this escape and stopped the read
      }
    }
  }

  /** Maps one line; null for a header line. */
  private Observation one(String line, TreeZeekTsvHeader header) throws Rejected {
    if (format == SensorFormat.ZEEK && line.charAt(0) == '#') {
      header.header(line);
      return null;
    }
    if (format == SensorFormat.ZEEK && line.charAt(0) != '{') {
      return zeek.map(header.row(line), header.path());
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new Rejected(RejectCause.NOT_JSON, "not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new Rejected(RejectCause.NOT_JSON, "not a JSON object");
    }
    return format == SensorFormat.EVE ? eve.map(node) : zeek.map(node, null);
  }
}
