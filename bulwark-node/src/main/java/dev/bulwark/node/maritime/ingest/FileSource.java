package dev.bulwark.node.maritime.ingest;

import dev.bulwark.ais.source.AisFiles;
import dev.bulwark.ais.source.LineReader;
import dev.bulwark.maritime.model.VesselObservation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * An NMEA capture file (plain or gzip), replayed at its recorded pace times {@code pace} (0 = as
 * fast as the engine takes it) and, with {@code loop}, started again at its end with its times
 * moved on by the length of the capture, so that the engine's clock keeps going forward. (At each
 * new pass the ships start again from where the capture began.) A missing or unreadable file is an
 * error; the source retries every 30 s. Thread-safe.
 */
public final class FileSource extends ThreadedSource {
  private final Path file;
  private final double pace;
  private final boolean loop;

  public FileSource(
      String name, Path file, double pace, boolean loop, ObservationQueue queue, boolean block) {
    super(new SourceStatus(name, "file", file.toString()), queue, block);
    this.file = file;
    this.pace = pace;
    this.loop = loop;
  }

  @Override
  public double replaySpeed() {
    return pace;
  }

  @Override
  protected void run() {
    long shift = 0;
    Pacer pacer = new Pacer(pace);
    while (running) {
      long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
      long passShift = shift;
      NmeaPipeline pipeline =
          new NmeaPipeline(
              status.name(),
              status,
              Clock.systemUTC(),
              o -> {
                span[0] = Math.min(span[0], o.timeMillis());
                span[1] = Math.max(span[1], o.timeMillis());
                VesselObservation shifted =
                    passShift == 0 ? o : Observations.at(o, o.timeMillis() + passShift);
                if (pacer.await(shifted.timeMillis())) {
                  emit(shifted);
                } else {
                  throw new Stop();
                }
              });
      try (InputStream in = AisFiles.open(file)) {
        status.connected(true);
        new LineReader(in).forEachLine(pipeline);
        pipeline.finish();
      } catch (IOException e) {
        status.error("cannot read " + file + ": " + e.getMessage());
        status.connected(false);
        if (!pause(30_000)) {
          return;
        }
        continue;
      } catch (Stop e) {
        return;
      }
      status.connected(false);
      if (!loop || span[0] == Long.MAX_VALUE) {
        return;
      }
      shift += span[1] - span[0] + 1_000L;
    }
  }

  /** Unwinds the reader when the source closes mid-file. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }
}
