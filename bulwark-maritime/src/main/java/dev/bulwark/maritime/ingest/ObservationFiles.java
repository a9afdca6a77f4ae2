package dev.bulwark.maritime.ingest;

import dev.bulwark.ais.csv.CsvPositionReader;
import dev.bulwark.maritime.model.VesselObservation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads AIS files into engine observations: NMEA (plain or .gz) through {@link NmeaFeed}, CSV
 * position exports (.csv, .csv.gz; DMA, NOAA and simple dialects) through {@code bulwark-ais}'s
 * {@link CsvPositionReader}. Stateless; thread-safe.
 */
public final class ObservationFiles {

  /**
   * What a file gave.
   *
   * @param observations in file order
   * @param summary one line: lines/rows read, rejected, untimed
   */
  public record Read(List<VesselObservation> observations, String summary) {}

  private ObservationFiles() {}

  /** Reads a file; throws {@link UncheckedIOException} naming it when unreadable. */
  public static Read read(Path file) {
    try (InputStream in = NmeaFeed.open(file)) {
      String n = file.getFileName().toString();
      return read(in, n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a classpath resource (gzip when its name ends in .gz). */
  public static Read resource(String name) {
    InputStream raw = ObservationFiles.class.getResourceAsStream(name);
    if (raw == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      String n = name.substring(name.lastIndexOf('/') + 1);
      return read(in, n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an already opened (and unzipped) stream; CSV when the name ends in .csv. */
  public static Read read(InputStream in, String name) throws IOException {
    List<VesselObservation> out = new ArrayList<>();
    Consumer<VesselObservation> sink = out::add;
    if (name.endsWith(".csv")) {
      AisAdapter adapter = new AisAdapter();
      CsvPositionReader reader = new CsvPositionReader(name);
      reader.read(
          new InputStreamReader(in, StandardCharsets.UTF_8), r -> adapter.of(r).ifPresent(sink));
      return new Read(
          out,
          name
              + ": "
              + reader.rows()
              + " rows, "
              + reader.records()
              + " positions, rejected "
              + reader.rejections()
              + ", untimed "
              + adapter.untimed());
    }
    NmeaFeed feed = NmeaFeed.feed(in, name, sink);
    var c = feed.counters().snapshot();
    return new Read(
        out,
        name
            + ": "
            + c.lines()
            + " lines, "
            + c.messages()
            + " messages, rejected "
            + c.rejections()
            + ", untimed "
            + feed.untimed());
  }

  /**
   * Merges observation lists into one list in time order (stable: file order within equal times).
   */
  public static List<VesselObservation> merge(List<List<VesselObservation>> lists) {
    List<VesselObservation> all = new ArrayList<>();
    lists.forEach(all::addAll);
    all.sort(Comparator.comparingLong(VesselObservation::timeMillis));
    return all;
  }
}
