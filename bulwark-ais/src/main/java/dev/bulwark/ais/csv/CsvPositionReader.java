package dev.bulwark.ais.csv;

import dev.bulwark.ais.PositionRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads position exports in CSV (Danish Maritime Authority, NOAA MarineCadastre, and simple {@code
 * Time,MMSI,Latitude,Longitude[,COG][,SOG]} files) into the same {@link PositionRecord}s that
 * decoded AIS messages give. The dialect is recognised from the header; columns are found by name,
 * so column order does not matter. Times without zone are UTC. Bad rows are counted under a {@link
 * CsvRejectionCause} (optionally reported with their line number) and the rest goes on.
 *
 * <p>Not thread-safe: one reader per file.
 */
public final class CsvPositionReader {

  /** A rejected row: why, and where (1-based line number). Immutable and thread-safe. */
  public record Rejection(CsvRejectionCause cause, long line, String text) {}

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter DMA_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);

  private final String source;
  private final Consumer<Rejection> onRejection;
  private final Map<CsvRejectionCause, Long> rejections = new EnumMap<>(CsvRejectionCause.class);
  private long rows;
  private long records;
  private CsvFormat format;

  /**
   * A reader labelling its records with {@code source}, reporting rejected rows to {@code
   * onRejection}.
   */
  public CsvPositionReader(String source, Consumer<Rejection> onRejection) {
    this.source = source;
    this.onRejection = onRejection;
  }

  /** A reader labelling its records with {@code source}. */
  public CsvPositionReader(String source) {
    this(source, r -> {});
  }

  /** The dialect recognised, once the header has been read. */
  public Optional<CsvFormat> format() {
    return Optional.ofNullable(format);
  }

  /** Data rows read. */
  public long rows() {
    return rows;
  }

  /** Records delivered. */
  public long records() {
    return records;
  }

  /** Rejected rows per cause (non-zero entries only). */
  public Map<CsvRejectionCause, Long> rejections() {
    return Map.copyOf(rejections);
  }

  /**
   * Reads every row of {@code in}, delivering positions to {@code sink}.
   *
   * @throws IOException when reading fails
   * @throws IllegalArgumentException when the header names no MMSI, time, latitude and longitude
   */
  public void read(Reader in, Consumer<PositionRecord> sink) throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    String header = r.readLine();
    long lineNo = 1;
    while (header != null && header.isBlank()) {
      header = r.readLine();
      lineNo++;
    }
    if (header == null) {
      throw new IllegalArgumentException("empty CSV: no header line");
    }
    Columns c = Columns.of(split(stripBom(header)));
    format = c.format;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      rows++;
      List<String> f = split(line);
      CsvRejectionCause cause = row(c, f, sink);
      if (cause != null) {
        rejections.merge(cause, 1L, Long::sum);
        onRejection.accept(
            new Rejection(cause, lineNo, line.length() > 200 ? line.substring(0, 200) : line));
      }
    }
  }

  private CsvRejectionCause row(Columns c, List<String> f, Consumer<PositionRecord> sink) {
    if (f == null || f.size() <= c.maxIndex) {
      return CsvRejectionCause.MALFORMED_ROW;
    }
    int mmsi;
    try {
      long m = Long.parseLong(f.get(c.mmsi).trim());
      if (m <= 0 || m > 999_999_999L) {
        return CsvRejectionCause.BAD_MMSI;
      }
      mmsi = (int) m;
    } catch (NumberFormatException e) {
      return CsvRejectionCause.BAD_MMSI;
    }
    Instant time = parseTime(f.get(c.time).trim());
    if (time == null) {
      return CsvRejectionCause.BAD_TIME;
    }
    double lat;
    double lon;
    try {
      lat = Double.parseDouble(f.get(c.lat).trim());
      lon = Double.parseDouble(f.get(c.lon).trim());
    } catch (NumberFormatException e) {
      return CsvRejectionCause.BAD_POSITION;
    }
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      return CsvRejectionCause.BAD_POSITION;
    }
    try {
      OptionalDouble sog = optionalDouble(f, c.sog, 102.3);
      OptionalDouble cog = optionalDouble(f, c.cog, 360.0);
      OptionalInt heading = optionalInt(f, c.heading, 511);
      OptionalInt status = c.status < 0 ? OptionalInt.empty() : navStatus(f.get(c.status).trim());
      sink.accept(
          new PositionRecord(mmsi, Optional.of(time), lat, lon, sog, cog, heading, status, source));
      records++;
      return null;
    } catch (NumberFormatException e) {
      return CsvRejectionCause.BAD_FIELD;
    }
  }

  private static OptionalDouble optionalDouble(List<String> f, int col, double notAvailable) {
    if (col < 0) {
      return OptionalDouble.empty();
    }
    String v = f.get(col).trim();
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    double d = Double.parseDouble(v);
    return d >= notAvailable || d < 0 || Double.isNaN(d)
        ? OptionalDouble.empty()
        : OptionalDouble.of(d);
  }

  private static OptionalInt optionalInt(List<String> f, int col, int notAvailable) {
    if (col < 0) {
      return OptionalInt.empty();
    }
    String v = f.get(col).trim();
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    int i = (int) Double.parseDouble(v);
    return i >= notAvailable || i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }

  private static final String[] STATUS_PREFIXES = {
    "under way using engine",
    "at anchor",
    "not under command",
    "restricted man",
    "constrained by her draught",
    "moored",
    "aground",
    "engaged in fishing",
    "under way sailing",
    "reserved for future amendment [hsc]",
    "reserved for future amendment [wig]",
    "power-driven vessel towing astern",
    "power-driven vessel pushing ahead",
    "reserved for future use",
    "ais-sart",
    "unknown value",
  };

  /** A navigational status given as a number or as DMA's text; empty when blank or unknown. */
  static OptionalInt navStatus(String v) {
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    char c0 = v.charAt(0);
    if (c0 >= '0' && c0 <= '9') {
      int s = (int) Double.parseDouble(v);
      return s >= 0 && s <= 15 ? OptionalInt.of(s) : OptionalInt.empty();
    }
    String lower = v.toLowerCase(Locale.ROOT);
    for (int i = 0; i < STATUS_PREFIXES.length; i++) {
      if (lower.startsWith(STATUS_PREFIXES[i])) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Parses the time formats of the supported exports (UTC when no zone is given); null if none
   * fits.
   */
  static Instant parseTime(String v) {
    if (v.isEmpty()) {
      return null;
    }
    try {
      if (v.indexOf('/') > 0) {
        return LocalDateTime.parse(v, DMA_TIME).toInstant(ZoneOffset.UTC);
      }
      if (v.endsWith("Z") || v.endsWith("z")) {
        return Instant.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.indexOf('-') > 0) {
        return LocalDateTime.parse(v, LOCAL).toInstant(ZoneOffset.UTC);
      }
      double seconds = Double.parseDouble(v);
      return Instant.ofEpochMilli(Math.round(seconds * 1000));
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** Splits one CSV line (RFC 4180 quotes); null on an unterminated quote. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(cur.toString());
    return out;
  }

  /** Where the fields are. */
  private record Columns(
      CsvFormat format,
      int mmsi,
      int time,
      int lat,
      int lon,
      int sog,
      int cog,
      int heading,
      int status,
      int maxIndex) {

    static Columns of(List<String> header) {
      if (header == null) {
        throw new IllegalArgumentException("malformed CSV header");
      }
      List<String> names = new ArrayList<>();
      for (String h : header) {
        String n = h.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("#")) {
          n = n.substring(1).trim();
        }
        names.add(n);
      }
      CsvFormat format =
          names.contains("basedatetime")
              ? CsvFormat.NOAA
              : names.contains("type of mobile") ? CsvFormat.DMA : CsvFormat.SIMPLE;
      int mmsi = find(names, "mmsi");
      int time = find(names, "timestamp", "basedatetime", "time", "datetime", "t");
      int lat = find(names, "latitude", "lat", "latitude_degrees");
      int lon = find(names, "longitude", "lon", "long", "longitude_degrees");
      if (mmsi < 0 || time < 0 || lat < 0 || lon < 0) {
        throw new IllegalArgumentException(
            "CSV header lacks MMSI, time, latitude or longitude: " + String.join(",", header));
      }
      int sog = find(names, "sog", "sog_knots", "speed");
      int cog = find(names, "cog", "cog_degrees", "course");
      int heading = find(names, "heading", "heading_degrees");
      int status = find(names, "navigational status", "status", "navstatus");
      int max =
          Math.max(
              Math.max(Math.max(mmsi, time), Math.max(lat, lon)),
              Math.max(Math.max(sog, cog), Math.max(heading, status)));
      return new Columns(format, mmsi, time, lat, lon, sog, cog, heading, status, max);
    }

    private static int find(List<String> names, String... candidates) {
      for (String c : candidates) {
        int i = names.indexOf(c);
        if (i >= 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
