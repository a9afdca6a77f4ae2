package dev.bulwark.node.maritime.ingest;

import dev.bulwark.ais.csv.CsvPositionReader;
import dev.bulwark.ais.source.AisFiles;
import dev.bulwark.maritime.ingest.AisAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A CSV export of positions (DMA, MarineCadastre, simple Time/MMSI/Latitude/Longitude files;
 * dialect recognised from the header), replayed at its pace times {@code pace} (0 = as fast as
 * possible), optionally looped with its times moved on. Rejected rows count as errors, with their
 * line number. Thread-safe.
 */
public final class CsvSource extends ThreadedSource {
  private final Path file;
  private final double pace;
  private final boolean loop;

  public CsvSource(
      String name, Path file, double pace, boolean loop, ObservationQueue queue, boolean block) {
    super(new SourceStatus(name, "csv", file.toString()), queue, block);
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
    AisAdapter adapter = new AisAdapter();
    while (running) {
      long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
      long passShift = shift;
      boolean[] stop = {false};
      CsvPositionReader reader =
          new CsvPositionReader(
              status.name(),
              r -> status.error(file.getFileName() + " line " + r.line() + ": " + r.cause()));
      try (InputStream in = AisFiles.open(file);
          Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        status.connected(true);
        reader.read(
            text,
            r -> {
              status.line();
              if (stop[0]) {
                return;
              }
              adapter
                  .of(r)
                  .ifPresent(
                      o -> {
                        status.message(System.currentTimeMillis());
                        span[0] = Math.min(span[0], o.timeMillis());
                        span[1] = Math.max(span[1], o.timeMillis());
                        var shifted =
                            passShift == 0 ? o : Observations.at(o, o.timeMillis() + passShift);
                        if (running && pacer.await(shifted.timeMillis())) {
                          emit(shifted);
                        } else {
                          stop[0] = true;
                        }
                      });
            });
      } catch (IOException e) {
        status.error("cannot read " + file + ": " + e.getMessage());
        status.connected(false);
        if (!pause(30_000)) {
          return;
        }
        continue;
      }
      status.connected(false);
      if (stop[0] || !loop || span[0] == Long.MAX_VALUE) {
        return;
      }
      shift += span[1] - span[0] + 1_000L;
    }
  }
}
