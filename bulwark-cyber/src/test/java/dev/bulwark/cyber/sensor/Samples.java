package dev.bulwark.cyber.sensor;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the copied sensor samples (test resources, see SOURCES.md there). */
final class Samples {
  private Samples() {}

  record Read(List<Observation> observations, ReadCounts counts) {}

  static Read read(SensorFormat format, String resource) {
    try (InputStream in =
        Samples.class.getResourceAsStream("/dev/bulwark/cyber/sensors/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + resource);
      }
      return read(format, new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Read text(SensorFormat format, String text) {
    try {
      return read(format, new StringReader(text), "text");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Read read(SensorFormat format, Reader in, String name) throws IOException {
    List<Observation> out = new ArrayList<>();
    ReadCounts counts = new ReadCounts();
    new SensorReader(format, 64 * 1024).read(in, name, out::add, counts);
    return new Read(out, counts);
  }

  /** The SCOs of an observation of one type, as JSON strings. */
  static List<String> of(Observation o, String type) {
    List<String> out = new ArrayList<>();
    o.objects()
        .forEach(
            n -> {
              if (type.equals(n.get("type").asString())) {
                out.add(n.toString());
              }
            });
    return out;
  }
}
