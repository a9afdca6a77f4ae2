package dev.bulwark.bench.ais;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.source.AisFiles;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A/B of two builds of {@code bulwark-ais} on a shared machine: both jars are loaded in one JVM,
 * each in its own class loader (so each has its own JIT profile), and their decoding thread's CPU
 * time per sentence is measured in alternating rounds, from bytes and from Strings, as the JMH
 * benchmark feeds them. Reports mean and median over the second half of the rounds. Usage: {@code
 * AisAbProbe capture-resource rounds jarA jarB} (e.g. main's {@code bulwark-ais-0.1.0.jar} copied
 * aside, and this checkout's). Not a benchmark of record: a relative measure when wall-clock JMH
 * scores are disturbed by other load.
 */
public final class AisAbProbe {
  private AisAbProbe() {}

  /** Runs one decoder over the capture; loaded once per build, beside that build's classes. */
  public static final class Driver implements IntSupplier {
    private final byte[][] bytes;
    private final String[] strings;
    private final boolean fromStrings;
    private final AisDecoder decoder;
    private long sink;

    public Driver(byte[][] bytes, String[] strings, Boolean fromStrings) {
      this.bytes = bytes;
      this.strings = strings;
      this.fromStrings = fromStrings;
      this.decoder = AisDecoder.builder(m -> sink += m.message().mmsi()).build();
    }

    @Override
    public int getAsInt() {
      if (fromStrings) {
        for (String l : strings) {
          decoder.accept(l);
        }
      } else {
        for (byte[] l : bytes) {
          decoder.accept(l, 0, l.length);
        }
      }
      decoder.finish();
      return (int) sink;
    }
  }

  /**
   * Loads {@code dev.bulwark.ais} and the driver from its own URLs first, the rest from the parent.
   */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.bulwark.ais.") && !name.equals(Driver.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: AisAbProbe capture-resource rounds jarA jarB");
      System.exit(2);
    }
    String capture = args[0];
    int rounds = Integer.parseInt(args[1]);
    List<String> s = new ArrayList<>();
    try (InputStream raw = AisAbProbe.class.getResourceAsStream("/ais/" + capture);
        InputStream in = AisFiles.maybeGunzip(raw)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      for (String line : bytes.toString(StandardCharsets.ISO_8859_1).split("\r?\n")) {
        int bang = line.indexOf('!');
        if (bang >= 0 && line.indexOf("VD", bang) == bang + 3) {
          s.add(line.substring(bang));
        }
      }
    }
    String[] strings = s.toArray(String[]::new);
    byte[][] bytes = new byte[strings.length][];
    for (int i = 0; i < strings.length; i++) {
      bytes[i] = strings[i].getBytes(StandardCharsets.ISO_8859_1);
    }
    URL benchClasses = AisAbProbe.class.getProtectionDomain().getCodeSource().getLocation();
    IntSupplier[][] drivers = new IntSupplier[2][2];
    for (int v = 0; v < 2; v++) {
      for (int m = 0; m < 2; m++) {
        ChildFirst loader =
            new ChildFirst(
                new URL[] {Path.of(args[2 + v]).toUri().toURL(), benchClasses},
                AisAbProbe.class.getClassLoader());
        drivers[v][m] =
            (IntSupplier)
                loader
                    .loadClass(Driver.class.getName())
                    .getConstructor(byte[][].class, String[].class, Boolean.class)
                    .newInstance(bytes, strings, m == 1);
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[][][] t = new long[2][2][rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 4; k++) {
        int v = (k + r) % 2; // alternate which build goes first
        int m = k / 2;
        long t0 = mx.getCurrentThreadCpuTime();
        sink += drivers[v][m].getAsInt();
        t[v][m][r] = mx.getCurrentThreadCpuTime() - t0;
      }
    }
    for (int m = 0; m < 2; m++) {
      double[] mean = new double[2];
      for (int v = 0; v < 2; v++) {
        long[] x = Arrays.copyOfRange(t[v][m], rounds / 2, rounds);
        Arrays.sort(x);
        mean[v] = Arrays.stream(x).average().orElse(0) / strings.length;
        System.out.printf(
            "%s %-7s %s: mean %.1f, median %.1f ns/sentence (CPU)%n",
            capture,
            m == 0 ? "bytes" : "Strings",
            v == 0 ? "A" : "B",
            mean[v],
            x[x.length / 2] / (double) strings.length);
      }
      System.out.printf("  B/A = %.3f%n", mean[1] / mean[0]);
    }
    System.out.println("(checksum " + (sink & 0xff) + ")");
  }
}
