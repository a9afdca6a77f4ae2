package dev.bulwark.bench.incidents;

import dev.bulwark.incidents.migration.CrossingCount;
import dev.bulwark.incidents.migration.Surge;
import dev.bulwark.incidents.migration.SurgeDetector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to detect surges over 10 years of daily counts at 200 crossing points (synthetic, a quarter
 * of the points surging once). Goal: under 1 s. Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SurgeDetectBenchmark {

  private List<CrossingCount> counts;

  @Setup
  public void setUp() {
    counts = RegisterProbe.crossings(200, 10);
  }

  @Benchmark
  public List<Surge> detect() {
    return new SurgeDetector().detect(counts);
  }
}
