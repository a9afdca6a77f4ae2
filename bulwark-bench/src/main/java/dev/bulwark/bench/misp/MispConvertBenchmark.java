package dev.bulwark.bench.misp;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.MispToStix;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MISP → STIX, the library half of an import: read one synthetic event of 100 attributes from JSON
 * bytes and convert it (audience, markings, patterns validated). Scores are attributes per second
 * (one operation = one attribute). Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MispConvertBenchmark {
  static final int ATTRIBUTES = 100;

  private List<byte[]> events;
  private MispReader reader;
  private MispToStix converter;
  private int next;

  @Setup
  public void setUp() {
    events = SyntheticMisp.events(200, ATTRIBUTES, 21);
    reader = new MispReader();
    converter = new MispToStix(settings());
  }

  static AudienceSettings settings() {
    return new AudienceSettings(
        "EST",
        Set.of("LVA", "LTU"),
        Map.of(
            "11111111-1111-4111-8111-111111111111", "FIN",
            "22222222-2222-4222-8222-222222222222", "POL"));
  }

  @Benchmark
  @OperationsPerInvocation(ATTRIBUTES)
  public EventConversion readAndConvert() throws Exception {
    byte[] e = events.get(next++ % events.size());
    MispEvent ev = reader.read(new ByteArrayInputStream(e)).get(0);
    return converter.convert(ev);
  }
}
