package dev.bulwark.bench.misp;

import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.MispToStix;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Reads and converts a synthetic event set round after round, printing attributes per wall second
 * and per CPU second (the CPU figure is what a shared machine distorts least). Usage: {@code
 * MispConvertProbe [events] [attributesPerEvent] [rounds]}, default 1,000 × 100 × 6.
 */
public final class MispConvertProbe {
  private MispConvertProbe() {}

  /**
   * Runs the probe.
   *
   * @param args events, attributes per event, rounds
   * @throws Exception when reading fails
   */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int attrs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    List<byte[]> set = SyntheticMisp.events(events, attrs, 21);
    MispReader reader = new MispReader();
    MispToStix converter = new MispToStix(MispConvertBenchmark.settings());
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      long wall = System.nanoTime();
      long cpu = mx.getCurrentThreadCpuTime();
      long carried = 0;
      long objects = 0;
      for (byte[] e : set) {
        MispEvent ev = reader.read(new ByteArrayInputStream(e)).get(0);
        EventConversion c = converter.convert(ev);
        carried += c.attributes();
        objects += c.objects().size();
      }
      double w = (System.nanoTime() - wall) / 1e9;
      double c = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf(
          "round %d: %,d attributes (%,d STIX objects) in %.2f s wall, %.2f s CPU:"
              + " %,.0f attributes/s wall, %,.0f per CPU-s%n",
          round, carried, objects, w, c, carried / w, carried / c);
    }
  }
}
