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

/** Solves one synthetic allocation and prints its size and time (a quick check outside JMH). */
public final class AllocationProbe {
  private AllocationProbe() {}

  public static void main(String[] args) {
    int reqs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int offers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    SyntheticAllocation problem = new SyntheticAllocation(reqs, offers, 42);
    Map<String, Double> shares = new LinkedHashMap<>();
    new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp())
        .shares(Period.year(2024), Optional.empty())
        .forEach((k, v) -> shares.put(k, v.doubleValue()));
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      AllocationResult r = new Allocator().allocate(problem.requirements, problem.offers, shares, Map.of());
      System.out.printf("vars=%d assignments=%d shortfall=%.0f maxDev=%.0f time=%d ms%n",
          r.variables(), r.assignments().size(), r.shortfallEur(), r.maxDeviationEur(), (System.nanoTime() - t) / 1_000_000);
    }
  }
}
