package dev.bulwark.bench.ais;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.source.AisFiles;
import dk.dma.ais.message.AisMessage;
import dk.dma.ais.sentence.Vdm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A check outside JMH for a shared, overloaded machine: the decoding thread's CPU time per sentence
 * (not wall time, which other processes inflate), Bulwark and AisLib alternating on the same
 * sentences. GC work on other threads is not included (AisLib allocates far more, so this favours
 * AisLib). Usage: {@code AisCpuTimeProbe [capture-resource] [rounds]}.
 */
public final class AisCpuTimeProbe {
  private AisCpuTimeProbe() {}

  public static void main(String[] args) throws IOException {
    String capture = args.length > 0 ? args[0] : "dma_2013-11-12_5min.nmea.gz";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    List<String> sentences = new ArrayList<>();
    try (InputStream raw = AisCpuTimeProbe.class.getResourceAsStream("/ais/" + capture);
        InputStream in = AisFiles.maybeGunzip(raw)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      for (String line : bytes.toString(StandardCharsets.ISO_8859_1).split("\r?\n")) {
        int bang = line.indexOf('!');
        if (bang >= 0 && line.indexOf("VD", bang) == bang + 3) {
          sentences.add(line.substring(bang));
        }
      }
    }
    byte[][] lines =
        sentences.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] sink = new long[1];
    AisDecoder decoder = AisDecoder.builder(m -> sink[0] += m.message().mmsi()).build();
    long oursTotal = 0;
    long theirsTotal = 0;
    int measured = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (byte[] l : lines) {
        decoder.accept(l, 0, l.length);
      }
      decoder.finish();
      long t1 = mx.getCurrentThreadCpuTime();
      Vdm vdm = new Vdm();
      for (String s : sentences) {
        try {
          if (vdm.parse(s) == 0) {
            sink[0] += AisMessage.getInstance(vdm).getUserId();
            vdm = new Vdm();
          }
        } catch (Exception e) {
          vdm = new Vdm();
        }
      }
      long t2 = mx.getCurrentThreadCpuTime();
      if (r >= rounds / 2) { // second half: warmed up
        oursTotal += t1 - t0;
        theirsTotal += t2 - t1;
        measured++;
      }
    }
    double ours = oursTotal / (double) measured / lines.length;
    double theirs = theirsTotal / (double) measured / lines.length;
    System.out.printf(
        "%s: %d sentences x %d rounds measured; CPU time per sentence: Bulwark %.0f ns"
            + " (%.2f M sentences/s), AisLib %.0f ns (%.2f M sentences/s); Bulwark %.1fx faster (checksum %d)%n",
        capture,
        lines.length,
        measured,
        ours,
        1e3 / ours,
        theirs,
        1e3 / theirs,
        theirs / ours,
        sink[0] & 0xff);
  }
}
