package dev.bulwark.cyber.sensor;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a sensor stream line by line and hands each {@link Observation} to a consumer, in order.
 * EVE and Zeek are line formats (a Zeek stream may mix JSON records and TSV rows with their
 * headers); STIX input is read by {@link StixObservations}. A line longer than the limit, not JSON,
 * or not mappable is counted under its {@link RejectCause} and skipped; nothing in the input stops
 * the read (only an I/O error does). Memory: one line, plus a Zeek header.
 *
 * <p>A JSON line is streamed (Jackson's token stream), not built into a tree: only the fields the
 * mapper reads become values ({@link FieldShape}), the rest is skipped; a Zeek TSV row is split in
 * place. The result — observations and rejections — is the one the earlier tree reading gave
 * ({@code StreamingEqualsTreeTest}).
 *
 * <p>Immutable and thread-safe; each {@link #read} call keeps its own state.
 */
public final class SensorReader {
  /** The default longest line: 1 MiB of characters (EVE events are a few kilobytes). */
  public static final int DEFAULT_MAX_LINE = 1 << 20;

  /** Streams lines; the small trees of lists are read mid-line, so no trailing-token check. */
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Makes the parser of a line without a mapper's per-parser context (the values need none). */
  private static final TokenStreamFactory TOKENS = JSON.tokenStreamFactory();

  /** Reads a whole line as a tree (only to classify a line that is not an object). */
  private static final JsonMapper STRICT = JsonMapper.builder().build();

  private final SensorFormat format;
  private final int maxLine;
  private final EveMapper eve = new EveMapper();
  private final ZeekMapper zeek = new ZeekMapper();

  /** A reader of one format with the default line limit. */
  public SensorReader(SensorFormat format) {
    this(format, DEFAULT_MAX_LINE);
  }

  /** A reader of one format with a line limit in characters. */
  public SensorReader(SensorFormat format, int maxLine) {
    this.format = format;
    this.maxLine = maxLine;
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
      new StixObservations(maxLine).read(in, name, sink, counts);
      return;
    }
    BoundedLines lines = new BoundedLines(in, maxLine);
    ZeekTsvHeader header = new ZeekTsvHeader();
    FieldShape shape = format == SensorFormat.EVE ? EveMapper.shape() : ZeekMapper.shape();
    FieldValues values = new FieldValues(shape.size());
    int read;
    while ((read = lines.next()) != BoundedLines.END) {
      counts.line();
      if (read == BoundedLines.TOO_LONG) {
        counts.reject(
            RejectCause.TOO_LONG,
            name + ":" + lines.number(),
            "longer than " + maxLine + " characters");
        continue;
      }
      if (lines.blank()) {
        continue;
      }
      try {
        Observation o = one(lines, header, shape, values);
        if (o != null) {
          counts.observation();
          sink.accept(o);
        }
      } catch (Rejected r) {
        counts.reject(r.cause(), name + ":" + lines.number(), r.getMessage());
      }
    }
  }

  /** Maps one line; null for a header line. */
  private Observation one(
      BoundedLines lines, ZeekTsvHeader header, FieldShape shape, FieldValues values)
      throws Rejected {
    char[] chars = lines.chars();
    int len = lines.length();
    values.clear();
    if (format == SensorFormat.ZEEK && chars[0] == '#') {
      header.header(lines.text());
      return null;
    }
    if (format == SensorFormat.ZEEK && chars[0] != '{') {
      header.row(chars, len, shape, values);
      return zeek.map(values, header.path());
    }
    parse(chars, len, shape, values, lines);
    return format == SensorFormat.EVE ? eve.map(values) : zeek.map(values, null);
  }

  /**
   * Streams one JSON line into the shape's values. A line that does not start an object is read as
   * a tree, only to tell "not JSON" from "not a JSON object" as before.
   */
  private static void parse(
      char[] chars, int len, FieldShape shape, FieldValues values, BoundedLines lines)
      throws Rejected {
    try (JsonParser p = TOKENS.createParser(ObjectReadContext.empty(), chars, 0, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        JsonNode node = STRICT.readTree(lines.text());
        if (node == null || !node.isObject()) {
          throw new Rejected(RejectCause.NOT_JSON, "not a JSON object");
        }
      }
      shape.read(p, values, JSON);
      if (p.nextToken() != null) {
        throw new Rejected(RejectCause.NOT_JSON, "not JSON"); // trailing tokens, as readTree
      }
    } catch (JacksonException e) {
      throw new Rejected(RejectCause.NOT_JSON, "not JSON");
    }
  }
}
