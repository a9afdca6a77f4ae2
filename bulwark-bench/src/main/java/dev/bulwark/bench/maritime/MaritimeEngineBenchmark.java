package dev.bulwark.bench.maritime;

import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.NmeaFeed;
import dev.bulwark.maritime.model.VesselObservation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole maritime path, single thread: decode (bulwark-ais, tag blocks and $PGHP headers
 * included) -> observations -> registry and bounded tracks -> infrastructure index -> every
 * detector -> alert episodes, over the DMA 5-minute capture (80,246 lines, 26,146 AIS sentences,
 * 1,443 vessels) replayed without pacing, with a fresh engine per pass so that track time starts
 * over.
 *
 * <p>The {@code sentences} counter reads as AIS sentences per second (lines that are only tag
 * blocks or $PGHP headers are not counted, though they are parsed). {@code layer}: {@code
 * synthetic10k} is {@link SyntheticInfrastructure} with 10,000 segments over the capture's area;
 * {@code baltic} is the shipped schematic layer (which barely touches Danish waters). {@link
 * #engineOnly} starts from already decoded observations, {@link #decodeOnly} stops at observations,
 * to show where time goes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
// A fixed, pre-touched heap, as a server runs: with the default small initial heap, each pass pays
// the kernel's first-touch page faults while the young generation grows (seen in JFR as time in
// VesselRegistry.identity), which measures the machine's memory setup rather than the engine.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MaritimeEngineBenchmark {

  static final String CAPTURE = "/dev/bulwark/maritime/ais/dma_2013-11-12_5min.nmea.gz";

  /** Counts sentences processed; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Sentences {
    public long sentences;

    @Setup(Level.Iteration)
    public void reset() {
      sentences = 0;
    }
  }

  @Param({"synthetic10k", "baltic"})
  public String layer;

  byte[][] lines;
  int sentenceCount;
  List<VesselObservation> observations;
  InfrastructureLayer infra;

  @Setup(Level.Trial)
  public void load() throws IOException {
    lines = lines();
    sentenceCount = 0;
    for (byte[] l : lines) {
      for (int i = 0; i + 1 < l.length; i++) {
        if (l[i] == '!' && (l[i + 1] == 'A' || l[i + 1] == 'B')) {
          sentenceCount++;
          break;
        }
      }
    }
    infra =
        layer.equals("baltic")
            ? GeoJsonInfrastructure.baltic().layer()
            : SyntheticInfrastructure.layer(500, 20, 42);
    if (layer.equals("synthetic10k") && infra.pieceCount() != 10_000) {
      throw new IllegalStateException("expected 10,000 segments, got " + infra.pieceCount());
    }
    observations = new ArrayList<>();
    NmeaFeed feed = new NmeaFeed("dma", observations::add);
    for (byte[] l : lines) {
      feed.line(l, 0, l.length);
    }
    feed.finish();
  }

  static byte[][] lines() throws IOException {
    try (InputStream in =
        new GZIPInputStream(MaritimeEngineBenchmark.class.getResourceAsStream(CAPTURE))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      String[] text = b.toString(StandardCharsets.ISO_8859_1).split("\r?\n");
      byte[][] out = new byte[text.length][];
      for (int i = 0; i < text.length; i++) {
        out[i] = text[i].getBytes(StandardCharsets.ISO_8859_1);
      }
      return out;
    }
  }

  @Benchmark
  public int decodeTrackIndexDetect(Sentences counter) {
    MaritimeEngine engine = MaritimeEngine.withDefaults(infra, (a, c) -> {});
    NmeaFeed feed = new NmeaFeed("dma", engine::accept);
    for (byte[] l : lines) {
      feed.line(l, 0, l.length);
    }
    feed.finish();
    engine.finish();
    counter.sentences += sentenceCount;
    return engine.alertBook().size() + engine.stats().vessels();
  }

  @Benchmark
  public int engineOnly(Sentences counter) {
    MaritimeEngine engine = MaritimeEngine.withDefaults(infra, (a, c) -> {});
    for (VesselObservation o : observations) {
      engine.accept(o);
    }
    engine.finish();
    counter.sentences += sentenceCount;
    return engine.alertBook().size() + engine.stats().vessels();
  }

  @Benchmark
  public int decodeOnly(Sentences counter) {
    int[] n = new int[1];
    NmeaFeed feed = new NmeaFeed("dma", o -> n[0]++);
    for (byte[] l : lines) {
      feed.line(l, 0, l.length);
    }
    feed.finish();
    counter.sentences += sentenceCount;
    return n[0];
  }
}
