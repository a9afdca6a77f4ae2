package dev.bulwark.bench.support;

import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.Allocator;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to allocate synthetic offers to requirements with the lexicographic LP (both stages, plus
 * the explanation). The problem is {@link SyntheticAllocation} with seed 42, shares from 2023 GDP.
 * Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AllocationBenchmark {

  @Param({"500x125", "1000x250", "2000x500"})
  public String size;

  private SyntheticAllocation problem;
  private Map<String, Double> shares;

  @Setup
  public void setUp() {
    String[] parts = size.split("x");
    problem = new SyntheticAllocation(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 42);
    shares = new LinkedHashMap<>();
    new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp())
        .shares(Period.year(2024), Optional.empty())
        .forEach((k, v) -> shares.put(k, v.doubleValue()));
  }

  @Benchmark
  public AllocationResult allocate() {
    return new Allocator().allocate(problem.requirements, problem.offers, shares, Map.of());
  }
}
