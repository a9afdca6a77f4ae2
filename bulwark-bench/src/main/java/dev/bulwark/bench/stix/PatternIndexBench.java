package dev.bulwark.bench.stix;

import dev.bulwark.stix.pattern.IndexMatch;
import dev.bulwark.stix.pattern.LiveIndex;
import dev.bulwark.stix.pattern.Observation;
import dev.bulwark.stix.pattern.PatternIndex;
import dev.bulwark.stix.pattern.StreamMatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pattern index with many indicators (issue 17): build time, memory, matcher-alone rate on
 * parsed observations (CPU time of the matching thread, so the figure holds on a shared machine),
 * the stream matcher's rate, and the longest gap in matching while a reload of the whole set is
 * built and swapped. Run: {@code java -Xmx2g -cp ... dev.bulwark.bench.stix.PatternIndexBench
 * [indicators=100000] [observations=200000] [rounds=5]}.
 */
public final class PatternIndexBench {

  private PatternIndexBench() {}

  public static void main(String[] args) throws Exception {
    int indicators = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    PatternWorkload w = new PatternWorkload(indicators, count, 17L);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long heap0 = usedHeap();
    long t0 = System.nanoTime();
    PatternIndex index = PatternIndex.build(w.indicators);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    long heap1 = usedHeap();
    System.out.printf(
        "index: %,d indicators (%,d unindexed, %,d errors) built in %,d ms; heap +%,d MB (patterns,"
            + " trees and keys); keys alone ~%,d MB%n",
        index.size(),
        index.unindexedCount(),
        index.errors().size(),
        buildMs,
        (heap1 - heap0) >> 20,
        index.estimatedKeyBytes() >> 20);
    for (int r = 1; r <= rounds; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      long matches = 0;
      for (Observation o : w.observations) {
        matches += index.match(o).size();
      }
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      long wall = System.nanoTime() - w0;
      System.out.printf(
          "round %d: matcher alone %,.0f observations/CPU-s (%,.0f /wall-s), %,d matches%n",
          r, count * 1e9 / cpu, count * 1e9 / wall, matches);
    }
    warm(index, w, mx);
    LiveIndex live = new LiveIndex(index);
    StreamMatcher stream = new StreamMatcher(live, 32);
    long c0 = mx.getCurrentThreadCpuTime();
    long matches = 0;
    for (Observation o : w.observations) {
      matches += stream.accept(o).size();
    }
    long cpu = mx.getCurrentThreadCpuTime() - c0;
    System.out.printf(
        "stream matcher: %,.0f observations/CPU-s, %,d matches, %,d held%n",
        count * 1e9 / cpu, matches, stream.pendingObservations());
    reload(live, w);
  }

  /**
   * The index's own cost with each observation still in the CPU caches, as in a pipeline that has
   * just parsed it: the 200,000 prepared observations are cold in memory when the loop reaches
   * them, so the rounds above mostly wait for their JSON trees. Each observation is matched twice
   * in a row; the second match's CPU time is the difference to a single pass.
   */
  private static void warm(PatternIndex index, PatternWorkload w, ThreadMXBean mx) {
    long once = Long.MAX_VALUE;
    long twice = Long.MAX_VALUE;
    long matches = 0;
    for (int r = 0; r < 2; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      for (Observation o : w.observations) {
        matches += index.match(o).size();
      }
      long c1 = mx.getCurrentThreadCpuTime();
      for (Observation o : w.observations) {
        matches += index.match(o).size();
        matches += index.match(o).size();
      }
      long c2 = mx.getCurrentThreadCpuTime();
      once = Math.min(once, c1 - c0);
      twice = Math.min(twice, c2 - c1);
    }
    System.out.printf(
        "matcher alone, observation already in cache (second match of each): %,.0f"
            + " observations/CPU-s (%,d matches in all)%n",
        w.observations.size() * 1e9 / Math.max(1, twice - once), matches);
  }

  private static void reload(LiveIndex live, PatternWorkload w) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong maxGap = new AtomicLong();
    AtomicLong maxGapEnd = new AtomicLong();
    AtomicLong maxGapCpu = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Thread matcher =
        new Thread(
            () -> {
              ThreadMXBean mx = ManagementFactory.getThreadMXBean();
              long last = System.nanoTime();
              long lastCpu = mx.getCurrentThreadCpuTime();
              int i = 0;
              List<Observation> obs = w.observations;
              while (!stop.get()) {
                List<IndexMatch> m = live.match(obs.get(i++ % obs.size()));
                long now = System.nanoTime();
                long cpu = mx.getCurrentThreadCpuTime();
                if (now - last > maxGap.get()) {
                  maxGap.set(now - last);
                  maxGapEnd.set(now);
                  maxGapCpu.set(cpu - lastCpu); // ~0: the thread did not run (OS or safepoint)
                }
                last = now;
                lastCpu = cpu;
                done.addAndGet(1 + m.size() * 0L);
              }
            });
    matcher.start();
    Thread.sleep(500);
    maxGap.set(0);
    long t0 = System.nanoTime();
    long up0 = ManagementFactory.getRuntimeMXBean().getUptime();
    live.reload(w.indicators);
    long t1 = System.nanoTime();
    Thread.sleep(200);
    stop.set(true);
    matcher.join();
    long gapEnd = maxGapEnd.get();
    System.out.printf(
        "reload of %,d indicators: %,d ms to build and swap; longest gap between two matches"
            + " meanwhile %.1f ms (GC pauses included; the matching thread ran %.1f ms of it on a"
            + " CPU), ending %,d ms after the reload started (%s the swap; reload started at JVM"
            + " uptime %,d ms)%n",
        w.indicators.size(),
        (t1 - t0) / 1_000_000,
        maxGap.get() / 1e6,
        maxGapCpu.get() / 1e6,
        (gapEnd - t0) / 1_000_000,
        gapEnd <= t1 ? "before" : "after",
        up0);
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
