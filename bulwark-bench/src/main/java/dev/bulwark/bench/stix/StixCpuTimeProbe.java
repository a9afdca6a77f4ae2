package dev.bulwark.bench.stix;

import dev.bulwark.bench.store.SyntheticBundle;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects per CPU-second of {@link StixValidateBenchmark}'s work, measured as the thread's CPU time
 * rather than wall time, so that the figure means something on a machine shared with other work.
 * Run: {@code java -cp ... dev.bulwark.bench.stix.StixCpuTimeProbe [rounds]}. Prints one line per
 * round.
 */
public final class StixCpuTimeProbe {

  private StixCpuTimeProbe() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int count = 100_000;
    byte[] bundle = SyntheticBundle.of(count, 42L);
    StixCodec codec = new StixCodec();
    StixValidator validator = new StixValidator();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.printf("bundle: %,d objects, %,d bytes%n", count, bundle.length);
    for (int r = 1; r <= rounds; r++) {
      List<StixObject> parsed = new ArrayList<>(count);
      long c0 = mx.getCurrentThreadCpuTime();
      codec.read(
          new ByteArrayInputStream(bundle),
          new StixReadListener() {
            @Override
            public void object(StixObject object, String location) {
              parsed.add(object);
            }

            @Override
            public void malformed(String location, String message) {
              throw new IllegalStateException(location + ": " + message);
            }
          });
      long c1 = mx.getCurrentThreadCpuTime();
      int valid = 0;
      for (StixObject o : parsed) {
        if (validator.validate(o).valid()) {
          valid++;
        }
      }
      long c2 = mx.getCurrentThreadCpuTime();
      if (valid != count) {
        throw new IllegalStateException(valid + " of " + count + " valid");
      }
      System.out.printf(
          "round %d: read %,.0f objects/CPU-s, validate %,.0f objects/CPU-s, read+validate %,.0f objects/CPU-s%n",
          r, count / ((c1 - c0) / 1e9), count / ((c2 - c1) / 1e9), count / ((c2 - c0) / 1e9));
    }
  }
}
