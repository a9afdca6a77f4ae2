package dev.bulwark.bench.readiness;

import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.Summary;
import dev.bulwark.readiness.coverage.SummaryJson;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The library half of {@code GET /api/readiness/summary}: the summary (versions on the date, tiers,
 * curve, coverage, fair shares, the nine-quarter trend) and its JSON over 50,000 declarations
 * (10,000 units of 32 allies, 5 yearly versions). Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadinessSummaryBenchmark {
  private SyntheticDeclarations data;
  private final ReadinessCalculator calculator = ReadinessCalculator.nato();

  @Setup
  public void setUp() {
    data = new SyntheticDeclarations(10_000, 5, 22);
  }

  @Benchmark
  public String summaryJson() {
    Summary s = calculator.summary(data.all, LocalDate.of(2026, 6, 30));
    return SummaryJson.write(s).toString();
  }
}
