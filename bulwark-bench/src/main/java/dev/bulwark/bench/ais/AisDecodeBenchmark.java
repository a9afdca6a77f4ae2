package dev.bulwark.bench.ais;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.source.AisFiles;
import dk.dma.ais.message.AisMessage;
import dk.dma.ais.sentence.Vdm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + reassemble + decode, single thread, Bulwark beside DMA AisLib on the same sentences. One
 * operation is one sentence: each invocation runs over the whole capture, and the score is divided
 * by its number of sentences, so "ops/s" reads as sentences per second and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} as bytes allocated per sentence.
 *
 * <p>Both decoders see only the {@code !xxVDM} sentences (the part from {@code !}), which is the
 * input AisLib's {@code Vdm} accepts; {@link #bulwarkRawCapture} also feeds Bulwark the capture as
 * recorded (tag blocks and {@code $PGHP} headers included), as it reads it in production.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public abstract class AisDecodeBenchmark {

  /** The DMA 5-minute capture: 26,146 sentences. */
  @OperationsPerInvocation(DMA_SENTENCES)
  public static class Dma5min extends AisDecodeBenchmark {
    public Dma5min() {
      super("dma_2013-11-12_5min.nmea.gz");
    }
  }

  /** AisLib's stream example: 4,500 sentences. */
  @OperationsPerInvocation(STREAM_SENTENCES)
  public static class AisLibStreamExample extends AisDecodeBenchmark {
    public AisLibStreamExample() {
      super("aislib_stream_example.txt");
    }
  }

  private final String capture;

  protected AisDecodeBenchmark(String capture) {
    this.capture = capture;
  }

  /** Sentences only, as Strings (AisLib's input) and as bytes (Bulwark's input from a stream). */
  private String[] sentences;

  private byte[][] sentenceBytes;

  /** The capture as recorded, every line. */
  private byte[][] rawLines;

  private AisDecoder decoder;
  private Blackhole blackhole;

  @Setup(Level.Trial)
  public void load(Blackhole bh) throws IOException {
    this.blackhole = bh;
    List<String> all = new ArrayList<>();
    try (InputStream raw = AisDecodeBenchmark.class.getResourceAsStream("/ais/" + capture);
        InputStream in = AisFiles.maybeGunzip(raw)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      for (String line : bytes.toString(StandardCharsets.ISO_8859_1).split("\r?\n")) {
        if (!line.isEmpty()) {
          all.add(line);
        }
      }
    }
    List<String> s = new ArrayList<>();
    for (String line : all) {
      int bang = line.indexOf('!');
      if (bang >= 0 && line.indexOf("VD", bang) == bang + 3) {
        s.add(line.substring(bang));
      }
    }
    sentences = s.toArray(String[]::new);
    sentenceBytes = new byte[sentences.length][];
    for (int i = 0; i < sentences.length; i++) {
      sentenceBytes[i] = sentences[i].getBytes(StandardCharsets.ISO_8859_1);
    }
    rawLines = new byte[all.size()][];
    for (int i = 0; i < all.size(); i++) {
      rawLines[i] = all.get(i).getBytes(StandardCharsets.ISO_8859_1);
    }
    decoder = AisDecoder.builder(m -> blackhole.consume(m)).build();
    if (sentences.length != sentencesIn(capture)) {
      throw new IllegalStateException(
          capture
              + ": "
              + sentences.length
              + " sentences, expected "
              + sentencesIn(capture)
              + "; update @OperationsPerInvocation");
    }
  }

  /** Sentence counts of the captures, for {@code @OperationsPerInvocation}. */
  static int sentencesIn(String capture) {
    return capture.startsWith("dma") ? DMA_SENTENCES : STREAM_SENTENCES;
  }

  static final int DMA_SENTENCES = 26146;
  static final int STREAM_SENTENCES = 4500;

  private int runBulwark(byte[][] lines) {
    for (byte[] line : lines) {
      decoder.accept(line, 0, line.length);
    }
    decoder.finish();
    return lines.length;
  }

  @Benchmark
  public int bulwark() {
    return runBulwark(sentenceBytes);
  }

  @Benchmark
  public int bulwarkFromStrings() {
    for (String line : sentences) {
      decoder.accept(line);
    }
    decoder.finish();
    return sentences.length;
  }

  @Benchmark
  public int bulwarkRawCapture() {
    return runBulwark(rawLines);
  }

  @Benchmark
  public int aisLib(Blackhole bh) {
    Vdm vdm = new Vdm();
    int errors = 0;
    for (String line : sentences) {
      try {
        if (vdm.parse(line) == 0) {
          bh.consume(AisMessage.getInstance(vdm));
          vdm = new Vdm();
        }
      } catch (Exception e) {
        errors++;
        vdm = new Vdm();
      }
    }
    return errors;
  }
}
