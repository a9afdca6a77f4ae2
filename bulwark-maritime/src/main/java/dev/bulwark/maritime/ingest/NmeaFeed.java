package dev.bulwark.maritime.ingest;

import dev.bulwark.ais.AisCounters;
import dev.bulwark.ais.AisDecoder;
import dev.bulwark.maritime.model.VesselObservation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * NMEA text in, engine observations out: {@code bulwark-ais}'s streaming decoder (tag blocks, $PGHP
 * headers, multi-sentence messages, rejections counted) followed by the {@link AisAdapter}. Not
 * thread-safe: one feed per input stream.
 */
public final class NmeaFeed {

  private final AisAdapter adapter = new AisAdapter();
  private final AisDecoder decoder;

  public NmeaFeed(String source, Consumer<VesselObservation> out) {
    this.decoder =
        AisDecoder.builder((m, t, from, n) -> adapter.accept(m, t, out)).source(source).build();
  }

  /** Takes one line of NMEA text. */
  public void line(CharSequence line) {
    decoder.accept(line);
  }

  /** Takes one line given as bytes. */
  public void line(byte[] buf, int off, int len) {
    decoder.accept(buf, off, len);
  }

  /** End of input. */
  public void finish() {
    decoder.finish();
  }

  /** The decoder's counts (lines, messages, rejections by cause). */
  public AisCounters counters() {
    return decoder.counters();
  }

  /** Decoded messages without a time, which no track can use. */
  public long untimed() {
    return adapter.untimed();
  }

  /** Reads a whole file (gzip when the name ends in .gz) into a list of observations. */
  public static List<VesselObservation> readAll(Path file) {
    List<VesselObservation> out = new ArrayList<>();
    try (InputStream in = open(file)) {
      feed(in, file.getFileName().toString(), out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Opens a file, unzipping .gz. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** Feeds a stream of NMEA lines; returns the feed (for its counters). */
  public static NmeaFeed feed(InputStream in, String source, Consumer<VesselObservation> out)
      throws IOException {
    NmeaFeed feed = new NmeaFeed(source, out);
    BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    String line;
    while ((line = r.readLine()) != null) {
      feed.line(line);
    }
    feed.finish();
    return feed;
  }
}
