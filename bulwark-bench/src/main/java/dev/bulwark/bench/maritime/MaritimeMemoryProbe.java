package dev.bulwark.bench.maritime;

import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.NmeaFeed;
import dev.bulwark.maritime.model.PositionReport;
import java.util.Locale;

/**
 * Memory per tracked vessel, two ways: the engine's own estimate ({@code retainedBytes}) and the
 * heap measured around it (used heap after full GCs, before and after). Cases: the DMA 5-minute
 * capture on the 10,000-segment layer (short tracks), and {@code vessels} vessels reporting every
 * 10 s for 24 h while zigzagging and changing speed (full tracks: the worst case the bound allows).
 * Run: {@code java -Xmx3g -cp ... dev.bulwark.bench.maritime.MaritimeMemoryProbe [vessels]}.
 */
public final class MaritimeMemoryProbe {

  private MaritimeMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    int vessels = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    InfrastructureLayer layer = SyntheticInfrastructure.layer(500, 20, 42);

    long before = used();
    MaritimeEngine dma = MaritimeEngine.withDefaults(layer, (a, c) -> {});
    NmeaFeed feed = new NmeaFeed("dma", dma::accept);
    for (byte[] l : MaritimeEngineBenchmark.lines()) {
      feed.line(l, 0, l.length);
    }
    feed.finish();
    long after = used();
    report("DMA 5-min capture", dma, after - before);

    for (InfrastructureLayer l : new InfrastructureLayer[] {InfrastructureLayer.empty(), layer}) {
      before = used();
      MaritimeEngine full = MaritimeEngine.withDefaults(l, (a, c) -> {});
      long t0 = 1_700_000_000_000L;
      for (int i = 0; i < 24 * 360; i++) {
        for (int v = 0; v < vessels; v++) {
          double cog = ((i / 30 + v) % 2 == 0) ? 60 : 120;
          double sog = 8 + ((i / 45) % 4);
          full.accept(
              new PositionReport(
                  230_000_000 + v,
                  t0 + i * 10_000L,
                  54.2 + (v % 40) * 0.09 + (i % 500) * 2e-4,
                  7.6 + (v / 40) * 0.3 + (i % 700) * 2e-4,
                  sog,
                  cog,
                  (int) cog,
                  0,
                  false));
        }
      }
      after = used();
      report(
          vessels
              + " vessels x 24 h every 10 s, "
              + (l.assets().isEmpty() ? "no infrastructure" : "10,000-segment layer")
              + " ("
              + full.stats().alerts()
              + " alert episodes)",
          full,
          after - before);
      full.finish();
    }
  }

  private static void report(String what, MaritimeEngine e, long heapDelta) {
    int n = e.stats().vessels();
    System.out.printf(
        Locale.ROOT,
        "%s: %d vessels, estimate %.0f B/vessel, measured heap %.0f B/vessel%n",
        what,
        n,
        (double) e.retainedBytes() / n,
        (double) heapDelta / n);
  }

  private static long used() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
