package dev.bulwark.bench.maritime;

import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.NmeaFeed;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The same work as {@link MaritimeEngineBenchmark#decodeTrackIndexDetect}, timed in thread CPU time
 * rather than wall time, for a machine shared with other work (where JMH's wall-clock scores swing
 * with the load). Warms up, then reports the median of the measured passes in sentences per CPU
 * second. Run: {@code java -cp ... dev.bulwark.bench.maritime.MaritimeCpuTimeProbe [passes]}.
 */
public final class MaritimeCpuTimeProbe {

  private MaritimeCpuTimeProbe() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    byte[][] lines = MaritimeEngineBenchmark.lines();
    int sentences = 0;
    for (byte[] l : lines) {
      for (int i = 0; i + 1 < l.length; i++) {
        if (l[i] == '!' && (l[i + 1] == 'A' || l[i + 1] == 'B')) {
          sentences++;
          break;
        }
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String name : new String[] {"synthetic10k", "baltic", "none"}) {
      InfrastructureLayer layer =
          switch (name) {
            case "synthetic10k" -> SyntheticInfrastructure.layer(500, 20, 42);
            case "baltic" -> GeoJsonInfrastructure.baltic().layer();
            default -> InfrastructureLayer.empty();
          };
      double[] rates = new double[passes];
      int sink = 0;
      for (int r = 0; r < passes * 2; r++) {
        long t = mx.getCurrentThreadCpuTime();
        MaritimeEngine engine = MaritimeEngine.withDefaults(layer, (a, c) -> {});
        NmeaFeed feed = new NmeaFeed("dma", engine::accept);
        for (byte[] l : lines) {
          feed.line(l, 0, l.length);
        }
        feed.finish();
        engine.finish();
        sink += engine.stats().vessels();
        long cpu = mx.getCurrentThreadCpuTime() - t;
        if (r >= passes) {
          rates[r - passes] = sentences / (cpu / 1e9);
        }
      }
      Arrays.sort(rates);
      System.out.printf(
          Locale.ROOT,
          "%-13s %,d sentences/pass: median %,.0f sentences per CPU-second (p10 %,.0f, p90 %,.0f) [%d]%n",
          name,
          sentences,
          rates[passes / 2],
          rates[passes / 10],
          rates[passes * 9 / 10],
          sink % 10);
    }
  }
}
