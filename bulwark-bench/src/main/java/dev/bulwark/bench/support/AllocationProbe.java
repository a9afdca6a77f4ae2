package dev.bulwark.bench.support;

import com.sun.management.OperatingSystemMXBean;
import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.Allocator;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.Period;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Solves one synthetic allocation several times and prints, per round, wall-clock time and the
 * process's CPU time (all threads, JIT and GC included), which says more than wall time on a shared
 * machine. Usage: {@code AllocationProbe [requirements] [offers] [rounds]}. Not thread-safe.
 */
public final class AllocationProbe {
  private AllocationProbe() {}

  public static void main(String[] args) {
    int reqs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int offers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SyntheticAllocation problem = new SyntheticAllocation(reqs, offers, 42);
    Map<String, Double> shares = new LinkedHashMap<>();
    new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp())
        .shares(Period.year(2024), Optional.empty())
        .forEach((k, v) -> shares.put(k, v.doubleValue()));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < rounds; i++) {
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      AllocationResult r =
          new Allocator().allocate(problem.requirements, problem.offers, shares, Map.of());
      System.out.printf(
          "round %d: %d LP variables, stage 2 %s, %d assignments, shortfall EUR %.0f, max deviation EUR %.0f: wall %d ms, process CPU %d ms%n",
          i + 1,
          r.variables(),
          r.stage2(),
          r.assignments().size(),
          r.shortfallEur(),
          r.maxDeviationEur(),
          (System.nanoTime() - wall) / 1_000_000,
          (os.getProcessCpuTime() - cpu) / 1_000_000);
    }
  }
}
